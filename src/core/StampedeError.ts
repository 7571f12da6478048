/** Where in an input file a problem was found. Lines and columns are 1-based. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/**
 * The one error type stampede throws on purpose. `code` is stable (tests and scripts may match on it); `path` is the
 * address of the offending field (`fleets.internal-clients.retry.backoff`) when the error is about input.
 */
export class StampedeError extends Error {
  readonly code: string;
  readonly path: string | undefined;
  readonly location: SourceLocation | undefined;

  constructor(code: string, message: string, options: { path?: string; location?: SourceLocation } = {}) {
    super(message);
    this.name = "StampedeError";
    this.code = code;
    this.path = options.path;
    this.location = options.location;
  }

  /** `file:line:col  path  message`, with the parts that are known. */
  format(): string {
    const parts: string[] = [];
    if (this.location) parts.push(`${this.location.file}:${this.location.line}:${this.location.col}`);
    if (this.path) parts.push(this.path);
    parts.push(this.message);
    return parts.join("  ");
  }
}

/** True when `e` is a StampedeError (also across module copies). */
export function isStampedeError(e: unknown): e is StampedeError {
  return e instanceof StampedeError || (e instanceof Error && e.name === "StampedeError" && "code" in e);
}
