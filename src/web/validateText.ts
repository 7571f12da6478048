import { isStampedeError, type StampedeError } from "../core/StampedeError.js";
import type { ExperimentPorts } from "../experiments/ExperimentPorts.js";
import type { Scenario } from "../scenario/Scenario.js";
import type { ScenarioChoice } from "./webJobs.js";

/** One located problem of a scenario, as the editor shows it. */
export interface EditorProblem {
  code: string;
  line: number | null;
  col: number | null;
  path: string | null;
  message: string;
  /** `file:line:col  path  message`, as `stampede validate` prints it. */
  text: string;
}

/** What the editor gets back from validation: ok, or every problem, each located when it can be. */
export interface ValidateResult {
  ok: boolean;
  problems: EditorProblem[];
  /** The scenario's variants when it loads. */
  variants: string[];
}

function problem(e: StampedeError): EditorProblem {
  return {
    code: e.code,
    line: e.location?.line ?? null,
    col: e.location?.col ?? null,
    path: e.path ?? null,
    message: e.message,
    text: e.format(),
  };
}

/** Validates the choice (its text, variant and overrides) as `stampede validate` does, for the editor. */
export async function validateText(
  _ports: ExperimentPorts,
  c: ScenarioChoice,
  load: (c: ScenarioChoice) => Promise<Scenario>,
): Promise<ValidateResult> {
  try {
    const s = await load(c);
    return { ok: true, problems: [], variants: Object.keys(s.variants) };
  } catch (e) {
    if (!isStampedeError(e)) throw e;
    const many = (e as StampedeError & { errors?: StampedeError[] }).errors;
    return { ok: false, problems: (many && many.length > 0 ? many : [e]).map(problem), variants: [] };
  }
}
