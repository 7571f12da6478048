import type { RedisClient } from "bullmq";

/** What `redisWatchdog` returns. */
export interface RedisWatchdog {
  /** Resolves with Redis's INFO text once it answers, or null when it did not within the timeout. */
  ready: Promise<string | null>;
  stop(): void;
}

/**
 * Asks Redis for INFO every second (each ask may take up to a second). Once Redis has answered, calls `onLost` when
 * it then stays unanswered for `timeoutSeconds` (with the seconds), once; `ready` resolves at the first answer, or
 * with null after `timeoutSeconds` of silence from the start.
 */
export function redisWatchdog(
  client: RedisClient,
  timeoutSeconds: number,
  onLost: (seconds: number) => void,
): RedisWatchdog {
  let lastOk = Date.now();
  let up = false;
  let stopped = false;
  let resolveReady: (info: string | null) => void = () => {};
  const ready = new Promise<string | null>((r) => {
    resolveReady = r;
  });
  const tick = async () => {
    if (stopped) return;
    const answer = await Promise.race([
      client.info().catch(() => null),
      new Promise<null>((r) => setTimeout(() => r(null), 1000).unref()),
    ]);
    if (stopped) return;
    if (answer !== null) {
      lastOk = Date.now();
      if (!up) resolveReady(answer);
      up = true;
    } else if (Date.now() - lastOk > timeoutSeconds * 1000) {
      if (!up) resolveReady(null);
      else onLost(timeoutSeconds);
      stopped = true;
      return;
    }
    timer = setTimeout(tick, up ? 1000 : 200);
    timer.unref();
  };
  let timer = setTimeout(tick, 0);
  return {
    ready,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/**
 * Warnings about a Redis server from its INFO text: a maxmemory-policy other than noeviction (Redis may then evict
 * queued jobs and results) and a version below 5 (BullMQ needs 5 or later). `display` names the server.
 */
export function redisWarnings(info: string, display: string): string[] {
  const out: string[] = [];
  const policy = /maxmemory_policy:(\S+)/.exec(info)?.[1];
  if (policy !== undefined && policy !== "noeviction")
    out.push(
      `warning: Redis at ${display} has maxmemory-policy ${policy}: it may evict queued jobs and results; set noeviction`,
    );
  const version = /redis_version:(\d+)/.exec(info)?.[1];
  if (version !== undefined && Number(version) < 5)
    out.push(`warning: Redis at ${display} is version ${version}; BullMQ needs Redis 5 or later`);
  return out;
}
