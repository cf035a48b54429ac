/**
 * Every term the mapping data can put into a message (an organ of metastases.json, a primary site's display or
 * note of primary-sites.json, and the same of local-codes.json) has its Japanese in fhir-mappings/terms.ja.json,
 * and the table holds nothing else. The set is read from the mapping files, so a new mapping without its term
 * fails here; and every mapping entry is driven through the extraction, so a term reaching a message by another
 * path fails too.
 */
import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/extract";
import metastases from "../../../fhir-mappings/metastases.json";
import primarySites from "../../../fhir-mappings/primary-sites.json";
import localCodes from "../../../fhir-mappings/local-codes.json";
import codeSystems from "../../../fhir-mappings/code-systems.json";
import termsJa from "../../../fhir-mappings/terms.ja.json";
import { coreSentences } from "../../../src/i18n/core";
import { NOW } from "./helpers";

interface MetastasisEntry {
  systems: string[];
  codes: string[];
  role: string;
  organ?: string;
  display: string;
}
interface PrimaryEntry {
  systems: string[];
  codes: string[];
  display: string;
  note?: string;
}

const local = localCodes as { metastases?: MetastasisEntry[]; primarySites?: PrimaryEntry[] };
const METASTASES: MetastasisEntry[] = [...metastases.entries, ...(local.metastases ?? [])];
const PRIMARIES: PrimaryEntry[] = [...primarySites.entries, ...(local.primarySites ?? [])];
const TABLE: Record<string, string> = termsJa.terms;

/** The terms the mappings can put into a message (src/extract/conditions.ts and tokuhashi-items.ts). */
function mappingTerms(): Set<string> {
  const terms = new Set<string>();
  // A visceral or visceral-ask metastasis is listed by its organ, else its display.
  for (const e of METASTASES) if (e.role === "visceral" || e.role === "visceral-ask") terms.add(e.organ ?? e.display);
  // A primary cancer is named by the mapping's display when the record's coding has none; its note is a sentence.
  for (const e of PRIMARIES) {
    terms.add(e.display);
    if (e.note) terms.add(e.note);
  }
  return terms;
}

function systemUri(keyOrUri: string): string {
  const systems: Record<string, { uri: string }> = codeSystems.systems;
  return systems[keyOrUri]?.uri ?? keyOrUri;
}

/** Every CoreTerm anywhere in a value (a report). */
function termsIn(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) termsIn(v, into);
  else if (typeof value === "object" && value !== null) {
    const keys = Object.keys(value);
    const term = (value as { term?: unknown }).term;
    if (keys.length === 1 && typeof term === "string") into.add(term);
    else for (const v of Object.values(value)) termsIn(v, into);
  }
}

describe("fhir-mappings/terms.ja.json", () => {
  it("has Japanese for every term of the mapping files (local-codes.json included)", () => {
    const missing = [...mappingTerms()].filter((t) => !Object.hasOwn(TABLE, t) || !TABLE[t]?.trim());
    expect(missing).toEqual([]);
  });

  it("holds no term the mappings no longer write", () => {
    const terms = mappingTerms();
    expect(Object.keys(TABLE).filter((t) => !terms.has(t))).toEqual([]);
  });

  it("every mapping entry, read as a Condition without a display, puts exactly those terms into the report", () => {
    const conditions = [...METASTASES, ...PRIMARIES].flatMap((e, i) =>
      e.systems.map((system, j) => ({
        resourceType: "Condition",
        id: `c${i}-${j}`,
        code: { coding: [{ system: systemUri(system), code: e.codes[0] }] },
        subject: { reference: "Patient/p" },
        recordedDate: "2024-05-01",
      })),
    );
    const seen = new Set<string>();
    for (const c of conditions)
      termsIn(buildReport([{ resourceType: "Patient", id: "p" }, c], "p", { now: NOW }), seen);
    const terms = mappingTerms();
    expect([...seen].filter((t) => !terms.has(t))).toEqual([]);
    // … and each term the files give is one the extraction does write.
    expect([...terms].filter((t) => !seen.has(t))).toEqual([]);
  });

  it("turns a visceral organ into Japanese in the item's context", () => {
    const lung = METASTASES.find((e) => e.role === "visceral" && e.organ === "lung");
    expect(lung).toBeDefined();
    const condition = {
      resourceType: "Condition",
      id: "m",
      code: { coding: [{ system: systemUri(lung?.systems[0] ?? ""), code: lung?.codes[0] }] },
      subject: { reference: "Patient/p" },
    };
    const item = buildReport([{ resourceType: "Patient", id: "p" }, condition], "p", { now: NOW }).tokuhashi.items
      .visceralMets;
    expect(coreSentences("ja", item.context)).toContain("肺（Condition/m）");
  });
});
