import type { Command } from "commander";
import pc from "picocolors";
import { StampedeError } from "../../core/StampedeError.js";
import { ports } from "../../experiments/defaultPorts.js";
import { parseWhole } from "../../experiments/parseFlags.js";
import { poolRunner } from "../../experiments/pool/poolRunner.js";
import { isLoopback } from "../../web/security.js";
import { startServer } from "../../web/server.js";

interface ServeFlags {
  port: string;
  host: string;
  root: string;
  maxRuns: string;
}

/** `stampede serve`: the local web app (browse, edit, run, compare, sweep, blast) on 127.0.0.1. */
export function register(program: Command): void {
  program
    .command("serve")
    .description(
      "a local web app: browse and edit scenarios, run, compare and sweep them, open blast analyses",
    )
    .option("--port <p>", "port (0: any free port)", "4177")
    .option("--host <h>", "address to bind; anything but loopback is reachable from the network", "127.0.0.1")
    .option("--root <dir>", "workspace: scenarios and registers are read from under it, and only there", ".")
    .option("--max-runs <n>", "jobs (and worker threads) at once", "2")
    .action(async (flags: ServeFlags) => {
      const port = parseWhole("--port", flags.port, 0);
      if (port > 65535)
        throw new StampedeError("E_BAD_FLAG", "--port must be at most 65535", { path: "--port" });
      const maxRuns = parseWhole("--max-runs", flags.maxRuns, 1);
      if (!isLoopback(flags.host))
        process.stderr.write(
          pc.red(
            pc.bold(
              `WARNING: --host ${flags.host} is not loopback: anyone who can reach this address and learns the token can run simulations and read files under --root. Use 127.0.0.1 unless you mean it.\n`,
            ),
          ),
        );
      const runner = poolRunner({ workers: maxRuns });
      const server = await startServer({ host: flags.host, port, root: flags.root, ports, runner, maxRuns });
      process.stdout.write(
        `stampede serve: open ${server.url}#token=${server.token}\n(the token is required for every change; Ctrl-C stops)\n`,
      );
      const stop = (): void => {
        void server
          .close()
          .then(() => runner.close())
          .then(() => process.exit(0));
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
