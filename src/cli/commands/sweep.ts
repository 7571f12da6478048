import type { Command } from "commander";
import { StampedeError } from "../../core/StampedeError.js";
import { ports as realPorts } from "../../experiments/defaultPorts.js";
import type { ExperimentPorts } from "../../experiments/ExperimentPorts.js";
import { collect, parseScenarioRunFlags, parseWhole } from "../../experiments/parseFlags.js";
import { chooseRunner } from "../../experiments/pool/chooseRunner.js";
import { parseWorkerCount } from "../../experiments/pool/parseWorkerCount.js";
import { textHash } from "../../experiments/preparedScenarios.js";
import { parseQueueName } from "../../experiments/queue/parseQueueName.js";
import { parseQueueUrl } from "../../experiments/queue/parseQueueUrl.js";
import { parseSecondsFlag } from "../../experiments/queue/parseSecondsFlag.js";
import { QUEUE_NAME } from "../../experiments/queue/QueuedJob.js";
import { openQueueRunner } from "../../experiments/queue/queueRunner.js";
import { parseParam } from "../../experiments/sweep/parseParam.js";
import { runSweep, sweepManifest } from "../../experiments/sweep/runSweep.js";
import { gridSize, type SweepPlan } from "../../experiments/sweep/SweepPlan.js";
import { SweepStopped } from "../../experiments/sweep/SweepStopped.js";
import { parseShard } from "../../experiments/sweep/shard.js";
import { validateSweepParams } from "../../experiments/sweep/validateSweepParams.js";
import { prepareOutDir } from "../../report/prepareOutDir.js";
import { progressReporter } from "../../report/progressReporter.js";
import { sweepText } from "../../report/sweepText.js";
import { writeSweepReport } from "../../report/writeSweepReport.js";

/** Grids larger than this need --yes. */
export const MAX_POINTS_WITHOUT_YES = 100_000;

interface SweepFlags {
  param: string[];
  replications: string;
  seed: string;
  workers?: string;
  concurrency?: string;
  scale?: string;
  set: string[];
  until?: string;
  out?: string;
  resume?: boolean;
  yes?: boolean;
  format: string;
  quiet?: boolean;
  shard?: string;
  queue?: string;
  queueName?: string;
  queueTimeout: string;
}

/** Exit code of a sweep stopped before its end (the queue was lost, SIGINT/SIGTERM): the results so far are kept. */
export const EXIT_STOPPED = 3;

export interface SweepDeps {
  ports: ExperimentPorts;
  /** File URL of the module whose `ports` the workers use. Default: the real model. */
  portsModule?: string;
}

