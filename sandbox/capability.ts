/** The CapabilityStatement served at `<base>/metadata` (the engine has none). */
import { getSearchParameter } from "@medplum/core";
import type {
  CapabilityStatement,
  CapabilityStatementRestResource,
  CapabilityStatementRestResourceSearchParam,
} from "fhir/r4";

/** Resource types the sandbox holds or the app writes, and the search parameters the app uses on each. */
const RESOURCES: Partial<Record<CapabilityStatementRestResource["type"], string[]>> = {
  Patient: ["_id", "identifier", "name", "birthdate", "gender"],
  Observation: ["_id", "patient", "subject", "code", "category", "date", "status", "encounter", "_lastUpdated"],
  Condition: [
    "_id",
    "patient",
    "subject",
    "code",
    "category",
    "clinical-status",
    "verification-status",
    "body-site",
    "onset-date",
    "recorded-date",
  ],
  QuestionnaireResponse: [
    "_id",
    "patient",
    "subject",
    "questionnaire",
    "identifier",
    "authored",
    "status",
    "encounter",
  ],
  Questionnaire: ["_id", "url", "version", "status"],
  Encounter: ["_id", "patient", "subject", "date", "status", "class"],
  Procedure: ["_id", "patient", "subject", "code", "date", "status"],
  DiagnosticReport: ["_id", "patient", "subject", "code", "category", "date", "status"],
  Practitioner: ["_id", "identifier", "name"],
};

const COMMON = new Set(["_id", "_lastUpdated"]);

function searchParams(resourceType: string, codes: string[]): CapabilityStatementRestResourceSearchParam[] {
  const out: CapabilityStatementRestResourceSearchParam[] = [];
  for (const code of codes) {
    if (COMMON.has(code)) {
      out.push({
        name: code,
        type: code === "_id" ? "token" : "date",
        definition: `http://hl7.org/fhir/SearchParameter/Resource-${code.slice(1)}`,
      });
      continue;
    }
    const sp = getSearchParameter(resourceType, code);
    if (!sp?.type) continue;
    out.push({ name: code, type: sp.type, ...(sp.url ? { definition: sp.url } : {}) });
  }
  return out;
}

export interface CapabilityOptions {
  /** The FHIR base this statement describes. */
  base: string;
  /** OAuth endpoints when the base is SMART-protected; absent for the open base. */
  smart?: { authorize: string; token: string };
  now: Date;
}

export function capabilityStatement(opts: CapabilityOptions): CapabilityStatement {
  const entries = Object.entries(RESOURCES) as [CapabilityStatementRestResource["type"], string[]][];
  const resource: CapabilityStatementRestResource[] = entries.map(([type, params]) => ({
    type,
    interaction: [
      { code: "read" },
      { code: "vread" },
      { code: "search-type" },
      { code: "create" },
      { code: "update" },
      { code: "patch" },
      { code: "delete" },
      { code: "history-instance" },
    ],
    versioning: "versioned",
    readHistory: true,
    updateCreate: true,
    conditionalCreate: true,
    conditionalUpdate: true,
    searchParam: searchParams(type, params),
  }));
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date: opts.now.toISOString(),
    kind: "instance",
    software: { name: "spine-met-qol sandbox EHR (Medplum in-memory FHIR engine 4.5.2)" },
    implementation: { description: "Local sandbox EHR with synthetic data only", url: opts.base },
    fhirVersion: "4.0.1",
    format: ["json", "application/fhir+json"],
    rest: [
      {
        mode: "server",
        ...(opts.smart
          ? {
              security: {
                cors: true,
                service: [
                  {
                    coding: [
                      {
                        system: "http://terminology.hl7.org/CodeSystem/restful-security-service",
                        code: "SMART-on-FHIR",
                      },
                    ],
                    text: "OAuth2 using SMART-on-FHIR profile (see http://docs.smarthealthit.org)",
                  },
                ],
                extension: [
                  {
                    url: "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
                    extension: [
                      { url: "authorize", valueUri: opts.smart.authorize },
                      { url: "token", valueUri: opts.smart.token },
                    ],
                  },
                ],
              },
            }
          : { security: { cors: true, description: "Open server: no authorization (debug launches only)" } }),
        resource,
        interaction: [{ code: "transaction" }, { code: "batch" }],
      },
    ],
  };
}
