/**
 * The shape of the one string catalogue. Every user-facing string lives in a section (./sections/*); each
 * section lists the English and Japanese text for the same keys (the type system refuses a missing
 * translation; test/unit/i18n/catalogue.test.ts checks the placeholders match). Placeholders are written
 * {name} and filled by the translator (./translate.ts). A phrase that counts is a plural: its forms by the
 * locale's plural category (Intl.PluralRules), chosen by one of its parameters; Japanese has no plural and
 * writes a plain string.
 *
 * This module holds no words, so that a page imports only the sections it shows.
 */
export type Locale = "en" | "ja";
export const LOCALES: readonly Locale[] = ["en", "ja"];

/** The forms of a counted phrase, by plural category of the locale ("other" is always there). */
export type PluralForms = { readonly [C in Intl.LDMLPluralRule]?: string } & { readonly other: string };

export interface Plural {
  /** The parameter that counts. */
  readonly count: string;
  readonly forms: PluralForms;
}

export type Template = string | Plural;

export interface Section<K extends string> {
  en: Record<K, Template>;
  ja: Record<K, Template>;
}

export function defineSection<K extends string>(en: Record<K, Template>, ja: Record<K, Template>): Section<K> {
  return { en, ja };
}

/** A counted phrase: `plural("count", { one: "{count} source", other: "{count} sources" })`. */
export function plural(count: string, forms: PluralForms): Plural {
  return { count, forms };
}
