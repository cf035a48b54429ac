/**
 * The data-access notes of src/fhir (a search refused, failed, cut at the page limit, or read unfiltered) in
 * the clinician's language. Each falls back to the core's English when its code or parameters are not the
 * ones known here.
 */
import type { Diagnostic } from "../report/types";
import type { MessageKey, Translator } from "../i18n";
import { faultTitleKey } from "./faults";

const ACCESS_KEYS: Record<string, MessageKey> = {
  "search-forbidden": "app.access.search-forbidden",
  "search-failed": "app.access.search-failed",
  "page-cap": "app.access.page-cap",
  "page-failed": "app.access.page-failed",
  "fallback-unfiltered": "app.access.fallback-unfiltered",
};

const SEARCH_KEYS: Record<string, MessageKey> = {
  Condition: "app.search.Condition",
  Observation: "app.search.Observation",
  QuestionnaireResponse: "app.search.QuestionnaireResponse",
};

/** A data-access note in the view's language, or null when `d` is not one (or carries unknown parameters). */
export function accessNoteText(tr: Pick<Translator, "t">, d: Diagnostic): string | null {
  const key = d.code ? ACCESS_KEYS[d.code] : undefined;
  const search = d.params?.search;
  const searchKey = typeof search === "string" ? SEARCH_KEYS[search] : undefined;
  if (!key || !searchKey) return null;
  const params: Record<string, string | number> = { search: tr.t(searchKey) };
  const fault = d.params?.fault;
  if (fault !== undefined) {
    const faultKey = typeof fault === "string" ? faultTitleKey(fault) : null;
    if (!faultKey) return null;
    params.fault = tr.t(faultKey);
  }
  for (const name of ["pages", "page"] as const) {
    const v = d.params?.[name];
    if (typeof v === "number") params[name] = v;
  }
  return tr.t(key, params);
}
