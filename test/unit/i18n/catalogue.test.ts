/**
 * The catalogue is complete: every section (src/i18n/sections/*) has each key in English and in Japanese, with the
 * same placeholders, and no key is in two sections; every key a page registers reads in both languages without
 * English standing in. (The translator would show English for a missing Japanese key: this is where it is
 * reported.) And each meaning has one key: no two keys say the same thing in both languages.
 */
import { describe, expect, it } from "vitest";
import type { Section, Template } from "../../../src/i18n/catalogue";
import { LOCALES } from "../../../src/i18n/catalogue";
import { appStrings } from "../../../src/i18n/sections/app";
import { cdsStrings } from "../../../src/i18n/sections/cds";
import { coreStrings } from "../../../src/i18n/sections/core";
import { faultStrings } from "../../../src/i18n/sections/faults";
import { formStrings } from "../../../src/i18n/sections/forms";
import { launchStrings } from "../../../src/i18n/sections/launch";
import { registeredKeys, translateExactly } from "../../../src/i18n/translate";
// Every page's registrations: the view's (with the core's), the launch page's, the CDS service's.
import "../../../src/i18n";
import "../../../src/i18n/core";
import "../../../launch/messages";
import "../../../src/cds/text";

/** Every section file, including those added later. */
const files = import.meta.glob<Record<string, unknown>>("../../../src/i18n/sections/*.ts", { eager: true });

function isSection(value: unknown): value is Section<string> {
  return typeof value === "object" && value !== null && "en" in value && "ja" in value;
}

const sections: [string, Section<string>][] = Object.entries(files).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => isSection(value))
    .map(
      ([name, value]) =>
        [`${file.replace(/^.*\//, "")} ${name}`, value as Section<string>] as [string, Section<string>],
    ),
);

function forms(template: Template): string[] {
  return typeof template === "string" ? [template] : Object.values(template.forms);
}

function placeholders(template: Template): string[] {
  return [...new Set(forms(template).flatMap((f) => [...f.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "")))].sort();
}

describe("every section, in English and Japanese", () => {
  it("finds the sections", () => {
    expect(sections.length).toBeGreaterThanOrEqual(6);
  });

  it.each(sections)("%s: the same keys in both languages, none empty", (_name, section) => {
    const en = Object.keys(section.en).sort();
    const ja = Object.keys(section.ja).sort();
    expect(
      en.filter((k) => !ja.includes(k)),
      "missing in Japanese",
    ).toEqual([]);
    expect(
      ja.filter((k) => !en.includes(k)),
      "only in Japanese",
    ).toEqual([]);
    for (const locale of LOCALES) {
      // A separator may be empty (Japanese sentences follow one another without a space).
      const empty = Object.entries(section[locale]).filter(
        ([k, t]) => !k.startsWith("core.join.") && forms(t).some((f) => f.trim() === ""),
      );
      expect(
        empty.map(([k]) => k),
        `${locale}: empty`,
      ).toEqual([]);
    }
  });

  it.each(sections)("%s: the same placeholders in both languages; a plural counts one of them", (_name, section) => {
    for (const [key, en] of Object.entries(section.en)) {
      const ja = section.ja[key];
      if (ja === undefined) continue;
      expect(placeholders(ja), key).toEqual(placeholders(en));
      for (const t of [en, ja]) {
        if (typeof t === "string") continue;
        expect(t.forms.other, key).toBeTruthy();
        expect(placeholders(t), key).toContain(t.count);
      }
    }
  });

  it("no key is in two sections", () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [name, section] of sections) {
      for (const key of Object.keys(section.en)) {
        const other = seen.get(key);
        if (other !== undefined && other !== name) twice.push(`${key}: ${other}, ${name}`);
        seen.set(key, name);
      }
    }
    expect(twice).toEqual([]);
  });
});

describe("what the pages register", () => {
  it("reads every key in Japanese without English standing in", () => {
    const en = registeredKeys("en").sort();
    const ja = registeredKeys("ja").sort();
    expect(en.filter((k) => !ja.includes(k))).toEqual([]);
    expect(ja.filter((k) => !en.includes(k))).toEqual([]);
    expect(translateExactly("ja", "launch.error.title")).toBe("アプリを起動できませんでした");
    expect(translateExactly("ja", "app.title")).toBe("脊椎転移：不安定性・予後・QOLの見通し");
  });
});

describe("one key per meaning", () => {
  /**
   * Pairs that read alike in both languages but are not one meaning (two items' own options, a field's label and
   * a severity), or are one meaning said by the core in its English until it emits only codes.
   */
  const APART = new Set([
    "app.banner.sex.other|app.save.timepoint.other", // a sex; a timepoint
    "app.group.cervical|app.group.short.cervical", // the long and short names coincide for this group
    "app.source.questionnaire|forms.choose", // where a value came from; the chooser's heading
    "app.prov.code|forms.patient.code", // a coding's code; the hand-over code
    "app.prov.note|app.diag.info", // a resource's note; the severity of a data note
    "app.sins.collapse.none|app.sins.posterolateral.none", // "None of the above" of two items
    "core.value.collapse.none|core.value.posterolateral.none",
    "core.region.spine|cds.region.spine",
    // The core's own words until it emits only codes (the English must read as the core writes it).
    "app.prov.noDate|core.time.reason.undated",
    "forms.patient.offer.pain|core.concept.painVas",
    // The view joins two values of a conflict before the core's separators may have loaded.
    "app.qol.conflictAnd|core.join.and",
  ]);

  it("no two keys say the same in both languages", () => {
    const own = [appStrings, formStrings, faultStrings, coreStrings, cdsStrings, launchStrings];
    const byWords = new Map<string, string[]>();
    for (const section of own) {
      for (const key of Object.keys(section.en)) {
        const words = JSON.stringify([
          section.en[key as keyof typeof section.en],
          section.ja[key as keyof typeof section.ja],
        ]);
        byWords.set(words, [...(byWords.get(words) ?? []), key]);
      }
    }
    const same = [...byWords.values()].filter((keys) => keys.length > 1).map((keys) => keys.join("|"));
    expect(same.filter((pair) => !APART.has(pair))).toEqual([]);
  });

  it("a value missing from the record, or not known, is said one way", () => {
    const registered = registeredKeys("en");
    for (const gone of [
      "app.banner.unknown",
      "app.source.missing",
      "app.qol.noPatientValues",
      "app.item.notOnRecord",
      "app.item.unknown",
      "app.banner.sex.unknown",
    ]) {
      expect(registered, gone).not.toContain(gone);
    }
    expect(translateExactly("ja", "app.notOnFile")).toBe("記録なし");
  });

  it("an item's value quoted in a Japanese message reads as the view labels that answer", () => {
    const pairs: [string, string][] = [
      ["core.value.pain.mechanical", "app.sins.pain.mechanical"],
      ["core.value.alignment.subluxation", "app.sins.alignment.subluxation"],
      ["core.value.generalCondition.moderate", "app.tok.generalCondition.moderate"],
      ["core.value.primarySite.carcinoid", "app.tok.primary.carcinoid"],
    ];
    for (const [core, app] of pairs) expect(translateExactly("ja", core), core).toBe(translateExactly("ja", app));
  });
});
