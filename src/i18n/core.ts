/**
 * The core's messages in the clinician's language: the translator (./translate.ts) applied to a message
 * { code, params } of src/scores, src/extract or the data access (template `core.<code>`). The core writes no
 * words; these helpers are the one place they come from.
 *
 * A message is never half in one language: when the locale lacks a code, separator or parameter the message
 * needs, the whole message reads in English. Terms of the mapping data (fhir-mappings/terms.ja.json) a table
 * lacks read in English inside the translated sentence.
 *
 * Importing this module registers the core section and the term tables: it is imported by the clinician
 * view's components, the CLI and the CDS service, so the browser downloads it with the view, not with the
 * first paint.
 */
import type { Diagnostic, ReportItem, ScoreReport, Suggestion } from "../report/types";
import type { CoreMessage } from "../scores/types";
import termsJa from "../../fhir-mappings/terms.ja.json";
import {
  createTranslator,
  inOneLanguage,
  registerSection,
  registerTerms,
  translateExactly,
  type Locale,
} from "./translate";
import { coreStrings } from "./sections/core";

registerSection(coreStrings);
registerTerms("ja", termsJa.terms);

/** The text of a core message in exactly this locale; null when a code, separator or parameter it needs is missing there. */
export function renderCoreMessage(locale: Locale, message: CoreMessage): string | null {
  return translateExactly(locale, `core.${message.code}`, message.params);
}

/**
 * A core message for the reader: in the locale's words, else in English (else its code, for a code no catalogue
 * has). The translator's `message`: one rendering for the view, the CLI and the CDS card.
 */
export function coreText(locale: Locale, message: CoreMessage): string {
  return createTranslator(locale).message(message);
}

/** Sentences (an item's context) joined the locale's way, else in English; "" when there are none. */
export function coreSentences(locale: Locale, messages: readonly CoreMessage[] | null | undefined): string {
  if (!messages || messages.length === 0) return "";
  return inOneLanguage(locale, { join: "sentence", items: [...messages] }) ?? messages.map((m) => m.code).join(" ");
}

export function contextText(locale: Locale, item: Pick<ReportItem, "context">): string {
  return coreSentences(locale, item.context);
}

export function suggestionText(locale: Locale, s: Suggestion): string {
  return coreText(locale, s.reason);
}

export function diagnosticText(locale: Locale, d: Diagnostic): string {
  return coreText(locale, d.message);
}

/** A report with its messages as words: what a file or a terminal carries (the CLI's JSON). */
export type Worded<T> = T extends CoreMessage
  ? string
  : T extends readonly (infer U)[]
    ? Worded<U>[]
    : T extends object
      ? { [K in keyof T]: Worded<T[K]> }
      : T;

/** The report's fields that hold core messages (src/report/types.ts): each becomes its text, a list its texts. */
const MESSAGE_FIELDS = new Set(["message", "reason", "reasons", "note", "claim", "context"]);

function isCoreMessage(x: unknown): x is CoreMessage {
  return (
    typeof x === "object" && x !== null && typeof (x as { code?: unknown }).code === "string" && !("severity" in x)
  );
}

function worded(locale: Locale, value: unknown, key: string | null): unknown {
  if (Array.isArray(value)) {
    return value.map((v) =>
      key !== null && MESSAGE_FIELDS.has(key) && isCoreMessage(v) ? coreText(locale, v) : worded(locale, v, null),
    );
  }
  if (key !== null && MESSAGE_FIELDS.has(key) && isCoreMessage(value)) return coreText(locale, value);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = worded(locale, v, k);
  return out;
}

/**
 * The report with every core message in words (an item's `context` one text per sentence), for output that
 * leaves the app: the CLI's JSON is English, as docs/score-report.md shows it.
 */
export function reportInWords(report: ScoreReport, locale: Locale = "en"): Worded<ScoreReport> {
  return worded(locale, report, null) as Worded<ScoreReport>;
}
