/**
 * One wording per answer: the app's Questionnaires and CodeSystem (fhir-mappings/questionnaires) carry their answers'
 * words for FHIR (display, and the Japanese in the `translation` extension or a `designation`), and the clinician
 * view words the same answers from the catalogue. Both say each answer as the catalogue does, in English and in
 * Japanese; a Questionnaire may add the category's definition after it in brackets ("Mechanical pain (relief with
 * recumbency …)"), for whoever fills in the form.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { CodeSystem, CodeSystemConcept, Coding } from "fhir/r4";
import { describe, expect, it } from "vitest";
import "../../../src/i18n";
import { translateExactly, type Locale, type MessageKey } from "../../../src/i18n/translate";
import { allItems, codingDisplay } from "../../../src/questionnaires/items";
import { isFrankel } from "../../../src/scores/observations";
import { SINS_OPTIONS, TIMEPOINTS, TOKUHASHI_OPTIONS, type ItemOption } from "../../../src/ui/labels";
import type { Questionnaire } from "fhir/r4";

const DIR = join(__dirname, "../../../fhir-mappings/questionnaires");
const files = readdirSync(DIR).filter((f) => f.endsWith(".json"));
const read = (file: string): unknown => JSON.parse(readFileSync(join(DIR, file), "utf8"));
const questionnaires = files
  .map((f) => [f, read(f)] as const)
  .filter(
    (e): e is readonly [string, Questionnaire] => (e[1] as { resourceType?: string }).resourceType === "Questionnaire",
  );
const codeSystem = files
  .map(read)
  .find((r) => (r as { resourceType?: string }).resourceType === "CodeSystem") as CodeSystem;

/** The words of an answer code in the catalogue: a key, or the value itself (a vertebral level); undefined when the view does not word it. */
function catalogueWords(code: string): { key: MessageKey } | { self: string } | undefined {
  const [concept, ...rest] = code.split(".");
  const value = rest.join(".");
  const option = (options: Readonly<Record<string, ItemOption[]>>, item: string): ItemOption | undefined =>
    options[item]?.find((o) => o.value === value.slice(item.length + 1));
  switch (concept) {
    case "timepoint":
      return TIMEPOINTS.find((t) => t === value)
        ? { key: `app.save.timepoint.${value as (typeof TIMEPOINTS)[number]}` }
        : undefined;
    case "level": {
      const o = SINS_OPTIONS.location.find((l) => l.value === value);
      return o ? (o.label ? { key: o.label } : { self: o.value }) : undefined;
    }
    case "frankel":
      // The Frankel form's answers and the Tokuhashi palsy item's answers are the grades (app.tok.palsy.* adds the class).
      return isFrankel(value) ? { key: `app.frankel.${value}` } : undefined;
    case "sins":
    case "tokuhashi": {
      const item = value.split(".")[0] ?? "";
      const o = option(concept === "sins" ? SINS_OPTIONS : TOKUHASHI_OPTIONS, item);
      return o?.label ? { key: o.label } : undefined;
    }
    default:
      return undefined;
  }
}

function said(words: { key: MessageKey } | { self: string }, locale: Locale): string {
  return "key" in words ? (translateExactly(locale, words.key) ?? `(missing ${words.key})`) : words.self;
}

/** The form's words are the catalogue's, or the catalogue's followed by a definition in brackets. */
function sameAnswer(form: string, catalogue: string, locale: Locale): boolean {
  return form === catalogue || form.startsWith(locale === "ja" ? `${catalogue}（` : `${catalogue} (`);
}

interface Worded {
  where: string;
  code: string;
  en: string;
  ja: string;
}

const worded: Worded[] = [
  ...questionnaires.flatMap(([file, q]) =>
    allItems(q).flatMap((item) =>
      (item.answerOption ?? []).flatMap((o) => {
        const c: Coding | undefined = o.valueCoding;
        return c?.code
          ? [{ where: `${file} ${item.linkId}`, code: c.code, en: c.display ?? "", ja: codingDisplay(c, "ja") }]
          : [];
      }),
    ),
  ),
  ...(function concepts(list: readonly CodeSystemConcept[]): Worded[] {
    return list.flatMap((c) => [
      {
        where: "CodeSystem",
        code: c.code,
        en: c.display ?? "",
        ja: c.designation?.find((d) => d.language === "ja")?.value ?? "",
      },
      ...concepts(c.concept ?? []),
    ]);
  })(codeSystem.concept ?? []),
];

describe("an answer is worded once", () => {
  it("finds the answers the view words too", () => {
    const codes = new Set(worded.filter((w) => catalogueWords(w.code)).map((w) => w.code));
    for (const code of [
      "timepoint.preop",
      "level.Occiput",
      "level.T12",
      "sins.pain.mechanical",
      "sins.collapse.none",
      "tokuhashi.primarySite.carcinoid",
      "tokuhashi.extraspinalBoneMets.3+",
      "frankel.A",
      "frankel.E",
    ]) {
      expect(codes, code).toContain(code);
    }
  });

  it.each(["en", "ja"] as const)(
    "the Questionnaires and the CodeSystem say each answer as the view does (%s)",
    (locale) => {
      const differ = worded.flatMap((w) => {
        const words = catalogueWords(w.code);
        if (!words) return [];
        const catalogue = said(words, locale);
        return sameAnswer(w[locale], catalogue, locale)
          ? []
          : [`${w.where} ${w.code}: "${w[locale]}", the view says "${catalogue}"`];
      });
      expect([...new Set(differ)]).toEqual([]);
    },
  );
});
