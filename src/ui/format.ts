/** Small display helpers of the clinician view (no clinical logic here). */

/** A score range as docs/score-report.md fixes it: "min–max" with an en dash, e.g. "9–13". */
export function formatRange(min: number, max: number): string {
  return `${min}\u2013${max}`;
}

/** The resource type of a reference: "Observation/123" → "Observation"; null when there is none. */
export function resourceType(reference: string | null | undefined): string | null {
  if (!reference) return null;
  const path = reference.split("?")[0] ?? "";
  const parts = path.split("/").filter((p) => p.length > 0);
  // Absolute references end with Type/id (…/fhir/Observation/123); contained ones start with "#".
  if (parts.length < 2) return reference.startsWith("#") ? null : (parts[0] ?? null);
  return parts[parts.length - 2] ?? null;
}

/** "http://loinc.org|89243-0" → { system, code }; a bare code keeps system null. */
export function splitCode(code: string | null | undefined): { system: string | null; code: string } | null {
  if (!code) return null;
  const bar = code.lastIndexOf("|");
  if (bar < 0) return { system: null, code };
  return { system: code.slice(0, bar) || null, code: code.slice(bar + 1) };
}
