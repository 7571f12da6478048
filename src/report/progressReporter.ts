import { performance } from "node:perf_hooks";
import cliProgress from "cli-progress";
import { formatEta } from "./formatEta.js";

/** Options of `progressReporter`. */
export interface ProgressOptions {
  /** Shown before the bar: `run`, `sweep`. */
  label: string;
  /** Print nothing at all. */
  quiet?: boolean;
  /** Unit of the counts for plain lines and the bar (`jobs`); fraction-only progress when absent. */
  unit?: string;
  /** Show the bar only once the work has taken this long, seconds (short runs stay silent). Default 1. */
  delaySeconds?: number;
  /** Without a TTY, print a plain line at every quarter (otherwise print nothing). Default false. */
  plainLines?: boolean;
  /** Where to write. Default process.stderr. */
  stream?: NodeJS.WriteStream;
}

export interface Progress {
  /** Reports `done` of `total` (a fraction when total is 1). */
  update(done: number, total: number): void;
  /** Writes a line above the bar (a failed job, a warning). */
  log(line: string): void;
  stop(): void;
}

/**
 * Progress on stderr: a cli-progress bar with ETA on a TTY once the work has lasted `delaySeconds`; without a TTY
 * nothing, or a few plain lines when `plainLines`; nothing at all with `quiet`.
 */
export function progressReporter(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const quiet = options.quiet ?? false;
  const tty = stream.isTTY === true;
  const started = performance.now();
  const delay = (options.delaySeconds ?? 1) * 1000;
  let bar: cliProgress.SingleBar | null = null;
  let lastQuarter = 0;
  const unit = options.unit;
  return {
    update(done, total) {
      if (quiet) return;
      if (tty) {
        const scaled = unit === undefined ? Math.round((done / total) * 1000) : done;
        const max = unit === undefined ? 1000 : total;
        if (!bar && performance.now() - started >= delay && done < total) {
          bar = new cliProgress.SingleBar(
            {
              stream,
              format: `${options.label} {bar} {percentage}% ${unit === undefined ? "" : `| {value}/{total} ${unit} `}| ETA {eta_formatted}`,
              etaBuffer: 50,
              formatTime: (t: number | string, _o: unknown, roundTo?: number) => formatEta(t, roundTo),
              hideCursor: true,
              clearOnComplete: true,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(max, scaled);
        } else bar?.update(scaled);
        return;
      }
      if (!options.plainLines || total <= 0) return;
      const quarter = Math.floor((done / total) * 4);
      if (quarter > lastQuarter) {
        lastQuarter = quarter;
        const elapsed = (performance.now() - started) / 1000;
        const counts = unit === undefined ? "" : ` (${done}/${total} ${unit})`;
        stream.write(`${options.label}: ${quarter * 25}%${counts} after ${elapsed.toFixed(1)}s\n`);
      }
    },
    log(line) {
      if (bar) stream.write("\n");
      stream.write(`${line}\n`);
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
