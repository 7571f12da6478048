import { describe, expect, it } from "vitest";
import { fakeLoad, fakeRun } from "../../experiments/testing/fakeModel.js";
import type { Verdict } from "../../metrics/RunResult.js";
import { reportRun } from "./reportRun.js";
import { compareVerdictHtml, runVerdictHtml, verdictWord } from "./verdictHtml.js";

const base = fakeRun(fakeLoad("fake"), { seed: 1 }).summary.verdict;
const v = (over: Partial<Verdict>): Verdict => ({ ...base, triggerStart: 1800, ...over });

describe("verdictWord", () => {
  it("names each outcome", () => {
    expect(verdictWord(v({ metastable: true, sustained: true }))).toBe("METASTABLE");
    expect(verdictWord(v({ metastable: true, sustained: null }))).toBe("METASTABLE");
    expect(verdictWord(v({ metastable: true, sustained: false }))).toBe("SLOW RECOVERY");
    expect(verdictWord(v({ metastable: false, stable: true }))).toBe("STABLE");
    expect(verdictWord(v({ metastable: false, stable: false, recoveredAt: 2000 }))).toBe("RECOVERED");
    expect(verdictWord(v({ metastable: null, stable: false, recoveredAt: null }))).toBe("UNDETERMINED");
    expect(verdictWord(v({ metastable: false, stable: false, recoveredAt: null }))).toBe("NOT RECOVERED");
    expect(verdictWord(v({ triggerStart: null }))).toBe("NO TRIGGER");
  });
});

describe("runVerdictHtml", () => {
  it("puts the verdict word, its figures and the timeline of markers at the top, escaped", () => {
    const r = fakeRun(fakeLoad("fake"), { seed: 1 });
    r.summary.verdict = v({
      metastable: true,
      sustained: true,
      detectedAt: 2090,
      detectedBy: "no-data-alarm",
      diagnosedAt: 16490,
      recoveredAt: 25460,
      peakAmplification: 8.131,
      goodputLostSeconds: 20724,
    });
    r.summary.operators = [{ name: "<block>", type: "block", at: 17690 }];
    const html = runVerdictHtml(reportRun("baseline", r));
    expect(html).toContain('data-verdict="METASTABLE"');
    expect(html).toContain("+6h 34m"); // recovery time from the trigger's start
    expect(html).toContain("5h 45m of full outage");
    expect(html).toContain("8.1× attempts per request");
    expect(html).toContain("+4m 50s (no-data-alarm)");
    expect(html).toContain("+4h 04m");
    expect(html).toContain("&lt;block&gt; (block)");
    expect(html).not.toContain("<block>");
    expect(html).toContain("<td>07:30:00</td><td>+0s</td><td>spike starts</td>");
  });

  it("compare: one row per variant with its verdict", () => {
    const a = fakeRun(fakeLoad("fake"), { seed: 1 });
    const b = fakeRun(fakeLoad("fake"), { seed: 1 });
    a.summary.verdict = v({ metastable: true, sustained: true });
    b.summary.verdict = v({ metastable: false, stable: false, recoveredAt: 1900 });
    const html = compareVerdictHtml([reportRun("baseline", a), reportRun("fixed-backoff", b)]);
    expect(html.match(/data-verdict="METASTABLE"/g)).toHaveLength(1);
    expect(html).toMatch(/fixed-backoff<\/td><td class="good" data-verdict="RECOVERED"/);
  });
});