/** `stampede sweep SCENARIO --param ...`: a grid of runs on a worker pool, streamed to results.jsonl; phase diagram. */
export function register(program: Command, deps: SweepDeps = { ports: realPorts }): void {
  program
    .command("sweep")
    .description("sweep parameters over a grid and draw the phase diagram (stable / recovers / metastable)")
    .argument("<scenario>", "scenario file or built-in name")
    .option(
      "--param <spec>",
      "path=FROM..TO:POINTS[:log], FROM and TO in the field's units, e.g. faults.x.end=5m..2h:12 (repeatable)",
      collect,
      [],
    )
    .option("--replications <r>", "runs per grid point (replication r uses seed + r at every point)", "1")
    .option("--seed <n>", "seed of the first replication", "1")
    .option(
      "--workers <n>",
      "worker threads (default: the number of cores); with --queue, see stampede worker",
    )
    .option("--concurrency <n>", "another name for --workers")
    .option("--scale <f>", "scale populations and capacities")
    .option("--set <path=value>", "override a field for every run (repeatable)", collect, [])
    .option("--until <duration>", "run length (default: the scenario's duration)")
    .option("--out <dir>", "directory for results.jsonl, sweep.json, phase.json, failures.json, report.html")
    .option("--resume", "skip jobs already in DIR/results.jsonl")
    .option("--yes", `allow grids over ${MAX_POINTS_WITHOUT_YES.toLocaleString("en-US")} points`)
    .option("--format <fmt>", "text or json (the phase diagram)", "text")
    .option("--quiet", "no progress on stderr")
    .option("--engine <name>", "event (default) or fluid (mean-field, deterministic: use --replications 1)")
    .option("--shard <k/n>", "run only shard k of n (jobs dealt in turn); combine with `stampede merge`")
    .option(
      "--queue <url>",
      "run the jobs on `stampede worker`s through Redis: redis://[user:pass@]HOST:PORT[/DB]",
    )
    .option("--queue-name <name>", "BullMQ queue to submit to (the workers' --queue-name)", QUEUE_NAME)
    .option(
      "--queue-timeout <duration>",
      "stop (exit 3, results kept) when Redis is unreachable this long",
      "30s",
    )
    .action(async (scenarioRef: string, flags: SweepFlags) => {
      if (flags.param.length === 0)
        throw new StampedeError("E_BAD_FLAG", "give at least one --param path=FROM..TO:POINTS[:log]", {
          path: "--param",
        });
      const parsed = flags.param.map(parseParam);
      const dup = parsed.find((p, i) => parsed.findIndex((q) => q.path === p.path) !== i);
      if (dup) throw new StampedeError("E_BAD_PARAM", "swept twice", { path: dup.path });
      const points = gridSize(parsed);
      if (points > MAX_POINTS_WITHOUT_YES && flags.yes !== true)
        throw new StampedeError(
          "E_GRID_TOO_LARGE",
          `the grid has ${points.toLocaleString("en-US")} points (over ${MAX_POINTS_WITHOUT_YES.toLocaleString("en-US")}): pass --yes to run it`,
          { path: "--param" },
        );
      const replications = parseWhole("--replications", flags.replications, 1);
      const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
      const queueUrl = flags.queue === undefined ? undefined : parseQueueUrl(flags.queue, "--queue");
      const queueTimeout = parseSecondsFlag("--queue-timeout", flags.queueTimeout);
      const { seed, format, set, scale, until, engine } = parseScenarioRunFlags(flags);
      const queueName = parseQueueName(flags.queueName);
      const workers = parseWorkerCount(flags);
      if (queueUrl !== undefined && (flags.workers ?? flags.concurrency) !== undefined)
        throw new StampedeError(
          "E_BAD_FLAG",
          "with --queue the jobs run on `stampede worker`s: give them --workers, not the sweep",
          { path: flags.workers === undefined ? "--concurrency" : "--workers" },
        );
      if (queueUrl === undefined && flags.queueName !== QUEUE_NAME)
        throw new StampedeError("E_BAD_FLAG", "--queue-name needs --queue", { path: "--queue-name" });
      if (flags.out === undefined)
        throw new StampedeError("E_BAD_FLAG", "a sweep needs --out DIR (results.jsonl streams there)", {
          path: "--out",
        });
      const dir = prepareOutDir(flags.out);
      const params = await validateSweepParams(deps.ports.load, scenarioRef, parsed, set);
      const source = deps.ports.source?.(scenarioRef);
      const plan: SweepPlan = {
        scenario: scenarioRef,
        ...(source === undefined ? {} : { scenarioHash: source.hash }),
        params,
        replications,
        seed,
        set,
        ...(scale === undefined ? {} : { scale }),
        ...(until === undefined ? {} : { until }),
        ...(engine === undefined ? {} : { engine }),
      };
      const jobs = gridSize(params) * replications;
      let runner: Awaited<ReturnType<typeof openQueueRunner>>;
      if (queueUrl === undefined) runner = chooseRunner(jobs > 1 ? workers : 1, deps);
      else {
        if (source === undefined)
          throw new StampedeError("E_BAD_FLAG", "these ports cannot queue", { path: "--queue" });
        try {
          runner = await openQueueRunner({
            url: queueUrl,
            sweepId: textHash(JSON.stringify(sweepManifest(plan))).slice(0, 16),
            source,
            queueTimeoutSeconds: queueTimeout,
            queueName,
            onWarning: (line) => process.stderr.write(`${line}\n`),
          });
        } catch (e) {
          if (!(e instanceof SweepStopped)) throw e;
          process.stderr.write(`error: ${e.message}\n`);
          process.exitCode = EXIT_STOPPED;
          return;
        }
      }
      // SIGINT/SIGTERM: stop collecting, write what finished (marked partial), exit 3; a second signal kills.
      const abort = new AbortController();
      const onSigint = () => abort.abort("stopped by SIGINT");
      const onSigterm = () => abort.abort("stopped by SIGTERM");
      process.once("SIGINT", onSigint);
      process.once("SIGTERM", onSigterm);
      const progress = progressReporter({
        label: "sweep",
        unit: "jobs",
        quiet: flags.quiet === true,
        plainLines: true,
        delaySeconds: 0,
      });
      try {
        const outcome = await runSweep(runner, plan, {
          dir,
          resume: flags.resume === true,
          signal: abort.signal,
          concurrency: queueUrl === undefined ? workers * 2 : jobs,
          ...(shard === undefined ? {} : { shard }),
          onProgress: (done, total) => progress.update(done, total),
          onFailure: (f) =>
            progress.log(
              `job failed: ${Object.entries(f.point)
                .map(([k, v]) => `${k}=${v}`)
                .join(" ")} seed ${f.seed}: ${f.message}`,
            ),
        });
        progress.stop();
        writeSweepReport(dir, scenarioRef, outcome);
        if (outcome.stopped !== null) {
          process.stderr.write(
            `error: ${outcome.stopped}; ${outcome.records.length} of ${outcome.total} jobs in ${dir}/results.jsonl (continue with --resume)\n`,
          );
          process.exitCode = EXIT_STOPPED;
          return;
        }
        if (format === "json") process.stdout.write(`${JSON.stringify(outcome.diagram, null, 2)}\n`);
        else {
          process.stdout.write(sweepText(outcome.diagram));
          process.stdout.write(
            `\n${outcome.ran} jobs run, ${outcome.resumed} resumed, ${outcome.failures.length} failed; ` +
              `results in ${dir}/results.jsonl, report in ${dir}/report.html\n`,
          );
        }
        if (outcome.failures.length > 0) process.exitCode = 1;
      } finally {
        progress.stop();
        await runner.close();
        process.off("SIGINT", onSigint);
        process.off("SIGTERM", onSigterm);
      }
    });
}
