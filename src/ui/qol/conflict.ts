import type { Translator } from "../../i18n";

/** "Pain VAS (0–100 mm) 40 and 60 on 3 Mar 2026 (conflict)": a day's different values, none taken. */
export function conflictText(
  t: Translator["t"],
  date: (iso: string) => string,
  measure: string,
  c: { date: string | null; texts: readonly string[] },
): string {
  return t("app.qol.conflictValues", {
    measure,
    values: c.texts.join(t("app.qol.conflictAnd")),
    date: c.date ? date(c.date) : t("app.prov.noDate"),
  });
}
