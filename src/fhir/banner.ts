/**
 * The patient banner: who this is, read defensively from whatever the EHR sent (no name, several
 * names, no birth date, identifiers without types). Never uses Patient.text (narrative HTML).
 */
import type { HumanName, Identifier } from "fhir/r4";

export interface PatientBanner {
  id: string | null;
  /** "Family, Given Middle", or the name's text; null when the record has no usable name. */
  name: string | null;
  /** As recorded (YYYY, YYYY-MM or YYYY-MM-DD); null when absent. */
  birthDate: string | null;
  gender: string | null;
  /** Medical record number: the identifier typed MR (v2-0203); null when none. */
  mrn: string | null;
}

const V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
const NAME_USE_RANK: Record<string, number> = { official: 0, usual: 1 };
const UNUSABLE_NAME_USES = new Set(["old", "anonymous", "maiden"]);

function str(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(str).filter((s): s is string => s !== null) : [];
}

function ended(period: unknown, today: string): boolean {
  const end = str((period as { end?: unknown } | undefined)?.end);
  return end !== null && end.slice(0, 10) < today;
}

/** The display form of one HumanName, or null when it holds nothing usable. */
function formatHumanName(name: HumanName): string | null {
  const text = str(name.text);
  if (text !== null) return text;
  const family = str(name.family);
  const given = strings(name.given).join(" ");
  if (family !== null && given !== "") return `${family}, ${given}`;
  return family ?? (given !== "" ? given : null);
}

/** The name to show: official first, then usual, then any current one; never an old or anonymous one. */
export function pickName(names: unknown, today: string = new Date().toISOString().slice(0, 10)): string | null {
  if (!Array.isArray(names)) return null;
  const candidates = names
    .filter((n): n is HumanName => typeof n === "object" && n !== null)
    .map((n, index) => ({ n, index, use: str(n.use) ?? "" }))
    .filter(({ n, use }) => !UNUSABLE_NAME_USES.has(use) && !ended(n.period, today) && formatHumanName(n) !== null)
    .sort((a, b) => (NAME_USE_RANK[a.use] ?? 2) - (NAME_USE_RANK[b.use] ?? 2) || a.index - b.index);
  const best = candidates[0];
  return best ? formatHumanName(best.n) : null;
}

function isMrn(identifier: Identifier): boolean {
  const coding = identifier.type?.coding;
  return (
    Array.isArray(coding) &&
    coding.some(
      (c) => typeof c === "object" && c !== null && c.code === "MR" && (c.system === undefined || c.system === V2_0203),
    )
  );
}

function pickMrn(identifiers: unknown): string | null {
  if (!Array.isArray(identifiers)) return null;
  const mr = identifiers
    .filter((i): i is Identifier => typeof i === "object" && i !== null)
    .filter((i) => isMrn(i) && str(i.value) !== null && i.use !== "old");
  const preferred = mr.find((i) => i.use === "official" || i.use === "usual") ?? mr[0];
  return preferred ? str(preferred.value) : null;
}

/** Banner fields of a Patient; every field null when missing or malformed. */
export function patientBanner(patient: unknown): PatientBanner {
  const p = (typeof patient === "object" && patient !== null ? patient : {}) as Record<string, unknown>;
  const birthDate = str(p.birthDate);
  return {
    id: str(p.id),
    name: pickName(p.name),
    birthDate: birthDate !== null && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(birthDate) ? birthDate : null,
    gender: str(p.gender),
    mrn: pickMrn(p.identifier),
  };
}

/**
 * Whether the app shows its own patient banner: the token response's `need_patient_banner`
 * (SMART: false when the EHR already shows one around the app). Absent or unreadable → show it.
 */
export function needPatientBanner(tokenResponse: unknown): boolean {
  const flag = (tokenResponse as { need_patient_banner?: unknown } | null | undefined)?.need_patient_banner;
  return flag !== false && flag !== "false";
}
