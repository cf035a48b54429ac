/**
 * "The latest effective date wins; two different values on the latest date are a conflict"
 * (docs/clinical-rules.md), with the app's own QuestionnaireResponses preferred over the record on the same date
 * (newer than the record wins) and final results preferred over preliminary ones.
 */
import type { Provenance } from "../report/types";
import type { CoreParam } from "../scores";

export interface Claim<V> {
  value: V;
  /** How the value reads for the clinician ("claim.kps" { value: 60 } = "KPS 60"; a term or phrase when it has words). */
  label: CoreParam;
  day: string | null;
  source: "record" | "questionnaire";
  preliminary: boolean;
  provenance: Provenance;
}

export interface Resolved<V> {
  /** The claims on the latest date that decide (one value, or several in conflict). */
  claims: Claim<V>[];
  /** The distinct values among them; more than one = conflict. */
  values: V[];
  day: string | null;
  source: "record" | "questionnaire";
}

export function latestDay(days: readonly (string | null)[]): string | null {
  let best: string | null = null;
  for (const d of days) if (d !== null && (best === null || d > best)) best = d;
  return best;
}

export function resolveLatest<V>(claims: readonly Claim<V>[]): Resolved<V> | null {
  if (claims.length === 0) return null;
  const day = latestDay(claims.map((c) => c.day));
  let latest = claims.filter((c) => c.day === day);
  if (latest.some((c) => c.source === "questionnaire")) latest = latest.filter((c) => c.source === "questionnaire");
  if (latest.some((c) => !c.preliminary)) latest = latest.filter((c) => !c.preliminary);
  const values: V[] = [];
  for (const c of latest) if (!values.includes(c.value)) values.push(c.value);
  const first = latest[0];
  return { claims: latest, values, day, source: first ? first.source : "record" };
}

/** True when evidence dated `qrDay` is at least as new as the record's latest `recordDay`. */
export function questionnaireIsNewer(qrDay: string | null, recordDay: string | null): boolean {
  if (recordDay === null) return true;
  if (qrDay === null) return false;
  return qrDay >= recordDay;
}
