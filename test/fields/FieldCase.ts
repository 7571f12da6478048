import type { BaseName } from "./bases.js";
import type { Settings } from "./runCase.js";

/**
 * How the mutation test exercises one schema leaf: run `base` with `prep` (the context that makes the field matter,
 * applied to both runs), then again with `set` on top (the field at a valid non-default value); the outcomes must
 * differ.
 */
export interface FieldCase {
  base: BaseName;
  prep?: Settings;
  set: Settings;
  /** Simulated seconds. Default: the base's duration. */
  until?: number;
}

/** Where a shared sub-schema (a retry policy, a backoff, a distribution...) sits: its pattern and a concrete path. */
export interface Site {
  pattern: string;
  path: string;
  base: BaseName;
  prep?: Settings;
}

export type CaseTable = Record<string, FieldCase>;

/** The case of `site` with `value` at the site itself (`rel` empty) or at `rel` below it, after `within`. */
export function at(site: Site, within: unknown, rel: string | null, value: unknown): FieldCase {
  const prep = { ...site.prep, ...(within === undefined ? {} : { [site.path]: within }) };
  return {
    base: site.base,
    prep,
    set: { [rel === null ? site.path : `${site.path}.${rel}`]: value },
  };
}
