import type { Command } from "commander";
import { register as registerBlast } from "./blast.js";
import { register as registerBoundary } from "./boundary.js";
import { register as registerCompare } from "./compare.js";
import { register as registerConcentration } from "./concentration.js";
import { register as registerDescribe } from "./describe.js";
import { register as registerLab } from "./lab.js";
import { register as registerList } from "./list.js";
import { register as registerMerge } from "./merge.js";
import { register as registerRegister } from "./register.js";
import { register as registerRun } from "./run.js";
import { register as registerSchema } from "./schema.js";
import { register as registerSector } from "./sector.js";
import { register as registerServe } from "./serve.js";
import { register as registerSweep } from "./sweep.js";
import { register as registerValidate } from "./validate.js";
import { register as registerWorker } from "./worker.js";

/**
 * Adds every subcommand to the program. One file per command in this folder, each exporting `register(program)`;
 * add a line here for a new one.
 */
export function registerCommands(program: Command): void {
  void program;
  registerRun(program);
  registerCompare(program);
  registerSweep(program);
  registerBoundary(program);
  registerMerge(program);
  registerWorker(program);
  registerList(program);
  registerDescribe(program);
  registerValidate(program);
  registerSchema(program);
  registerServe(program);
  registerLab(program);
  registerBlast(program);
  registerConcentration(program);
  registerRegister(program);
  registerSector(program);
}
