/**
 * The clinician's language choice, kept across reloads: the one thing the app keeps in localStorage. Only the
 * locale code ("en" or "ja") is stored — never a token, a patient or anything read from the record. Read by
 * the view and by the launch page (both pick the language with pickLocale of src/i18n/translate.ts); this
 * module imports no words.
 */
import { LOCALES, type Locale } from "../i18n/catalogue";

export const LOCALE_PREFERENCE_KEY = "spine-met-qol.locale";

export type PreferenceStorage = Pick<Storage, "getItem" | "setItem">;

/** The browser's localStorage, or null where there is none or it is blocked (the choice then lasts the page). */
export function browserPreferences(): PreferenceStorage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

/** The stored choice, or null when none (or something else) is stored. */
export function readLocalePreference(storage: PreferenceStorage | null): Locale | null {
  try {
    const value = storage?.getItem(LOCALE_PREFERENCE_KEY) ?? null;
    return (LOCALES as readonly string[]).includes(value ?? "") ? (value as Locale) : null;
  } catch {
    return null;
  }
}

export function writeLocalePreference(storage: PreferenceStorage | null, locale: Locale): void {
  try {
    storage?.setItem(LOCALE_PREFERENCE_KEY, locale);
  } catch {
    // Storage full or refused: the choice holds for this page only.
  }
}
