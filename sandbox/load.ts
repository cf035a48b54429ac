/** Loads a folder of FHIR Bundles into the engine (transaction/batch as they are; collection/searchset as PUTs). */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Bundle, BundleEntry, Practitioner } from "fhir/r4";
import { shiftBundle } from "./dates";
import type { Engine } from "./engine";
import { PRACTITIONER_ID, PRACTITIONER_NAME } from "./smart";

export interface LoadResult {
  /** Patient ids in load order (files sorted by name). */
  patientIds: string[];
  files: number;
  resources: number;
  /** Entries the engine refused ("file: status"), without resource content. */
  errors: string[];
}

function asTransaction(bundle: Bundle): Bundle {
  if (bundle.type === "transaction" || bundle.type === "batch") return bundle;
  const entry: BundleEntry[] = (bundle.entry ?? [])
    .filter((e) => e.resource)
    .map((e) => {
      const r = e.resource!;
      return r.id
        ? { resource: r, request: { method: "PUT", url: `${r.resourceType}/${r.id}` } }
        : { resource: r, request: { method: "POST", url: r.resourceType } };
    });
  return { resourceType: "Bundle", type: "transaction", entry };
}

/** The synthetic clinician every launch signs in as (fhirUser). */
export const SANDBOX_PRACTITIONER: Practitioner = {
  resourceType: "Practitioner",
  id: PRACTITIONER_ID,
  meta: {
    tag: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ActReason", code: "HTEST", display: "test health data" }],
  },
  active: true,
  name: [{ use: "official", family: "Sandbox", given: ["Sam"], prefix: ["Dr"], text: PRACTITIONER_NAME }],
  qualification: [{ code: { text: "Orthopaedic spine surgeon" } }],
};

export async function loadPatients(
  engine: Engine,
  dir: string,
  opts: { today: Date; shiftDates: boolean },
): Promise<LoadResult> {
  await engine.handle("PUT", `Practitioner/${PRACTITIONER_ID}`, SANDBOX_PRACTITIONER);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  const result: LoadResult = { patientIds: [], files: files.length, resources: 0, errors: [] };
  for (const file of files) {
    let bundle: Bundle;
    try {
      bundle = JSON.parse(readFileSync(join(dir, file), "utf8")) as Bundle;
    } catch (err) {
      result.errors.push(`${file}: not JSON (${(err as Error).message})`);
      continue;
    }
    if (bundle.resourceType !== "Bundle") {
      result.errors.push(`${file}: not a Bundle`);
      continue;
    }
    const shifted = opts.shiftDates ? shiftBundle(bundle, opts.today).bundle : bundle;
    const tx = asTransaction(shifted);
    const [oo, response] = await engine.handle("POST", "", tx);
    if (!response) {
      result.errors.push(`${file}: ${oo.issue?.[0]?.details?.text ?? "refused"}`);
      continue;
    }
    const entries = (response as unknown as Bundle).entry ?? [];
    entries.forEach((e, i) => {
      const status = e.response?.status ?? "";
      if (!/^2/.test(status)) result.errors.push(`${file} entry ${i}: ${status}`);
      else result.resources += 1;
    });
    for (const e of entries) {
      const id = /^Patient\/([^/]+)/.exec(e.response?.location ?? "")?.[1];
      if (id && !result.patientIds.includes(id)) result.patientIds.push(id);
    }
  }
  return result;
}
