import type { VerdictSpec } from "../spec/VerdictSpec.js";
import { capacityBack, type FaultWindow } from "./capacityBack.js";
import { intervalIndex } from "./intervalIndex.js";
import type { Verdict } from "./RunResult.js";

export interface VerdictInputs {
  /** Goodput per interval (successes per second of the goodput fleets; NaN for an interval without data). */
  goodput: ArrayLike<number>;
  /** Attempts sent over first attempts per interval (NaN when there were none). */
  amplification: ArrayLike<number>;
  /**
   * Largest share of declared capacity that trigger-marked automation and faults hold away at the end of each
   * interval (series `capacity.missing`, 0..1).
   */
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

/** Mean and sample standard deviation of the finite values of `xs[from, to)`; NaN mean when there are none. */
function meanStd(xs: ArrayLike<number>, from: number, to: number): { mean: number; std: number } {
  let k = 0;
  let sum = 0;
  for (let i = from; i < to; i++) {
    const v = xs[i]!;
    if (Number.isFinite(v)) {
      sum += v;
      k++;
    }
  }
  if (k === 0) return { mean: Number.NaN, std: 0 };
  const mean = sum / k;
  let ss = 0;
  for (let i = from; i < to; i++) {
    const v = xs[i]!;
    if (Number.isFinite(v)) ss += (v - mean) ** 2;
  }
  return { mean, std: k > 1 ? Math.sqrt(ss / (k - 1)) : 0 };
}

/**
 * The verdict of a run, as the design's output contract defines it (all thresholds from the scenario's `verdict`):
 * - baseline: mean goodput over `baselineWindow` before the trigger (intervals without data skipped), and its noise
 *   floor, the sample standard deviation over that window;
 * - `recoveredAt`: start of the first `recoveredFor` stretch after the trigger's end with every `smoothing` mean at
 *   or above `recoveredRatio` of baseline, never earlier than `triggerEnd`;
 * - `metastable`: goodput still below `metastableRatio` of baseline `metastableAfter` after the trigger ended, averaged
 *   over the `metastableWindow` that starts then; null when the run ends before that window does;
 * - `sustained` (metastable runs only): the capacity the trigger took away is back throughout that window (see
 *   capacityBack), so the load alone keeps goodput down;
 * - `goodputLostSeconds`: the integral of max(0, baseline - goodput) / baseline from `triggerStart` to `recoveredAt`
 *   (or the end), an interval whose shortfall is within the noise floor counting 0;
 * - `stable`: goodput never under `stableRatio` of baseline after the trigger started.
 */
export function computeVerdict(x: VerdictInputs): Verdict {
  const { goodput, interval, spec } = x;
  const n = goodput.length;
  const idx = (t: number) => intervalIndex(t, interval, n);
  let baseline = 0;
  let std = 0;
  {
    const from = x.triggerStart === null ? 0 : idx(x.triggerStart - spec.baselineWindow);
    const to = x.triggerStart === null ? n : Math.min(n, Math.max(from + 1, idx(x.triggerStart)));
    const b = meanStd(goodput, from, to);
    if (Number.isFinite(b.mean)) {
      baseline = b.mean;
      std = b.std;
    }
  }
  let recoveredAt: number | null = null;
  let metastable: boolean | null = false;
  let sustained: boolean | null = null;
  let minRatio = 1;
  let lost = 0;
  if (x.triggerStart !== null && x.triggerEnd !== null && baseline > 0) {
    // Goodput is judged on `smoothing` means (one interval when intervals are longer), so that Poisson noise in small
    // populations does not hide a recovery: the stretch is recovered when every mean inside it is. An interval
    // without data is not recovered.
    const m = Math.max(1, Math.round(spec.smoothing / interval));
    const need = Math.max(1, Math.round(spec.recoveredFor / interval) - m + 1);
    let run = 0;
    let sum = 0;
    let missing = 0;
    const from = idx(x.triggerEnd);
    for (let i = from; i < n; i++) {
      const g = goodput[i]!;
      if (Number.isFinite(g)) sum += g;
      else missing++;
      if (i - from >= m) {
        const old = goodput[i - m]!;
        if (Number.isFinite(old)) sum -= old;
        else missing--;
      }
      if (i - from + 1 < m) continue;
      if (missing === 0 && sum / m >= spec.recoveredRatio * baseline) {
        run++;
        if (run === need) {
          recoveredAt = Math.max(x.triggerEnd, (i - m + 1 - need + 1) * interval);
          break;
        }
      } else run = 0;
    }
    for (let i = idx(x.triggerStart); i < n; i++) {
      const g = goodput[i]!;
      if (!Number.isFinite(g)) continue;
      const ratio = g / baseline;
      if (ratio < minRatio) minRatio = ratio;
    }
    // Loss: only between the trigger's start and the recovery (or the end), each interval weighted by its overlap.
    const lossEnd = recoveredAt ?? n * interval;
    for (let i = idx(x.triggerStart); i < n && i * interval < lossEnd; i++) {
      const g = goodput[i]!;
      if (!Number.isFinite(g)) continue;
      const short = baseline - g;
      if (short <= std) continue;
      const overlap = Math.min((i + 1) * interval, lossEnd) - Math.max(i * interval, x.triggerStart);
      if (overlap > 0) lost += (short / baseline) * overlap;
    }
    const at = Math.floor((x.triggerEnd + spec.metastableAfter) / interval + 1e-9);
    const span = Math.max(1, Math.round(spec.metastableWindow / interval));
    // The run ends before the metastable window does: too short to tell.
    if (at + span > n) metastable = null;
    else {
      const w = meanStd(goodput, at, at + span);
      // A window without any data cannot tell either.
      metastable = Number.isNaN(w.mean) ? null : w.mean < spec.metastableRatio * baseline;
      if (metastable === true)
        sustained = capacityBack({
          capacityMissing: x.capacityMissing,
          faults: x.faults,
          interval,
          triggerStart: x.triggerStart,
          baselineWindow: spec.baselineWindow,
          checkStart: at * interval,
          checkEnd: (at + span) * interval,
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
    stable: minRatio >= spec.stableRatio,
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
    goodputNoiseFloor: baseline > 0 ? round(std / baseline, 4) : 0,
  };
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
