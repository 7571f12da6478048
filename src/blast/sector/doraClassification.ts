/**
 * DORA major-incident classification of one simulated incident for one financial entity, after Commission Delegated
 * Regulation (EU) 2024/1772 (RTS on the classification of ICT-related incidents). Art. 8(1): an incident is major
 * when it affected critical services (Art. 6) and either (a) the materiality threshold of Art. 9(5), point (b), is
 * met (a successful, malicious and unauthorised access to network and information systems that may result in data
 * losses) or (b) two or more of the other materiality thresholds of Art. 9(1) to (6) are met. stampede simulates
 * only the duration and service downtime criterion (Art. 9(3): incident duration longer than 24 hours, or service
 * downtime longer than 2 hours for ICT services supporting critical or important functions); the others (malicious
 * access 9(5)(b); clients, counterparts and transactions 9(1); reputational impact 9(2); geographical spread 9(4);
 * data losses 9(5)(a); economic impact 9(6)) are null (unknown) unless given. Verified against the text quoted in
 * docs/blast.md.
 */
export interface DoraCriteria {
  /** Art. 6 / Art. 8(1): critical services affected. */
  readonly criticalServicesAffected: boolean;
  /** Art. 9(1) clients, financial counterparts and transactions; null: not simulated. */
  readonly clients: boolean | null;
  /** Art. 9(2) reputational impact; null: not simulated. */
  readonly reputational: boolean | null;
  /** Art. 9(3) duration (> 24 h) or service downtime (> 2 h, critical or important functions). */
  readonly durationDowntime: boolean;
  /** Art. 9(4) geographical spread; null: not simulated. */
  readonly geographical: boolean | null;
  /**
   * Art. 9(5)(a) data losses: an impact on the availability, authenticity, integrity or confidentiality of data with
   * an adverse impact on the business objectives or on meeting regulatory requirements; null: not simulated.
   */
  readonly dataLosses: boolean | null;
  /**
   * Art. 9(5)(b) (the threshold of Art. 8(1)(a), major on its own): a successful, malicious and unauthorised access
   * to network and information systems, not covered by 9(5)(a), that may result in data losses; null: not simulated.
   */
  readonly maliciousAccess: boolean | null;
  /** Art. 9(6) economic impact; null: not simulated. */
  readonly economic: boolean | null;
}

/** Class of an incident: major, not major, or undetermined (unknown criteria could still make it major). */
export type DoraClass = "major" | "not major" | "undetermined";

/** Art. 9(3)(a): incident duration threshold, seconds (24 hours). */
export const DORA_DURATION_SECONDS = 24 * 3600;
/** Art. 9(3)(b): service downtime threshold for ICT services supporting critical or important functions (2 hours). */
export const DORA_DOWNTIME_SECONDS = 2 * 3600;

/** Art. 9(3) for one entity: its incident lasted longer than 24 h, or a critical function was down longer than 2 h. */
export function durationDowntimeMet(incidentSeconds: number, criticalDowntimeSeconds: number): boolean {
  return incidentSeconds > DORA_DURATION_SECONDS || criticalDowntimeSeconds > DORA_DOWNTIME_SECONDS;
}

/**
 * Art. 8(1) over the criteria, with unknown (null) criteria making the class undetermined when they could decide it.
 * The "other" thresholds of 8(1)(b) are those of Art. 9(1), (2), (3), (4), (5)(a) and (6): 9(5)(b) decides alone.
 */
export function doraClass(c: DoraCriteria): DoraClass {
  if (!c.criticalServicesAffected) return "not major";
  if (c.maliciousAccess === true) return "major";
  const others = [c.clients, c.reputational, c.durationDowntime, c.geographical, c.dataLosses, c.economic];
  const met = others.filter((v) => v === true).length;
  const unknown = others.filter((v) => v === null).length;
  if (met >= 2) return "major";
  if (c.maliciousAccess === null || met + unknown >= 2) return "undetermined";
  return "not major";
}
