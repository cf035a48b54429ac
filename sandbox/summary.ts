/** One-line patient summaries for the EHR page and the standalone picker (name, age, sex, primary, levels). */
import type { Bundle, CodeableConcept, Condition, Encounter, HumanName, Patient } from "fhir/r4";
import type { Engine } from "./engine";
import { formatLevels, levelOfSnomed, SNOMED } from "./levels";

export interface PatientSummary {
  id: string;
  name: string;
  age: number | null;
  sex: string;
  primary: string;
  levels: string;
  encounter: string | null;
}

const PRIMARY_PROFILE = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-primary-cancer-condition";
const SECONDARY_PROFILE = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-secondary-cancer-condition";

function nameOf(p: Patient): string {
  const names = p.name ?? [];
  const pick = (n: HumanName | undefined): string =>
    n ? (n.text ?? [...(n.given ?? []), n.family ?? ""].join(" ").trim()) : "";
  // A Japanese record carries the kanji name (IDE) first and the kana reading (SYL) second: show both.
  const ide = names.find((n) => n.extension?.some((e) => e.valueCode === "IDE"));
  const syl = names.find((n) => n.extension?.some((e) => e.valueCode === "SYL"));
  if (ide && syl) return `${pick(ide)} (${pick(syl)})`;
  return pick(names.find((n) => n.use === "official") ?? names[0]) || `Patient/${p.id ?? "?"}`;
}

export function ageOn(birthDate: string | undefined, today: Date): number | null {
  const m = birthDate ? /^(\d{4})-(\d{2})-(\d{2})/.exec(birthDate) : null;
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < mo || (today.getUTCMonth() + 1 === mo && today.getUTCDate() < d)) age -= 1;
  return age;
}

function text(cc: CodeableConcept | undefined): string {
  return cc?.text ?? cc?.coding?.find((c) => c.display)?.display ?? cc?.coding?.[0]?.code ?? "";
}

function isSecondary(c: Condition): boolean {
  if (c.meta?.profile?.includes(SECONDARY_PROFILE)) return true;
  return (c.code?.coding ?? []).some(
    (x) =>
      (x.system === SNOMED && ["128462008", "94222008", "94602001"].includes(x.code ?? "")) ||
      /^C7[7-9]|^C7B/.test(x.code ?? ""),
  );
}

function ignored(c: Condition): boolean {
  const v = c.verificationStatus?.coding?.[0]?.code;
  return v === "refuted" || v === "entered-in-error";
}

async function search<T>(engine: Engine, url: string): Promise<T[]> {
  const [, bundle] = await engine.handle("GET", url);
  return ((bundle as unknown as Bundle | undefined)?.entry ?? []).map((e) => e.resource as T);
}

/** Summaries of the given patients, in that order (a missing patient is skipped). */
export async function summarize(engine: Engine, ids: readonly string[], today: Date): Promise<PatientSummary[]> {
  const out: PatientSummary[] = [];
  for (const id of ids) {
    const [oo, res] = await engine.handle("GET", `Patient/${id}`);
    if (oo.id !== "ok" || !res) continue;
    const p = res as unknown as Patient;
    const ref = new URLSearchParams({ subject: `Patient/${id}` }).toString();
    const conditions = (await search<Condition>(engine, `Condition?${ref}&_count=200`)).filter((c) => !ignored(c));
    const primary =
      conditions.find((c) => c.meta?.profile?.includes(PRIMARY_PROFILE)) ?? conditions.find((c) => !isSecondary(c));
    const levels: string[] = [];
    for (const c of conditions.filter(isSecondary)) {
      for (const site of c.bodySite ?? []) {
        for (const coding of site.coding ?? []) {
          const l = coding.system === SNOMED && coding.code ? levelOfSnomed(coding.code) : null;
          if (l) levels.push(l.level);
        }
      }
    }
    const enc = await search<Encounter>(engine, `Encounter?${ref}&_sort=-date&_count=1`);
    out.push({
      id,
      name: nameOf(p),
      age: ageOn(p.birthDate, today),
      sex: p.gender ?? "unknown",
      primary: primary ? text(primary.code) : "—",
      levels: levels.length ? formatLevels(levels) : "level not coded",
      encounter: enc[0]?.id ?? null,
    });
  }
  return out;
}

export function oneLine(s: PatientSummary): string {
  return `${s.name} · ${s.age ?? "?"} y · ${s.sex} · ${s.primary} · ${s.levels}`;
}
