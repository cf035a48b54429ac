/**
 * The one translator (src/i18n/translate.ts): keys with parameters, English standing in for a key a locale lacks,
 * plurals by Intl.PluralRules, messages of the core ({ code, params }) with nested messages, lists and terms,
 * the one number and date formatter, and the choice of language.
 */
import { describe, expect, it, vi } from "vitest";
import "../../../src/i18n"; // the view's sections (app, forms, faults)
import type { Section } from "../../../src/i18n/catalogue";
import { plural } from "../../../src/i18n/catalogue";
import { printStrings } from "../../../src/i18n/sections/print";
import {
  createTranslator,
  formatDate,
  formatNumber,
  missingIn,
  pickLocale,
  registerSection,
  registerTerms,
  translateExactly,
  type MessageKey,
} from "../../../src/i18n/translate";

/** Keys only these tests use, registered as any page registers its section. */
const test = {
  en: {
    "test.hello": "Hello {name}",
    "test.count": "{n} items",
    "test.files": plural("count", { one: "{count} file", other: "{count} files" }),
    "test.english-only": "Only in English",
    "core.test.outer": "Reasons: {reasons}. {inner}",
    "core.test.inner": "at {day}",
    "core.test.organ": "metastasis to {organ}",
    "core.join.test": " + ",
  },
  ja: {
    "test.hello": "こんにちは{name}さん",
    "test.count": "{n}件",
    "test.files": "ファイル{count}件",
    "core.test.outer": "理由：{reasons}。{inner}",
    "core.test.inner": "{day}に",
    "core.test.organ": "{organ}への転移",
    "core.join.test": "・",
  },
} as unknown as Section<string>;
registerSection(test);
registerTerms("ja", { liver: "肝臓" });

/** A test key where the type wants a catalogue key. */
const key = (k: string) => k as MessageKey;
const en = createTranslator("en");
const ja = createTranslator("ja");

describe("t(key, params)", () => {
  it("fills the parameters; numbers are written the locale's way", () => {
    expect(en.t(key("test.hello"), { name: "Sato" })).toBe("Hello Sato");
    expect(ja.t(key("test.hello"), { name: "佐藤" })).toBe("こんにちは佐藤さん");
    expect(en.t(key("test.count"), { n: 12345 })).toBe("12,345 items");
    expect(ja.t(key("test.count"), { n: 12345 })).toBe("12,345件");
  });

  it("writes a number exactly as given: no rounding of a value quoted in a sentence", () => {
    expect(en.t(key("test.count"), { n: 0.1 + 0.2 })).toBe("0.30000000000000004 items");
    expect(en.t(key("test.count"), { n: 1234.5 })).toBe("1,234.5 items");
    expect(en.t(key("test.count"), { n: -0.025 })).toBe("-0.025 items");
    expect(en.t(key("test.count"), { n: 1e21 })).toBe("1e+21 items");
  });

  it("leaves a placeholder nobody filled as it is, and reports it", () => {
    expect(en.t(key("test.hello"))).toBe("Hello {name}");
    expect(missingIn("en", "test.hello", {})).toEqual(["test.hello {name}"]);
  });

  it("a key the locale lacks reads in English, and is reported", () => {
    expect(ja.t(key("test.english-only"))).toBe("Only in English");
    expect(translateExactly("ja", "test.english-only")).toBeNull();
    expect(missingIn("ja", "test.english-only")).toEqual(["test.english-only"]);
    expect(missingIn("en", "test.english-only")).toEqual([]);
  });

  it("a key no locale has reads as the key, never as a blank", () => {
    expect(ja.t(key("test.nowhere"))).toBe("test.nowhere");
    expect(missingIn("ja", "test.nowhere")).toEqual(["test.nowhere"]);
  });

  it("counts in English with Intl.PluralRules; Japanese has one form", () => {
    expect([0, 1, 2, 21].map((count) => en.t(key("test.files"), { count }))).toEqual([
      "0 files",
      "1 file",
      "2 files",
      "21 files",
    ]);
    expect([1, 2].map((count) => ja.t(key("test.files"), { count }))).toEqual(["ファイル1件", "ファイル2件"]);
    // Without its count the plural reads in its general form.
    expect(en.t(key("test.files"), { count: "some" })).toBe("some files");
  });

  it("the catalogue's counted phrases", () => {
    expect(en.t("app.prov.count", { count: 1 })).toBe("1 source");
    expect(en.t("app.prov.count", { count: 3 })).toBe("3 sources");
    expect(en.t("app.unsaved", { n: 1 })).toBe("1 unsaved change");
    expect(en.t("app.unsaved", { n: 2 })).toBe("2 unsaved changes");
    expect(ja.t("app.unsaved", { n: 1 })).toBe("未保存の変更が1件あります");
    expect(en.t("app.diag.needAttention", { count: 1 })).toBe("— 1 needs attention");
    expect(en.t("app.banner.age", { age: 1 })).toBe("1 year");
    // A stale item's age: "1 day old", never "1 days"; the limit is named without a count noun ("the 1-day limit").
    const stale = { date: "20 May 2025", maxDays: 0 };
    expect(en.t("app.item.stale", { ...stale, days: 1 })).toContain("is 1 day old, past the 0-day limit.");
    expect(en.t("app.item.stale", { ...stale, days: 41, maxDays: 30 })).toContain(
      "is 41 days old, past the 30-day limit.",
    );
    expect(ja.t("app.item.stale", { ...stale, days: 1 })).toContain("（20 May 2025）は1日前のもの");
    registerSection(printStrings);
    expect([1, 8].map((days) => en.t("print.stale", { days }))).toEqual(["Stale: 1 day old", "Stale: 8 days old"]);
  });
});

