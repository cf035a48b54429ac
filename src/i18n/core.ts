/**
 * The core's messages in the clinician's language. The core (src/scores, src/extract) writes every reason,
 * context note and diagnostic in English and, next to it, as a code with parameters (CoreMessage); this
 * renders the code through the catalogue's core section, and falls back to the core's English text when a
 * code (or one nested in it, or a parameter its template names) is not in the catalogue.
 *
 * Terms of the mapping data (CoreTerm: an organ, a primary-site note of fhir-mappings/) are looked up in the
 * locale's term table (fhir-mappings/terms.ja.json); a term the table lacks is shown in its English, inside a
 * sentence that is otherwise translated (a term never makes the whole message fall back).
 *
 * Importing this module registers the core section and the term tables: it is imported by the clinician
 * view's components, so they download with the view, not with the first paint.
 */
import type { Diagnostic, ReportItem, Suggestion } from "../report/types";
import type { CoreList, CoreMessage, CoreParam, CoreTerm } from "../scores/types";
import termsJa from "../../fhir-mappings/terms.ja.json";
import { registerSection, templateOf, type Locale } from "./index";
import { coreStrings } from "./sections/core";

registerSection(coreStrings);

/** The mapping data's terms by locale: English text as the mapping writes it → the locale's text. English needs none. */
const TERM_TABLES: Partial<Record<Locale, Readonly<Record<string, string>>>> = { ja: termsJa.terms };

const PLACEHOLDER = /\{(\w+)\}/g;

function isMessage(p: CoreMessage | CoreList | CoreTerm): p is CoreMessage {
  return "code" in p;
}

function isTerm(p: CoreList | CoreTerm): p is CoreTerm {
  return "term" in p;
}

/** A term of the mapping data in a locale: its translation, else the English as written. */
export function termText(locale: Locale, term: CoreTerm): string {
  const table = TERM_TABLES[locale];
  const text = table && Object.hasOwn(table, term.term) ? table[term.term] : undefined;
  return text ?? term.term;
}

function renderParam(locale: Locale, param: CoreParam): string | null {
  if (typeof param === "string") return param;
  if (typeof param === "number") return String(param);
  if (isMessage(param)) return renderCoreMessage(locale, param);
  if (isTerm(param)) return termText(locale, param);
  const separator = templateOf(locale, `core.join.${param.join}`);
  if (separator === undefined) return null;
  const parts: string[] = [];
  for (const item of param.items) {
    const text = renderParam(locale, item);
    if (text === null) return null;
    parts.push(text);
  }
  return parts.join(separator);
}

/**
 * The text of a core message in a locale; null when its code, a nested code, a list separator or a
 * parameter its template names is missing. Numbers are written as the core writes them (String(n)).
 */
export function renderCoreMessage(locale: Locale, message: CoreMessage): string | null {
  const template = templateOf(locale, `core.${message.code}`);
  if (template === undefined) return null;
  let failed = false;
  const text = template.replace(PLACEHOLDER, (_whole, name: string) => {
    const param = message.params?.[name];
    const rendered = param === undefined ? null : renderParam(locale, param);
    if (rendered === null) {
      failed = true;
      return "";
    }
    return rendered;
  });
  return failed ? null : text;
}

/** A core message for the clinician: in the locale's words, else the core's English text. */
export function coreText(locale: Locale, message: CoreMessage | null | undefined, english: string): string {
  if (!message) return english;
  return renderCoreMessage(locale, message) ?? english;
}

/** Sentences (an item's context) joined the locale's way, else the core's English text. */
export function coreSentences(locale: Locale, messages: readonly CoreMessage[] | null | undefined, english: string): string {
  if (!messages || messages.length === 0) return english;
  return renderParam(locale, { join: "sentence", items: [...messages] }) ?? english;
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
