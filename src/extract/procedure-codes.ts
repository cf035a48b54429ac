/**
 * The spinal surgery codes (fhir-mappings/procedures.json, plus the `procedures` list of local-codes.json): data,
 * not code. Kept apart from the Procedure reader (./procedures.ts) and free of other imports, so that the data
 * access layer (src/fhir/record.ts) can filter its Procedure search by these codes without loading the engine.
 * A malformed entry is a deployment error: it throws at start-up naming the file and the entry.
 */
import codeSystemsJson from "../../fhir-mappings/code-systems.json";
import proceduresJson from "../../fhir-mappings/procedures.json";
import localCodesJson from "../../fhir-mappings/local-codes.json";

export interface SpinalSurgeryCode {
  /** Canonical system URI. */
  system: string;
  code: string;
  display: string;
  source: string;
}

function systemUris(): { byKey: Map<string, string>; alias: Map<string, string> } {
  const byKey = new Map<string, string>();
  const alias = new Map<string, string>();
  const systems = (codeSystemsJson as { systems: Record<string, { uri: string; aliases: string[] }> }).systems;
  for (const [key, s] of Object.entries(systems)) {
    byKey.set(key, s.uri);
    alias.set(s.uri, s.uri);
    for (const a of s.aliases) alias.set(a, s.uri);
  }
  return { byKey, alias };
}

const { byKey: SYSTEM_BY_KEY, alias: SYSTEM_ALIAS } = systemUris();

/** A Coding.system (or a table's key "snomed") → the canonical URI (OID aliases resolved, trailing slash ignored). */
function procedureSystem(system: string): string {
  const s = system.trim();
  return SYSTEM_BY_KEY.get(s) ?? SYSTEM_ALIAS.get(s) ?? SYSTEM_ALIAS.get(s.replace(/\/+$/, "")) ?? s;
}

function nonEmpty(x: unknown): x is string {
  return typeof x === "string" && x.trim().length > 0;
}

/** Checks and resolves one file's list; throws naming the file and the entry. */
function loadProcedureCodes(file: string, list: unknown): SpinalSurgeryCode[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new Error(`fhir-mappings/${file}: malformed: the procedure codes must be a list`);
  return list.map((e: unknown, i) => {
    const entry = e as Record<string, unknown> | null;
    if (typeof entry !== "object" || entry === null)
      throw new Error(`fhir-mappings/${file}: malformed at ${i}: not an object`);
    for (const field of ["system", "code", "display", "source"] as const) {
      if (!nonEmpty(entry[field]))
        throw new Error(`fhir-mappings/${file}: malformed at ${i}.${field}: a non-empty string is required`);
    }
    return {
      system: procedureSystem(entry.system as string),
      code: (entry.code as string).trim(),
      display: entry.display as string,
      source: entry.source as string,
    };
  });
}

/** Every spinal surgery code: the standard table first, then the hospital's own. */
const SPINAL_SURGERY_CODES: readonly SpinalSurgeryCode[] = [
  ...loadProcedureCodes("procedures.json", (proceduresJson as { codes?: unknown }).codes),
  ...loadProcedureCodes("local-codes.json", (localCodesJson as { procedures?: unknown }).procedures),
];

/** "system|code" of every spinal surgery code, for the Procedure search's `code=` filter. */
export const PROCEDURE_SEARCH_CODES: readonly string[] = [
  ...new Set(SPINAL_SURGERY_CODES.map((c) => `${c.system}|${c.code}`)),
];

const BY_KEY = new Map<string, SpinalSurgeryCode>();
for (const c of SPINAL_SURGERY_CODES) if (!BY_KEY.has(`${c.system}|${c.code}`)) BY_KEY.set(`${c.system}|${c.code}`, c);

/** The table's entry for a Coding, or null. */
export function spinalSurgeryCode(system: string, code: string): SpinalSurgeryCode | null {
  return BY_KEY.get(`${procedureSystem(system)}|${code.trim()}`) ?? null;
}
