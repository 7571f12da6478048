import { type ChildProcess, spawn } from "node:child_process";

/**
 * Every process the lab started (HAProxy, the service, the client processes), so that all of them are killed on the
 * run's end, on SIGINT/SIGTERM and when one of them crashes. Node children are started through `sh -c` with
 * `ulimit -n` raised to the hard limit, and with tsx when running from source (a .ts entry).
 */
export class LabProcesses {
  readonly children: ChildProcess[] = [];
  private stopping = false;

  /** Starts a node entry (`.ts` from source, `.js` built) with an IPC channel; `arg` is its one argument. */
  node(entry: string, arg: string): ChildProcess {
    const loader = entry.endsWith(".ts") ? ["--import", "tsx"] : [];
    const argv = [...loader, entry, arg].map(shellQuote).join(" ");
    const child = spawn(
      "/bin/sh",
      ["-c", `ulimit -n "$(ulimit -Hn)" && exec ${shellQuote(process.execPath)} ${argv}`],
      {
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      },
    );
    this.children.push(child);
    return child;
  }

  program(path: string, args: readonly string[]): ChildProcess {
    const child = spawn(path, args, { stdio: ["ignore", "ignore", "pipe"] });
    this.children.push(child);
    return child;
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  /** Kills every child (SIGKILL) and waits until each has exited. */
  async killAll(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      this.children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            c.once("exit", () => resolve());
            c.kill("SIGKILL");
          }),
      ),
    );
  }

  /** Process ids of the children (for tests: none may be alive after a run). */
  get pids(): number[] {
    return this.children.map((c) => c.pid).filter((p): p is number => p !== undefined);
  }
}

function shellQuote(s: string): string {
  return `'${s.replaceAll("'", "'\\''")}'`;
}
