import { vi } from "vitest";
import { main } from "../main.js";

/** What `stampede ARGS` printed and its exit code. */
export interface MainOutcome {
  code: number;
  out: string;
  err: string;
}

/** Runs the whole CLI (`main`) with `args` (without `stampede`), capturing stdout and stderr. */
export async function runMain(args: string[]): Promise<MainOutcome> {
  let out = "";
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation((s) => {
    out += String(s);
    return true;
  });
  const e = vi.spyOn(process.stderr, "write").mockImplementation((s) => {
    err += String(s);
    return true;
  });
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