describe("message({ code, params }): the same translator applied to a message of the core", () => {
  const message = {
    code: "test.outer",
    params: {
      reasons: { join: "test" as never, items: ["a", { code: "test.organ", params: { organ: { term: "liver" } } }] },
      inner: { code: "test.inner", params: { day: "2024-05-01" } },
    },
  };

  it("renders nested messages, lists joined the locale's way, and terms of the mapping data", () => {
    expect(en.message(message)).toBe("Reasons: a + metastasis to liver. at 2024-05-01");
    expect(ja.message(message)).toBe("理由：a・肝臓への転移。2024-05-01に");
    expect(translateExactly("ja", "core.test.outer", message.params)).toBe("理由：a・肝臓への転移。2024-05-01に");
  });

  it("a term the locale's table lacks reads in English inside the translated sentence (not missing)", () => {
    const m = { code: "test.organ", params: { organ: { term: "spleen" } } };
    expect(ja.message(m)).toBe("spleenへの転移");
    expect(translateExactly("ja", "core.test.organ", m.params)).toBe("spleenへの転移");
  });

  it("a nested code missing in every locale: exactly null, and the message reads as its code, never half English", () => {
    const m = { code: "test.outer", params: { reasons: "x", inner: { code: "test.nowhere" } } };
    expect(translateExactly("ja", "core.test.outer", m.params)).toBeNull();
    expect(ja.message(m)).toBe("test.outer");
  });
});

describe("the one number and date formatter", () => {
  it("numbers: fixed decimals, or at most 3 for a figure on screen", () => {
    expect(en.number(0.123456)).toBe("0.123");
    expect(en.number(0.5, 3)).toBe("0.500");
    expect(ja.number(1234.5, 1)).toBe("1,234.5");
    expect(formatNumber("en", 2)).toBe("2");
  });

  it("dates: a day as that calendar day in every time zone, a moment with its time; unreadable text as given", () => {
    expect(en.date("1952-05-14")).toBe("14 May 1952");
    expect(ja.date("1952-05-14")).toBe("1952年5月14日");
    expect(formatDate("en", "not a date")).toBe("not a date");
    const moment = new Date(2026, 11, 3, 14, 5);
    expect(en.dateTime(moment)).toBe("3 Dec 2026, 14:05");
    expect(ja.dateTime(moment)).toBe("2026/12/03 14:05");
    expect(en.dateTime(new Date(Number.NaN))).toBe("");
  });

  it("builds each Intl formatter once per locale and style", async () => {
    const names = ["DateTimeFormat", "NumberFormat", "PluralRules"] as const;
    const originals = names.map((name) => Intl[name]);
    const made: Record<string, number> = {};
    names.forEach((name, i) => {
      const Original = originals[i] as unknown as new (...args: unknown[]) => object;
      made[name] = 0;
      class Counted extends Original {
        constructor(...args: unknown[]) {
          super(...args);
          made[name] = (made[name] ?? 0) + 1;
        }
      }
      Object.defineProperty(Intl, name, { value: Counted, configurable: true, writable: true });
    });
    try {
      vi.resetModules();
      const fresh = await import("../../../src/i18n/translate");
      fresh.registerSection(test);
      const t = fresh.createTranslator("en");
      for (let i = 0; i < 5; i += 1) {
        t.date("2024-05-01");
        t.number(i);
        t.t(key("test.files"), { count: i });
      }
      // One date style, the figure's number format and the count's exact form, the plural rules.
      expect(made).toEqual({ DateTimeFormat: 1, NumberFormat: 2, PluralRules: 1 });
      expect(fresh.createTranslator("en")).toBe(t);
    } finally {
      names.forEach((name, i) =>
        Object.defineProperty(Intl, name, { value: originals[i], configurable: true, writable: true }),
      );
    }
  });
});

describe("pickLocale: the stored choice, then the launch's, then the browser's languages, else English", () => {
  it.each([
    [["ja", "en-GB"], "ja"],
    [[null, "ja-JP", "en"], "ja"],
    [[undefined, null, "en-US", "ja"], "en"],
    [["fr-FR", "JA_jp"], "ja"],
    [["jv", "fr"], "en"], // Javanese is not Japanese
    [[], "en"],
  ] as const)("%j → %s", (candidates, locale) => {
    expect(pickLocale(candidates)).toBe(locale);
  });
});
