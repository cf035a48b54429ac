/** groupByPatient: a mixed list of resources (a Bundle's, an NDJSON file's) → each patient's resources. */
import { isObject, patientIdOf, subjectReference } from "./fhir";

/**
 * Resources by Patient id: each Patient resource under its id, every other resource under the Patient its
 * subject (or patient) references. Resources that name no patient are left out. Insertion order = first seen.
 */
export function groupByPatient(resources: readonly unknown[]): Map<string, unknown[]> {
  const groups = new Map<string, unknown[]>();
  const add = (id: string, r: unknown) => {
    const list = groups.get(id);
    if (list) list.push(r);
    else groups.set(id, [r]);
  };
  for (const r of resources) {
    if (!isObject(r)) continue;
    if (r.resourceType === "Patient") {
      if (typeof r.id === "string" && /^[A-Za-z0-9\-.]{1,64}$/.test(r.id)) add(r.id, r);
      continue;
    }
    const ref = subjectReference(r);
    const id = ref ? patientIdOf(ref) : null;
    if (id) add(id, r);
  }
  return groups;
}
