import type { Command } from "commander";

/**
 * Adds every subcommand to the program. One file per command in this folder, each exporting `register(program)`;
 * add a line here for a new one.
 */
export function registerCommands(program: Command): void {
  void program;
}
