import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { StampedeError } from "../core/StampedeError.js";
import { findScenarioFile } from "../scenario/builtins.js";
import {
  type LoadOptions,
  type PreparedScenario,
  prepareScenarioText,
  resolveScenario,
} from "../scenario/loadScenario.js";
import type { Scenario } from "../scenario/Scenario.js";

/** A scenario file's text, its name for messages and the SHA-256 of the text (hex): the content address. */
export interface ScenarioText {
  file: string;
  text: string;
  hash: string;
}

/** SHA-256 of `text`, hex. */
export function textHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Reads a scenario by file path or built-in name. Throws E_SCENARIO_NOT_FOUND or E_SCENARIO. */
export function readScenarioText(ref: string): ScenarioText {
  const file = findScenarioFile(ref);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new StampedeError(
      "E_SCENARIO",
      `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  return { file, text, hash: textHash(text) };
}

/** Scenario loading that parses and validates each distinct file once, then only resolves points. */
export interface PreparedLoader {
  /** Loads by file path or built-in name (the file is read each time; it is prepared again only when it changed). */
  load(ref: string, options: LoadOptions): Scenario;
  /** Loads from text, prepared once per distinct (file, text). */
  loadText(text: string, file: string, options: LoadOptions): Scenario;
  /** Files prepared so far (parsed and validated with every variant). */
  readonly prepared: number;
}

/**
 * A loader that validates and builds each base scenario once (parse, check, every variant) and per call only applies
 * the variant and overrides, checks the result and scales it. Keeps the last `capacity` (default 8) prepared files.
 */
export function preparedLoader(capacity = 8): PreparedLoader {
  const cache = new Map<string, PreparedScenario>();
  let prepared = 0;
  const get = (text: string, file: string): PreparedScenario => {
    const key = `${file}\u0000${textHash(text)}`;
    let p = cache.get(key);
    if (p === undefined) {
      p = prepareScenarioText(text, file);
      prepared++;
      if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
    } else cache.delete(key);
    cache.set(key, p);
    return p;
  };
  return {
    load(ref, options) {
      const { file, text } = readScenarioText(ref);
      return resolveScenario(get(text, file), options);
    },
    loadText: (text, file, options) => resolveScenario(get(text, file), options),
    get prepared() {
      return prepared;
    },
  };
}
