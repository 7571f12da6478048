/**
 * Thrown by a JobRunner that can run no more jobs (the Redis queue was lost): the sweep stops, keeps the results it
 * has, writes its outputs for them and reports `stopped` (exit code 3 at the CLI), instead of counting every job left
 * as failed.
 */
export class SweepStopped extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SweepStopped";
  }
}
