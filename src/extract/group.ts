/** groupByPatient: a mixed list of resources (a Bundle's, an NDJSON file's) → each patient's resources. */
import { isObject, patientIdOf, subjectReference } from "./fhir";

const ID_RE = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * The Patient a resource belongs to: a Patient's own id, else the Patient its subject (or patient) references;
 * null when it names none. `alias` maps Bundle fullUrls (urn:uuid:…) to "Type/id".
 */
export function patientOf(resource: unknown, alias?: ReadonlyMap<string, string>): string | null {
  if (!isObject(resource)) return null;
  if (resource.resourceType === "Patient") {
    return typeof resource.id === "string" && ID_RE.test(resource.id) ? resource.id : null;
  }
  const ref = subjectReference(resource);
  if (!ref) return null;
  return patientIdOf(alias?.get(ref) ?? ref);
}

/**
 * Resources by Patient id: each Patient resource under its id, every other resource under the Patient its
 * subject (or patient) references. Resources that name no patient are left out. Insertion order = first seen.
 */
export function groupByPatient(resources: readonly unknown[]): Map<string, unknown[]> {
  const groups = new Map<string, unknown[]>();
  // A patient's resources mostly come together: the previous reference's patient is kept, not parsed again.
  let lastRef: string | null = null;
  let lastId: string | null = null;
  for (const r of resources) {
    let id: string | null;
    if (isObject(r) && r.resourceType !== "Patient") {
      const ref = subjectReference(r);
      if (!ref) continue;
      if (ref !== lastRef) {
        lastRef = ref;
        lastId = patientIdOf(ref);
      }
      id = lastId;
    } else id = patientOf(r);
    if (id === null) continue;
    const list = groups.get(id);
    if (list) list.push(r);
    else groups.set(id, [r]);
  }
  return groups;
}
