import { IntervalCounters } from "./IntervalCounters.js";

/** The outcome counters of a call site (see CallSite for what each counts). */
export const CALL_COUNTERS = [
  /** Requests started (their first attempt was tried, sent or refused). */
  "firstAttempts",
  /** Attempts that reached the wire (first attempts and retries actually sent). */
  "attempts",
  /** Attempts refused locally by a breaker or a budget: never sent. */
  "refused",
  /** Sent attempts dropped by operator policing (block, rate limit) at the device ingress. */
  "rejected",
  "successes",
  "timeouts",
  /** Attempts answered with an error. */
  "errors",
] as const;

export type CallCounterName = (typeof CALL_COUNTERS)[number];

/** Interval and run counters of a call site. */
export class CallCounters extends IntervalCounters<CallCounterName> {
  constructor() {
    super(CALL_COUNTERS);
  }
}
