import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** Header that carries the per-process token on every state-changing request (never a cookie). */
export const TOKEN_HEADER = "x-stampede-token";

/** What the server accepts: its own address (host names it answers to and port) and its token. */
export interface RequestPolicy {
  /** Host names (no port) the server answers to: 127.0.0.1, localhost, [::1] and the bound host. */
  hosts: readonly string[];
  port: number;
  token: string;
}

/** A refused request: HTTP status and a one-line reason. */
export interface Refusal {
  status: number;
  message: string;
}

/** True for the loopback names: the only hosts the server binds to without a warning. */
export function isLoopback(host: string): boolean {
  return host === "127.0.0.1" || host === "localhost" || host === "::1" || host === "[::1]";
}

/** The host names a server bound to `host` answers to. */
export function allowedHosts(host: string): string[] {
  const bracket = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  return [...new Set(["127.0.0.1", "localhost", "[::1]", bracket])];
}

function hostOk(value: string | undefined, policy: RequestPolicy): boolean {
  if (value === undefined) return false;
  const v = value.toLowerCase();
  return policy.hosts.some((h) => v === `${h}:${policy.port}`);
}

function tokenOk(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== "string" || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

/**
 * Checks a request before anything else reads it. Refuses (403) a Host header that is not the server's own address
 * (DNS rebinding: a foreign name resolved to 127.0.0.1), an Origin header from any other origin, a cross-site fetch
 * (Sec-Fetch-Site), and (401) a state-changing request (anything but GET and HEAD) without the token header.
 */
export function checkRequest(req: IncomingMessage, policy: RequestPolicy): Refusal | null {
  if (!hostOk(req.headers.host, policy))
    return {
      status: 403,
      message: `refused: Host ${JSON.stringify(req.headers.host ?? "")} is not this server`,
    };
  const origin = req.headers.origin;
  if (
    origin !== undefined &&
    !policy.hosts.some((h) => origin.toLowerCase() === `http://${h}:${policy.port}`)
  )
    return { status: 403, message: `refused: Origin ${JSON.stringify(origin)} is not this server` };
  const site = req.headers["sec-fetch-site"];
  if (site === "cross-site") return { status: 403, message: "refused: cross-site request" };
  const safe = req.method === "GET" || req.method === "HEAD";
  if (!safe && !tokenOk(req.headers[TOKEN_HEADER], policy.token))
    return { status: 401, message: `refused: missing or wrong ${TOKEN_HEADER} header` };
  return null;
}
