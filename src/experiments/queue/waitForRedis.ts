import type { RedisClient } from "bullmq";

/** Redis errors that mean the credentials were refused: retrying cannot help. */
const AUTH_ERROR = /^(WRONGPASS|NOAUTH|ERR invalid password|ERR AUTH)/;

/** What `waitForRedis` found. */
export type RedisWait =
  | { kind: "ready"; client: RedisClient }
  | { kind: "timeout" }
  /** Redis answered but refused the login; `message` is Redis's (it never holds the password). */
  | { kind: "refused"; message: string };

/**
 * Waits for a BullMQ object's Redis connection at most `timeoutSeconds`: ready, silent that long, or refused at once
 * when Redis rejects the credentials (a wrong password would otherwise look like an unreachable server and wait the
 * whole timeout). The object must have an `error` listener (BullMQ objects reconnect and emit each failure).
 */
export function waitForRedis(
  o: { client: Promise<RedisClient>; on(event: "error", f: (e: Error) => void): unknown },
  timeoutSeconds: number,
): Promise<RedisWait> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ kind: "timeout" }), timeoutSeconds * 1000);
    timer.unref();
    const done = (w: RedisWait) => {
      clearTimeout(timer);
      resolve(w);
    };
    o.on("error", (e: Error) => {
      if (AUTH_ERROR.test(e.message)) done({ kind: "refused", message: e.message.trim() });
    });
    o.client.then(
      (client) => done({ kind: "ready", client }),
      () => {},
    );
  });
}
