import type { Locale, Section } from "./catalogue";
import { appStrings } from "./sections/app";
import { formStrings } from "./sections/forms";

export type { Locale } from "./catalogue";
export { LOCALES } from "./catalogue";

/**
 * Every section merged: the app's one catalogue. Add a section here, not a second catalogue.
 * One section is not in the first download: the core's messages (./sections/core.ts, `core.*` keys), which
 * only the clinician view shows; it loads with the view and joins this catalogue through registerSection
 * (./core.ts does it), and is read with coreText of ./core.ts rather than t().
 */
const sections = [appStrings, formStrings] as const;

type KeysOf<S> = S extends Section<infer K> ? K : never;
export type MessageKey = KeysOf<(typeof sections)[number]>;

const catalogue: Record<Locale, Record<string, string>> = { en: {}, ja: {} };
function merge(s: Section<string>): void {
  Object.assign(catalogue.en, s.en);
  Object.assign(catalogue.ja, s.ja);
}
for (const s of sections) merge(s);

/** Adds a section that loads with the chunk that shows it (see `sections`). Registering twice is harmless. */
export function registerSection(section: Section<string>): void {
  merge(section);
}

/** A key's template in one locale, without falling back to English; undefined when the locale lacks the key. */
export function templateOf(locale: Locale, key: string): string | undefined {
  return catalogue[locale][key];
}

export type MessageParams = Record<string, string | number>;

export interface Translator {
  locale: Locale;
  t(key: MessageKey, params?: MessageParams): string;
  /** Locale-aware number; `digits` fixes the fraction digits (display rounding of EQ-5D uses formatIndex). */
  number(value: number, digits?: number): string;
  /** Locale-aware date (no time) from an ISO string; the raw string when it cannot be parsed. */
  date(iso: string): string;
}

export function createTranslator(locale: Locale): Translator {
  const strings = catalogue[locale];
  const tag = locale === "ja" ? "ja-JP" : "en-GB";
  return {
    locale,
    t(key, params) {
      const template = strings[key] ?? catalogue.en[key] ?? key;
      if (!params) return template;
      return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
        const v = params[name];
        if (v === undefined) return whole;
        return typeof v === "number" ? new Intl.NumberFormat(tag).format(v) : v;
      });
    },
    number(value, digits) {
      const opts: Intl.NumberFormatOptions =
        digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits };
      return new Intl.NumberFormat(tag, opts).format(value);
    },
    date(iso) {
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return iso;
      const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
      return new Intl.DateTimeFormat(tag, { year: "numeric", month: "short", day: "numeric", ...(dateOnly ? { timeZone: "UTC" } : {}) }).format(d);
    },
  };
}

/** Locale from a BCP 47 tag list (EHR launch context first, then the browser): "ja*" → ja, else en. */
export function pickLocale(candidates: readonly (string | null | undefined)[]): Locale {
  for (const c of candidates) {
    if (!c) continue;
    const lower = c.toLowerCase();
    if (lower.startsWith("ja")) return "ja";
    if (lower.startsWith("en")) return "en";
  }
  return "en";
}
