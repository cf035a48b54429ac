/**
 * Query rewrites the Medplum engine needs to behave like a real FHIR server (each rewrite below names the gap):
 *  - a bare id in a reference search (`patient=123`, `subject=123`, `subject:Patient=123`) becomes `Patient/123`
 *    (the engine only matches the typed form); an absolute reference to this server becomes relative;
 *  - `patient=Patient/123` becomes `subject=Patient/123` where the resource's `patient` parameter is defined as
 *    `subject.where(resolve() is Patient)`: the same hits, without the engine's slow in-memory resolve()
 *    (≈ 1 ms per stored resource);
 *  - `_format` and `_pretty` are dropped (responses are always JSON).
 */
import { getExpressionForResourceType, getSearchParameter } from "@medplum/core";

const BARE_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const DROPPED = new Set(["_format", "_pretty"]);

function targetTypeFor(resourceType: string, name: string, modifier: string | null): string | null {
  if (modifier && /^[A-Z][A-Za-z]+$/.test(modifier)) return modifier;
  const sp = getSearchParameter(resourceType, name);
  if (!sp || sp.type !== "reference") return null;
  const targets: readonly string[] = sp.target ?? [];
  if (targets.length === 1) return targets[0] ?? null;
  const named = name.charAt(0).toUpperCase() + name.slice(1); // encounter → Encounter
  if (targets.includes(named)) return named;
  if ((name === "subject" || name === "patient") && targets.includes("Patient")) return "Patient";
  return null;
}

function rewriteReference(value: string, targetType: string, ownBases: readonly string[]): string {
  for (const base of ownBases) {
    const prefix = base.replace(/\/+$/, "") + "/";
    if (value.startsWith(prefix)) return value.slice(prefix.length);
  }
  return BARE_ID.test(value) ? `${targetType}/${value}` : value;
}

/** Whether `patient` on this type is `<type>.subject.where(resolve() is Patient)`, i.e. `subject` restricted to Patients. */
function patientIsSubject(resourceType: string): boolean {
  const sp = getSearchParameter(resourceType, "patient");
  const expr = sp?.expression ? getExpressionForResourceType(resourceType, sp.expression) : undefined;
  return expr?.replace(/[()\s]/g, "") === `${resourceType}.subject.whereresolveisPatient`;
}

/**
 * Rewrites the search parameters of a search on `resourceType`. `ownBases` are this server's FHIR bases
 * (absolute references to them become relative).
 */
export function rewriteSearchParams(
  resourceType: string,
  params: URLSearchParams,
  ownBases: readonly string[] = [],
): URLSearchParams {
  const out = new URLSearchParams();
  // Reference filters go last: the engine checks filters in order and stops at the first miss, and a
  // code or date filter rules out far more resources than the patient filter does.
  const references = new URLSearchParams();
  for (const [key, value] of params) {
    if (DROPPED.has(key)) continue;
    const [name = "", modifier = null] = key.split(":", 2) as [string, string | undefined];
    if (name.includes(".")) {
      out.append(key, value); // chained search: left as is
      continue;
    }
    const isTypeModifier = modifier !== null && /^[A-Z]/.test(modifier);
    // `:missing`, `:identifier`, `:not`…: the value is not a reference.
    const target = modifier === null || isTypeModifier ? targetTypeFor(resourceType, name, modifier) : null;
    if (!target) {
      out.append(key, value);
      continue;
    }
    const values = value.split(",").map((v) => rewriteReference(v, target, ownBases));
    let newKey = isTypeModifier ? name : key;
    if (newKey === "patient" && values.every((v) => v.startsWith("Patient/")) && patientIsSubject(resourceType)) {
      newKey = "subject";
    }
    references.append(newKey, values.join(","));
  }
  for (const [key, value] of references) out.append(key, value);
  return out;
}
