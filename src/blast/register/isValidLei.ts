/**
 * ISO 17442 Legal Entity Identifier check: 20 characters, the first 18 letters A-Z or digits, the last two digits; the
 * check digits follow ISO 7064 MOD 97-10, as for IBANs: with every letter replaced by its number (A = 10 ... Z = 35),
 * the 20-character code read as an integer leaves remainder 1 when divided by 97. Upper case only (a register holds
 * LEIs as GLEIF publishes them). This is the check that `--lenient` turns into a warning and that the register data
 * quality check uses.
 */
export function isValidLei(code: string): boolean {
  if (!/^[0-9A-Z]{18}[0-9]{2}$/.test(code)) return false;
  let mod = 0;
  for (const ch of code) {
    const v = ch <= "9" ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 55;
    mod = (v >= 10 ? mod * 100 + v : mod * 10 + v) % 97;
  }
  return mod === 1;
}

/** The two ISO 7064 MOD 97-10 check digits that complete an 18-character LEI prefix (for fixtures and tests). */
export function leiCheckDigits(prefix: string): string {
  if (!/^[0-9A-Z]{18}$/.test(prefix)) throw new Error(`"${prefix}" is not 18 characters A-Z or 0-9`);
  let mod = 0;
  for (const ch of `${prefix}00`) {
    const v = ch <= "9" ? ch.charCodeAt(0) - 48 : ch.charCodeAt(0) - 55;
    mod = (v >= 10 ? mod * 100 + v : mod * 10 + v) % 97;
  }
  return String(98 - mod).padStart(2, "0");
}
