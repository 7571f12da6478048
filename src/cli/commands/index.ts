import type { Command } from "commander";
import { register as registerCompare } from "./compare.js";
import { register as registerRun } from "./run.js";
import { register as registerSweep } from "./sweep.js";

/**
 * Adds every subcommand to the program. One file per command in this folder, each exporting `register(program)`;
 * add a line here for a new one.
 */
export function registerCommands(program: Command): void {
  void program;
  registerRun(program);
  registerCompare(program);
  registerSweep(program);
}
