import type { MonitoringSpec } from "../spec/MonitoringSpec.js";
import type { OperatorActionSpec, OperatorStepSpec, OperatorsSpec } from "../spec/OperatorsSpec.js";
import { clockSeconds } from "./clockSeconds.js";

/** What operators read from monitoring (the event model's Monitor and the fluid engine's both provide it). */
export interface OperatorMonitor {
  readonly spec: MonitoringSpec;
  /** First time the metric alarm held on arrived data, or NaN. */
  readonly metricAlarmAt: number;
  staleness(now: number): number;
  blind(now: number): boolean;
  /** Ground truth: is any source's error ratio above the alarm threshold? */
  impacted(): boolean;
}

/** How operators act: schedule a callback at a time, apply a runbook action. */
export interface OperatorEffectsPort {
  scheduleAt(at: number, fn: () => void): void;
  apply(action: OperatorActionSpec, path: string): void;
}

/** One runbook step's record, for the summary. */
export interface StepRecord {
  name: string;
  type: OperatorActionSpec["type"];
  at: number | null;
}

/**
 * The latest end of `faults` (a scenario's faults by name), seconds; NaN without any: what the `sustained` anchor
 * waits for (an impact after every fault ended).
 */
export function latestFaultEnd(faults: Readonly<Record<string, { end: number }>>): number {
  let end = Number.NaN;
  for (const f of Object.values(faults)) if (!(f.end <= end)) end = f.end;
  return end;
}

/**
 * Operators: they detect trouble through three channels (a metric alarm on telemetry that arrived, a no-data alarm
 * on stale telemetry, the slow channel of logs and customer reports), then diagnose the cause. Diagnosis accrues
 * `dt / visible` per second while monitoring is fresh and `dt / blind` while it is stale, and is done at 1. Each
 * runbook step runs `delay` seconds after its anchor: detection, diagnosis, sustained (an impact still seen in a whole
 * interval after every fault ended), sustained-diagnosis (diagnosis accrued afresh from sustained), or another step. A
 * first reaction
 * (anchored on detection or diagnosis) is skipped when monitoring is fresh and shows no impact by then, and so are
 * the steps anchored on it; steps of a plan already started are carried through.
 */
export class Operators {
  readonly spec: OperatorsSpec | undefined;
  detectedAt: number | null = null;
  detectedBy: string | null = null;
  diagnosedAt: number | null = null;
  /** When an impact was seen in a whole interval after every fault had ended (the outage outlived its trigger). */
  sustainedAt: number | null = null;
  /** When the sustained outage was diagnosed (diagnosis accrued afresh from `sustainedAt`). */
  sustainedDiagnosedAt: number | null = null;
  private impactSince: number | null = null;
  private diagnosis = 0;
  private sustainedDiagnosis = 0;
  /** The latest end of the scenario's faults, seconds; NaN without any. */
  private readonly faultsEnd: number;
  private readonly monitor: OperatorMonitor | undefined;
  private readonly effects: OperatorEffectsPort;
  readonly steps: StepRecord[];

  /**
   * `start`: the scenario's ISO start, against which clock times (`at: 10:37`) are read; `faultsEnd`: the latest end
   * of the scenario's faults in seconds ({@link latestFaultEnd}; NaN without faults), after which a lasting impact is
   * `sustained`.
   */
  constructor(
    spec: OperatorsSpec | undefined,
    monitor: OperatorMonitor | undefined,
    effects: OperatorEffectsPort,
    start: string,
    faultsEnd: number,
  ) {
    this.spec = spec;
    this.faultsEnd = faultsEnd;
    this.monitor = monitor;
    this.effects = effects;
    this.steps = Object.entries(spec?.runbook ?? {}).map(([name, s]) => ({
      name,
      type: s.do.type,
      at: null,
    }));
    for (const [name, step] of Object.entries(spec?.runbook ?? {}))
      if (step.at !== undefined) this.scheduleStep(name, step, "", clockSeconds(start, step.at) + step.delay);
  }

