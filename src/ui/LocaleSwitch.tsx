import type { Locale } from "../i18n";
import { LOCALES } from "../i18n";
import { useTranslator } from "../i18n/react";

import type { MessageKey } from "../i18n";

/** Each language is named in itself (the same words in both catalogues). */
const NAMES: Record<Locale, MessageKey> = { en: "app.language.en", ja: "app.language.ja" };

/** The language switch; each language is named in itself. */
export function LocaleSwitch({ onChange }: { onChange: (locale: Locale) => void }) {
  const { t, locale } = useTranslator();
  return (
    <label className="locale-switch no-print">
      {t("app.language")}{" "}
      <select value={locale} onChange={(e) => onChange(e.target.value === "ja" ? "ja" : "en")}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(NAMES[l])}
          </option>
        ))}
      </select>
    </label>
  );
}
