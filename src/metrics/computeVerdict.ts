import type { VerdictSpec } from "../spec/VerdictSpec.js";
import { capacityBack, type FaultWindow } from "./capacityBack.js";
import { intervalIndex } from "./intervalIndex.js";
import type { Verdict } from "./RunResult.js";

/** Goodput is smoothed over this many seconds before the recovery test. */
export const SMOOTHING = 60;

export interface VerdictInputs {
  /** Goodput per interval (successes per second of the goodput fleets). */
  goodput: ArrayLike<number>;
  /** Attempts over first attempts per interval (NaN when there were none). */
  amplification: ArrayLike<number>;
  /** Largest share of declared capacity missing at the end of each interval (series `capacity.missing`, 0..1). */
  capacityMissing: ArrayLike<number>;
  /** Every fault of the scenario, trigger or not. */
  faults: readonly FaultWindow[];
  interval: number;
  triggerStart: number | null;
  triggerEnd: number | null;
  detectedAt: number | null;
  detectedBy: string | null;
  diagnosedAt: number | null;
  spec: VerdictSpec;
}

/**
 * The verdict of a run, as the design's output contract defines it: goodput against its mean over the baseline
 * window before the trigger; `recoveredAt` = start of the first `recoveredFor` stretch after the trigger's end with
 * every 1-minute mean at or above `recoveredRatio` of baseline; `metastable` = goodput still below `metastableRatio` of
 * baseline `metastableAfter` seconds after the trigger ended (averaged over the minute that starts then);
 * `sustained` (metastable runs only) = the capacity the trigger took away is back throughout that minute (see
 * capacityBack), so the load alone keeps goodput down.
 */
export function computeVerdict(x: VerdictInputs): Verdict {
  const { goodput, interval, spec } = x;
  const n = goodput.length;
  const idx = (t: number) => intervalIndex(t, interval, n);
  let baseline = 0;
  if (x.triggerStart !== null) {
    const from = idx(x.triggerStart - spec.baselineWindow);
    const to = Math.max(from + 1, idx(x.triggerStart));
    let sum = 0;
    for (let i = from; i < to && i < n; i++) sum += goodput[i]!;
    baseline = sum / Math.max(1, Math.min(to, n) - from);
  } else {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += goodput[i]!;
    baseline = n > 0 ? sum / n : 0;
  }
  let recoveredAt: number | null = null;
  let metastable = false;
  let sustained: boolean | null = null;
  let minRatio = 1;
  let lost = 0;
  if (x.triggerStart !== null && x.triggerEnd !== null && baseline > 0) {
    // Goodput is judged on 1-minute means (one interval when intervals are longer), so that Poisson noise in small
    // populations does not hide a recovery: the stretch is recovered when every minute inside it is.
    const m = Math.max(1, Math.round(SMOOTHING / interval));
    const need = Math.max(1, Math.round(spec.recoveredFor / interval) - m + 1);
    let run = 0;
    let sum = 0;
    const from = idx(x.triggerEnd);
    for (let i = from; i < n; i++) {
      sum += goodput[i]!;
      if (i - from >= m) sum -= goodput[i - m]!;
      if (i - from + 1 < m) continue;
      if (sum / m >= spec.recoveredRatio * baseline) {
        run++;
        if (run === need) {
          recoveredAt = (i - m + 1 - need + 1) * interval;
          break;
        }
      } else run = 0;
    }
    for (let i = idx(x.triggerStart); i < n; i++) {
      const ratio = goodput[i]! / baseline;
      if (ratio < minRatio) minRatio = ratio;
      if (ratio < 1) lost += (1 - ratio) * interval;
    }
    const at = idx(x.triggerEnd + spec.metastableAfter);
    const span = Math.max(1, Math.round(60 / interval));
    if (at < n) {
      let sum = 0;
      let k = 0;
      for (let i = at; i < Math.min(n, at + span); i++, k++) sum += goodput[i]!;
      metastable = sum / k < spec.metastableRatio * baseline;
      if (metastable)
        sustained = capacityBack({
          capacityMissing: x.capacityMissing,
          faults: x.faults,
          interval,
          triggerStart: x.triggerStart,
          baselineWindow: spec.baselineWindow,
          checkStart: at * interval,
          checkEnd: Math.min(n, at + span) * interval,
        });
    }
  }
  let peak = 0;
  const from = x.triggerStart === null ? 0 : idx(x.triggerStart - spec.baselineWindow);
  for (let i = from; i < x.amplification.length; i++) {
    const a = x.amplification[i]!;
    if (Number.isFinite(a) && a > peak) peak = a;
  }
  return {
    metastable,
    sustained,
    triggerStart: x.triggerStart,
    triggerEnd: x.triggerEnd,
    detectedAt: x.detectedAt === null ? null : round(x.detectedAt, 3),
    detectedBy: x.detectedBy,
    diagnosedAt: x.diagnosedAt === null ? null : round(x.diagnosedAt, 3),
    recoveredAt,
    peakAmplification: round(peak, 3),
    baselineGoodput: round(baseline, 3),
    minGoodputRatio: round(minRatio, 4),
    goodputLostSeconds: round(lost, 1),
  };
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
