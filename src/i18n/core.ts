/**
 * The core's messages in the clinician's language: the translator (./translate.ts) applied to a message
 * { code, params } of src/scores, src/extract or the data access (template `core.<code>`).
 *
 * Until the core emits only { code, params }, the report still carries each message's English next to its
 * code; these helpers show the translation when the locale has every code, separator and parameter the
 * message needs, and the core's English otherwise (a message is never half in one language). Terms of the
 * mapping data (fhir-mappings/terms.ja.json) a table lacks read in English inside the translated sentence.
 *
 * Importing this module registers the core section and the term tables: it is imported by the clinician
 * view's components, so they download with the view, not with the first paint.
 */
import type { Diagnostic, ReportItem, Suggestion } from "../report/types";
import type { CoreMessage } from "../scores/types";
import termsJa from "../../fhir-mappings/terms.ja.json";
import { paramExactly, registerSection, registerTerms, translateExactly, type Locale } from "./translate";
import { coreStrings } from "./sections/core";

registerSection(coreStrings);
registerTerms("ja", termsJa.terms);

/** The text of a core message in exactly this locale; null when a code, separator or parameter it needs is missing there. */
export function renderCoreMessage(locale: Locale, message: CoreMessage): string | null {
  return translateExactly(locale, `core.${message.code}`, message.params);
}

/** A core message for the clinician: in the locale's words, else the core's English text. */
export function coreText(locale: Locale, message: CoreMessage | null | undefined, english: string): string {
  if (!message) return english;
  return renderCoreMessage(locale, message) ?? english;
}

/** Sentences (an item's context) joined the locale's way, else the core's English text. */
export function coreSentences(locale: Locale, messages: readonly CoreMessage[] | null | undefined, english: string): string {
  if (!messages || messages.length === 0) return english;
  return paramExactly(locale, { join: "sentence", items: [...messages] }) ?? english;
}

/** Applicability reason i: translated, or its English text. */
export function reasonText(locale: Locale, reasons: readonly string[], codes: readonly CoreMessage[] | undefined, i: number): string {
  const english = reasons[i] ?? "";
  return codes && codes.length === reasons.length ? coreText(locale, codes[i], english) : english;
}

export function contextText(locale: Locale, item: Pick<ReportItem, "context" | "contextCodes">): string {
  return coreSentences(locale, item.contextCodes, item.context ?? "");
}

export function suggestionText(locale: Locale, s: Suggestion): string {
  return coreText(locale, s.reasonCode ? messageOf(s.reasonCode, s.params) : null, s.reason);
}

export function diagnosticText(locale: Locale, d: Diagnostic): string {
  return coreText(locale, d.messageCode ? messageOf(d.messageCode, d.params) : null, d.message);
}

function messageOf(code: string, params: CoreMessage["params"]): CoreMessage {
  return params === undefined ? { code } : { code, params };
}
