import { StampedeError } from "../../core/StampedeError.js";

/** A Redis address from `--queue redis://[user:pass@]HOST:PORT[/DB]` or `rediss://` (TLS). */
export interface QueueUrl {
  host: string;
  /** TCP port. Default 6379. */
  port: number;
  /** Database number. Default 0. */
  db: number;
  username?: string;
  password?: string;
  tls: boolean;
  /** The URL for messages: the password replaced by `***`. */
  display: string;
}

/** Parses a Redis URL; throws E_BAD_QUEUE_URL (path `--queue`) with a one-line reason. Never echoes a password. */
export function parseQueueUrl(text: string, flag = "--queue"): QueueUrl {
  const bad = (why: string) =>
    new StampedeError(
      "E_BAD_QUEUE_URL",
      `expected redis://[user:pass@]HOST:PORT[/DB] or rediss://...: ${why}`,
      {
        path: flag,
      },
    );
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw bad("not a URL");
  }
  if (u.protocol !== "redis:" && u.protocol !== "rediss:")
    throw bad(`the scheme must be redis or rediss, not ${u.protocol.replace(/:$/, "")}`);
  if (u.hostname === "") throw bad("no host");
  const port = u.port === "" ? 6379 : Number(u.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw bad("the port must be 1..65535");
  const dbText = u.pathname.replace(/^\//, "");
  const db = dbText === "" ? 0 : Number(dbText);
  if (!/^\d*$/.test(dbText) || !Number.isInteger(db) || db > 65535)
    throw bad("the database must be a number");
  if (u.search !== "" || u.hash !== "") throw bad("no query or fragment is taken");
  const username = decodeURIComponent(u.username);
  const password = decodeURIComponent(u.password);
  const auth = username !== "" || password !== "" ? `${username}${password === "" ? "" : ":***"}@` : "";
  return {
    host: u.hostname.replace(/^\[|\]$/g, ""),
    port,
    db,
    ...(username === "" ? {} : { username }),
    ...(password === "" ? {} : { password }),
    tls: u.protocol === "rediss:",
    display: `${u.protocol}//${auth}${u.host}/${db}`,
  };
}

/** BullMQ connection options (ioredis) for a queue URL, and the switch that ends their reconnecting. */
export interface RedisConnection {
  /** For every BullMQ object of one sweep or worker: retry forever (a watchdog decides when Redis is lost). */
  options: Record<string, unknown>;
  /**
   * Makes every client made from `options` stop reconnecting: a connection that never came up then ends, and its
   * BullMQ object can be closed safely (closing it while it still retries leaves an error with no listener, which
   * crashes the process).
   */
  stopRetrying(): void;
}

/** The connection of `url`'s BullMQ objects (see RedisConnection). */
export function redisConnection(url: QueueUrl): RedisConnection {
  let retrying = true;
  return {
    options: {
      host: url.host,
      port: url.port,
      db: url.db,
      ...(url.username === undefined ? {} : { username: url.username }),
      ...(url.password === undefined ? {} : { password: url.password }),
      ...(url.tls ? { tls: { servername: url.host } } : {}),
      maxRetriesPerRequest: null,
      retryStrategy: (times: number) => (retrying ? Math.min(100 * times, 1000) : null),
    },
    stopRetrying: () => {
      retrying = false;
    },
  };
}
