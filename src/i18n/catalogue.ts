/**
 * The one string catalogue. Every user-facing string lives in a section here; each section lists the
 * English and Japanese text for the same keys (the type system refuses a missing translation).
 * Placeholders are written {name} and filled by the translator.
 */
export type Locale = "en" | "ja";
export const LOCALES: readonly Locale[] = ["en", "ja"];

export interface Section<K extends string> {
  en: Record<K, string>;
  ja: Record<K, string>;
}

export function defineSection<K extends string>(en: Record<K, string>, ja: Record<K, string>): Section<K> {
  return { en, ja };
}
