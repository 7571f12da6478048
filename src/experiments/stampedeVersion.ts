import { readFileSync } from "node:fs";

let cached: string | undefined;

/** The stampede package version (package.json `version`), read once. Recorded in every run summary. */
export function stampedeVersion(): string {
  if (cached === undefined) {
    const url = new URL("../../package.json", import.meta.url);
    cached = (JSON.parse(readFileSync(url, "utf8")) as { version: string }).version;
  }
  return cached;
}
