import { LineCounter, parseDocument } from "yaml";
import { isStampedeError } from "../../core/StampedeError.js";
import { yamlData, yamlParseOptions, yamlSyntaxErrors } from "../../scenario/yamlData.js";
import type { ImportIssues } from "./ImportIssues.js";
import { yamlLocate } from "./yamlLocate.js";

/** Where a field of a YAML input is: `file:line:col` and its dotted path. */
export interface YamlPlace {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly path: string;
}

/** A YAML input file read for an importer: its plain data and a locator of its fields. */
export interface YamlInput {
  /** The document's data (undefined when empty). */
  readonly raw: unknown;
  /** The position of the node at `path` (the nearest existing ancestor when it is missing). */
  readonly at: (path: readonly PropertyKey[]) => YamlPlace;
}

/**
 * Parses one YAML document of an importer's input (graph file, failover side file) with positions. YAML syntax
 * errors (E_YAML_SYNTAX) and data errors (E_YAML) are added to `issues` and thrown at once as an ImportError, since
 * nothing else can be checked without the data.
 */
export function readYamlInput(file: string, text: string, issues: ImportIssues): YamlInput {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, yamlParseOptions(lineCounter));
  issues.errors.push(...yamlSyntaxErrors(doc, lineCounter, file, "E_YAML_SYNTAX"));
  issues.throwIfAny(file);
  let raw: unknown;
  try {
    raw = yamlData(doc, lineCounter, file, "E_YAML");
  } catch (e) {
    if (!isStampedeError(e)) throw e;
    issues.errors.push(e);
    issues.throwIfAny(file);
  }
  const at = (path: readonly PropertyKey[]): YamlPlace => ({
    file,
    ...yamlLocate(doc, lineCounter, path),
    path: path.map(String).join("."),
  });
  return { raw, at };
}