  /** Called at the end of every metrics interval [now - dt, now). */
  onTick(now: number, dt: number): void {
    const m = this.monitor;
    if (m === undefined) return;
    if (this.detectedAt === null) {
      const spec = m.spec;
      // The slow channel (customers, logs) reports an impact that lasts, not a blip: it forgets one that ended.
      if (!m.impacted()) this.impactSince = null;
      else if (this.impactSince === null) this.impactSince = now - dt;
      const candidates: [number, string][] = [];
      if (!Number.isNaN(m.metricAlarmAt)) candidates.push([m.metricAlarmAt, "metric-alarm"]);
      if (m.staleness(now) >= spec.alarms.noData.after) candidates.push([now, "no-data-alarm"]);
      if (this.impactSince !== null && now >= this.impactSince + spec.slowChannel.delay) {
        candidates.push([this.impactSince + spec.slowChannel.delay, "slow-channel"]);
      }
      if (candidates.length > 0) {
        candidates.sort((a, b) => a[0] - b[0]);
        this.detect(candidates[0]![0], candidates[0]![1]);
      }
      return;
    }
    if (this.diagnosedAt === null && this.spec !== undefined) {
      const at = this.accrue("diagnosis", dt, now);
      if (!Number.isNaN(at)) {
        this.diagnosedAt = at;
        this.anchor("diagnosis", at);
      }
    }
    // The outage outlived its trigger: an impact in a whole interval after every fault ended. Operators then diagnose
    // what sustains it afresh, at the same rates (the first diagnosis found the trigger, not this).
    if (this.sustainedAt === null) {
      if (!Number.isNaN(this.faultsEnd) && now - dt >= this.faultsEnd && m.impacted()) {
        this.sustainedAt = now;
        this.anchor("sustained", now);
      }
    } else if (this.sustainedDiagnosedAt === null && this.spec !== undefined) {
      const at = this.accrue("sustainedDiagnosis", dt, now);
      if (!Number.isNaN(at)) {
        this.sustainedDiagnosedAt = at;
        this.anchor("sustained-diagnosis", at);
      }
    }
  }

  /**
   * Accrues the diagnosis progress `key` over (now - dt, now], at `1 / blind` per second while monitoring is stale and
   * `1 / visible` while it is fresh; returns the moment it reached 1, or NaN while it has not.
   */
  private accrue(key: "diagnosis" | "sustainedDiagnosis", dt: number, now: number): number {
    const d = this.spec!.diagnosis;
    const rate = this.monitor!.blind(now) ? 1 / d.blind : 1 / d.visible;
    const before = this[key];
    this[key] = before + dt * rate;
    return this[key] >= 1 ? now - dt + (1 - before) / rate : Number.NaN;
  }

  private detect(at: number, by: string): void {
    this.detectedAt = at;
    this.detectedBy = by;
    this.anchor("detection", at);
  }

  /** Schedules the steps anchored on `anchor` (detection, diagnosis, or a step's name) that happened at `at`. */
  private anchor(anchor: string, at: number): void {
    if (this.spec === undefined) return;
    for (const [name, step] of Object.entries(this.spec.runbook)) {
      if (step.after !== anchor) continue;
      this.scheduleStep(name, step, anchor, at + step.delay);
    }
  }

  /** Carries out step `name` at `when` (anchored on `anchor`; "" for a fixed time), then anchors the steps after it. */
  private scheduleStep(name: string, step: OperatorStepSpec, anchor: string, when: number): void {
    this.effects.scheduleAt(when, () => {
      // Operators who can see a healthy system do not start acting on it: a step anchored on detection or
      // diagnosis is skipped (with the steps after it) when monitoring is fresh and shows no impact. While blind
      // they follow the runbook, and a plan once started (steps anchored on steps) is carried through.
      const m = this.monitor;
      const reaction =
        anchor === "detection" ||
        anchor === "diagnosis" ||
        anchor === "sustained" ||
        anchor === "sustained-diagnosis";
      if (reaction && m !== undefined && !m.blind(when) && !m.impacted()) return;
      const rec = this.steps.find((s) => s.name === name)!;
      rec.at = when;
      this.effects.apply(step.do, `operators.runbook.${name}.do`);
      this.anchor(name, when);
    });
  }
}
