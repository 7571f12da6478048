import { StampedeError } from "../../core/StampedeError.js";

/** Shard `index` of `count` (1-based, as written on the command line: `--shard 2/3`). */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `k/n` (1 <= k <= n). Throws E_BAD_FLAG with path `--shard`. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  if (!m || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count)
    throw new StampedeError(
      "E_BAD_FLAG",
      `expected k/n with 1 <= k <= n (e.g. 2/3), got ${JSON.stringify(text)}`,
      {
        path: "--shard",
      },
    );
  return { index, count };
}

/** `k/n`. */
export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/**
 * True when job (point, replication) belongs to `shard`. Jobs are numbered point-major (point x replications +
 * replication) and dealt out in turn (job j goes to shard j mod n + 1), so every shard gets a slice of every region
 * of the grid: metastable corners cost several times the events of stable ones, and contiguous blocks would not
 * balance.
 */
export function inShard(
  shard: Shard,
  pointIndex: number,
  replication: number,
  replications: number,
): boolean {
  return (pointIndex * replications + replication) % shard.count === shard.index - 1;
}
