import { type SourceLocation, StampedeError } from "../../core/StampedeError.js";

/** Many input problems at once: the CLI prints one line per entry of `errors` and exits 2. */
export class ImportError extends StampedeError {
  readonly errors: readonly StampedeError[];
  constructor(errors: readonly StampedeError[], what: string) {
    super("E_IMPORT", `${errors.length} problem${errors.length === 1 ? "" : "s"} in ${what}`);
    this.errors = errors;
  }
}

/**
 * Collects per-row problems of an import so they can all be reported at once. Each is a StampedeError with a stable
 * code, the file location and, as `path`, the column or field concerned.
 */
export class ImportIssues {
  readonly errors: StampedeError[] = [];

  /** Records a problem at `file:line:col`, about `path` (a column code or a field path). */
  add(
    code: string,
    message: string,
    where: { file: string; line?: number; col?: number; path?: string },
  ): void {
    const location: SourceLocation = { file: where.file, line: where.line ?? 1, col: where.col ?? 1 };
    this.errors.push(
      new StampedeError(code, message, { location, ...(where.path ? { path: where.path } : {}) }),
    );
  }

  /** Number of problems so far. */
  get count(): number {
    return this.errors.length;
  }

  /** Throws an {@link ImportError} with every problem, if there is any. */
  throwIfAny(what: string): void {
    if (this.errors.length > 0) throw new ImportError(sortIssues(this.errors), what);
  }
}

/** Problems ordered by file, line, column. */
export function sortIssues(errors: readonly StampedeError[]): StampedeError[] {
  return [...errors].sort((a, b) => {
    const la = a.location;
    const lb = b.location;
    if (!la || !lb) return 0;
    return la.file.localeCompare(lb.file) || la.line - lb.line || la.col - lb.col;
  });
}
