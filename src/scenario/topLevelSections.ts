/**
 * The text of the named top-level keys of a block-style YAML mapping, without parsing the rest: a section starts at
 * a line `key:` in column 0 and runs to the next such line (comments, blank lines and indented lines belong to the
 * section they are in). Used to read a built-in's metadata (`description`, `variants`) without parsing its whole
 * model. Returns undefined when the text is not a plain block mapping (a `---` marker, a flow mapping, a key that
 * appears twice), so the caller falls back to a full parse.
 *
 * @param keys the top-level keys wanted; the result holds those present, in file order
 */
export function topLevelSections(text: string, keys: readonly string[]): string | undefined {
  const wanted = new Set(keys);
  const seen = new Set<string>();
  const kept: string[] = [];
  let keep = false;
  for (const line of text.split("\n")) {
    const c = line.charCodeAt(0);
    const startsAtColumn0 = line.length > 0 && c !== 0x20 && c !== 0x09 && c !== 0x23; // not space, tab, '#'
    if (startsAtColumn0) {
      const m = /^([A-Za-z_][\w-]*):(\s|$)/.exec(line);
      if (m === null) return undefined;
      const key = m[1]!;
      if (seen.has(key)) return undefined;
      seen.add(key);
      keep = wanted.has(key);
    }
    if (keep) kept.push(line);
  }
  return kept.join("\n");
}
