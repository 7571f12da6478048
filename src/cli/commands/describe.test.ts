import { describe, expect, it } from "vitest";
import { builtinInfo } from "../../scenario/builtins.js";
import { describeText } from "./describe.js";

describe("stampede describe", () => {
  it("lists the runbook with each reroute's explicit traffic selectors", () => {
    const info = builtinInfo("aws-us-east-1-2021-12-07");
    expect(info.runbook[0]).toEqual({
      step: "reroute-dns",
      after: "detection + 115m",
      action: "reroute class dns, dependency ec2-api.dns via []",
    });
    const text = describeText(info);
    expect(text).toContain("Runbook (step: after + delay: action):");
    expect(text).toContain(
      "  - reroute-dns: detection + 115m: reroute class dns, dependency ec2-api.dns via []",
    );
    expect(describeText(builtinInfo("s3-us-east-1-2017-02-28"))).toMatch(/: reroute monitoring via \[\]/);
  });
});
