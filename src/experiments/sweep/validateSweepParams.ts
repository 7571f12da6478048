import { isStampedeError, StampedeError } from "../../core/StampedeError.js";
import type { ScenarioLoader } from "../ExperimentPorts.js";
import type { SweepParam } from "./parseParam.js";

async function check(
  load: ScenarioLoader,
  ref: string,
  base: Record<string, string | number>,
  path: string,
  value: string | number,
): Promise<string | null> {
  try {
    await load(ref, { set: { ...base, [path]: value } });
    return null;
  } catch (e) {
    if (isStampedeError(e)) {
      const first = (e as { errors?: { message: string }[] }).errors?.[0];
      return first?.message ?? e.message;
    }
    throw e;
  }
}

/**
 * Checks every swept parameter against the scenario before any job runs: the path must exist and the field must
 * take FROM and TO as written and every grid value. When FROM and TO are whole numbers and the field rejects a
 * fractional grid value (a count on a log grid), the grid is rounded to whole numbers (duplicates removed). Returns
 * the parameters with their final values; throws E_BAD_PARAM with the path and the loader's reason.
 */
export async function validateSweepParams(
  load: ScenarioLoader,
  ref: string,
  params: readonly SweepParam[],
  base: Record<string, string | number> = {},
): Promise<SweepParam[]> {
  // The scenario itself must load (a bad name is reported as such, not as a bad parameter).
  await load(ref, { set: base });
  const out: SweepParam[] = [];
  for (const p of params) {
    const fail = (value: string | number, why: string): StampedeError =>
      new StampedeError("E_BAD_PARAM", `--param ${p.path}: the field cannot take ${value}: ${why}`, {
        path: p.path,
      });
    for (const text of [p.fromText, p.toText]) {
      const why = await check(load, ref, base, p.path, text);
      if (why !== null) throw fail(text, why);
    }
    let values = p.values;
    const whole = Number.isInteger(p.from) && Number.isInteger(p.to);
    for (const v of p.values) {
      const why = await check(load, ref, base, p.path, v);
      if (why === null) continue;
      if (!whole || Number.isInteger(v)) throw fail(v, why);
      values = [...new Set(p.values.map((x) => Math.round(x)))];
      for (const w of values) {
        const whyWhole = await check(load, ref, base, p.path, w);
        if (whyWhole !== null) throw fail(w, whyWhole);
      }
      if (values.length < 2) throw fail(values.join(", "), "fewer than 2 distinct whole values");
      break;
    }
    out.push({ ...p, values, points: values.length });
  }
  return out;
}
