/**
 * The one translator: `t(key, params)` over the catalogue's sections, the same applied to a message of the core
 * (`message({ code, params })`, the template `core.<code>`), and the one date and number formatter, for every
 * face: the clinician view, the launch page, the CLI's English and the CDS card.
 *
 * It holds no words itself: a page registers the sections it shows (./index.ts the view's, ./core.ts the core's
 * with the view's chunk, launch/messages.ts the launch page's), so the launch page downloads only its own.
 *
 * A key missing in a locale reads in English, and a key missing in English reads as the key itself (never a
 * blank); test/unit/i18n/catalogue.test.ts reports both. A core message is never half in one language: when the
 * locale lacks anything it needs, the whole message reads in English, else as its code. Parameters: text as
 * given; numbers as given (their shortest decimal form) with the locale's grouping; a nested core message, a term
 * of the mapping data, or a list joined by the locale's separator (`core.join.*`).
 */
import type { CoreMessage, CoreParam, CoreTerm } from "../scores/types";
import { LOCALES, type Locale, type Plural, type Section, type Template } from "./catalogue";
import type { MessageKey } from "./keys";

export type { Locale, Section } from "./catalogue";
export { LOCALES } from "./catalogue";
export type { MessageKey } from "./keys";

/** The Intl locale of each of the app's languages (dates day–month–year in English). */
const INTL_TAG: Readonly<Record<Locale, string>> = { en: "en-GB", ja: "ja-JP" };

export type MessageParams = Readonly<Record<string, CoreParam>>;

const catalogue: Record<Locale, Map<string, Template>> = { en: new Map(), ja: new Map() };
const termTables: Record<Locale, Map<string, string>> = { en: new Map(), ja: new Map() };

/** Adds a section's words (a page registers what it shows; registering twice is harmless). */
export function registerSection(section: Section<string>): void {
  for (const locale of LOCALES) {
    for (const [key, template] of Object.entries<Template>(section[locale])) catalogue[locale].set(key, template);
  }
}

/** Adds a locale's table of the mapping data's terms (English as the mapping writes it → the locale's text). */
export function registerTerms(locale: Locale, table: Readonly<Record<string, string>>): void {
  for (const [term, text] of Object.entries(table)) termTables[locale].set(term, text);
}

/** Every key registered for a locale (for the completeness test). */
export function registeredKeys(locale: Locale): string[] {
  return [...catalogue[locale].keys()];
}

/** A key's text in one locale without falling back to English (a plural: its "other" form); undefined when missing. */
export function templateOf(locale: Locale, key: string): string | undefined {
  const template = catalogue[locale].get(key);
  return template === undefined || typeof template === "string" ? template : template.forms.other;
}

// ---------------------------------------------------------------------------------------- formatting

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const pluralRules = new Map<Locale, Intl.PluralRules>();

function numberFormat(locale: Locale, digits: number | null): Intl.NumberFormat {
  const id = `${locale}|${digits ?? ""}`;
  let format = numberFormats.get(id);
  if (!format) {
    const options: Intl.NumberFormatOptions =
      digits === null ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits };
    format = new Intl.NumberFormat(INTL_TAG[locale], options);
    numberFormats.set(id, format);
  }
  return format;
}

function dateFormat(locale: Locale, kind: "day" | "day-utc" | "moment"): Intl.DateTimeFormat {
  const id = `${locale}|${kind}`;
  let format = dateFormats.get(id);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      kind === "moment"
        ? { dateStyle: "medium", timeStyle: "short" }
        : { year: "numeric", month: "short", day: "numeric", ...(kind === "day-utc" ? { timeZone: "UTC" } : {}) };
    format = new Intl.DateTimeFormat(INTL_TAG[locale], options);
    dateFormats.set(id, format);
  }
  return format;
}

function pluralCategory(locale: Locale, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(INTL_TAG[locale]);
    pluralRules.set(locale, rules);
  }
  return rules.select(n);
}

/**
 * A fresh page's first Intl formatter of a locale loads the browser's locale data (tens of ms of main thread each):
 * the formatters the view uses, one per step, for a caller to run in idle moments (each step its own task, so an
 * answer arriving meanwhile waits for one step at most). Messages' whole numbers and one-decimal figures use 0 and
 * 1 decimals (formatExact), figures on screen the default and 3.
 */
export function formatterWarmUps(locale: Locale): (() => void)[] {
  return [
    ...[null, 0, 1, 2, 3].map((digits) => () => void numberFormat(locale, digits)),
    ...(["day", "day-utc", "moment"] as const).map((kind) => () => void dateFormat(locale, kind)),
    () => void pluralCategory(locale, 1),
  ];
}

/**
 * A number in the locale's writing. With `digits`, rounded to that many decimals; without, for a figure on
 * screen, at most 3 decimals (Intl's default).
 */
export function formatNumber(locale: Locale, value: number, digits?: number): string {
  return numberFormat(locale, digits ?? null).format(value);
}

const exactNumbers: Record<Locale, Map<number, string>> = { en: new Map(), ja: new Map() };

/** A number inside a message: exactly the value given (its shortest decimal form, as String(n)), grouped the locale's way. */
function formatExact(locale: Locale, value: number): string {
  const cache = exactNumbers[locale];
  let text = cache.get(value);
  if (text === undefined) {
    const plain = String(value);
    if (!Number.isFinite(value) || plain.includes("e")) text = plain;
    else {
      const decimals = plain.split(".")[1]?.length ?? 0;
      text = numberFormat(locale, Math.min(decimals, 20)).format(value);
    }
    // Messages quote few distinct numbers (counts, points, grades, days); the cache stays small, and is bounded.
    if (cache.size >= 4096) cache.clear();
    cache.set(value, text);
  }
  return text;
}
/**
 * A date in the locale's writing ("14 May 1952", "1952年5月14日"): a day (YYYY-MM-DD) as that calendar day, a
 * moment with a time in the browser's zone; the text as given when it cannot be read.
 */
export function formatDate(locale: Locale, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return dateFormat(locale, /^\d{4}-\d{2}-\d{2}$/.test(iso) ? "day-utc" : "day").format(d);
}

/** A moment with its time ("3 Dec 2026, 14:05"), in the browser's zone. */
function formatDateTime(locale: Locale, moment: Date): string {
  return Number.isNaN(moment.getTime()) ? "" : dateFormat(locale, "moment").format(moment);
}

// ------------------------------------------------------------------------------------------ rendering

const PLACEHOLDER = /\{(\w+)\}/g;

/** One rendering: its locale, whether English may stand in, and whether anything was missing. */
interface Run {
  locale: Locale;
  exact: boolean;
  missing: string[];
}

function lookup(run: Run, key: string): { template: Template; locale: Locale } | null {
  const own = catalogue[run.locale].get(key);
  if (own !== undefined) return { template: own, locale: run.locale };
  run.missing.push(key);
  if (run.exact) return null;
  const english = catalogue.en.get(key);
  return english === undefined ? null : { template: english, locale: "en" };
}

function pluralForm(locale: Locale, template: Plural, params: MessageParams | undefined): string {
  const n = params?.[template.count];
  if (typeof n !== "number") return template.forms.other;
  return template.forms[pluralCategory(locale, n)] ?? template.forms.other;
}

/** A template's text split at its placeholders: literal text at even places, placeholder names at odd ones. */
const compiled = new Map<string, readonly string[]>();

function partsOf(text: string): readonly string[] {
  let parts = compiled.get(text);
  if (parts === undefined) {
    parts = text.split(PLACEHOLDER);
    compiled.set(text, parts);
  }
  return parts;
}

function fill(run: Run, key: string, params: MessageParams | undefined): string {
  const found = lookup(run, key);
  if (found === null) return key;
  const { template, locale } = found;
  const text = typeof template === "string" ? template : pluralForm(locale, template, params);
  // Split once per template (a CDS card or a report renders the same few dozen templates over and over).
  const parts = partsOf(text);
  if (parts.length === 1) return text;
  let out = parts[0] ?? "";
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] ?? "";
    const param = params?.[name];
    if (param === undefined) {
      run.missing.push(`${key} {${name}}`);
      out += `{${name}}`;
    } else out += paramText(run, param, REFERENCE_PARAMS.has(name));
    out += parts[i + 1] ?? "";
  }
  return out;
}

/** The parameters that hold FHIR references ("Condition/123", or a list of them), in every template. */
const REFERENCE_PARAMS: ReadonlySet<string> = new Set(["ref", "refs"]);
const REFERENCE = /^([A-Z][A-Za-z]+)\/([^/\s]+)$/;

/**
 * A FHIR reference with its resource type in the locale's words (src/i18n/sections/fhir.ts): "Condition/abc" in
 * English, "病名・状態 abc" in Japanese. As written when it is not a relative reference or its type has no name in
 * the locale (never "missing": a message is not sent back to English for a reference).
 */
export function formatReference(locale: Locale, reference: string): string {
  const m = REFERENCE.exec(reference);
  const type = m ? catalogue[locale].get(`fhir.type.${m[1] ?? ""}`) : undefined;
  const template = catalogue[locale].get("fhir.ref");
  if (!m || typeof type !== "string" || typeof template !== "string") return reference;
  return template.replace("{type}", type).replace("{id}", m[2] ?? "");
}

function termText(locale: Locale, term: CoreTerm): string {
  return termTables[locale].get(term.term) ?? term.term;
}

/**
 * A catalogue key built from a code ("core." + "diag.conflict"), the same string each time: a lookup with a
 * freshly joined key would hash it anew on every message (a report or a card renders hundreds).
 */
const prefixedKeys = new Map<string, Map<string, string>>();

function prefixed(prefix: string, code: string): string {
  let keys = prefixedKeys.get(prefix);
  if (keys === undefined) prefixedKeys.set(prefix, (keys = new Map<string, string>()));
  let key = keys.get(code);
  if (key === undefined) {
    // Codes come from the program, a few hundred; the bound only guards against a caller passing data.
    if (keys.size >= 4096) keys.clear();
    key = prefix + code;
    keys.set(code, key);
  }
  return key;
}

/** A parameter's text; `reference`: its strings are FHIR references (REFERENCE_PARAMS). */
function paramText(run: Run, param: CoreParam, reference = false): string {
  if (typeof param === "string") return reference ? formatReference(run.locale, param) : param;
  if (typeof param === "number") return formatExact(run.locale, param);
  if ("code" in param) return fill(run, prefixed("core.", param.code), param.params);
  if ("term" in param) return termText(run.locale, param);
  const separator = fill(run, prefixed("core.join.", param.join), undefined);
  return param.items.map((item) => paramText(run, item, reference)).join(separator);
}

/**
 * A key's text in exactly this locale, or null when the key, a nested message's code, a list separator or a
 * parameter its template names is missing there (no English stands in). A term the locale's table lacks is
 * not missing: it reads in English inside the translated sentence.
 */
export function translateExactly(locale: Locale, key: string, params?: MessageParams): string | null {
  const run: Run = { locale, exact: true, missing: [] };
  const text = fill(run, key, params);
  return run.missing.length === 0 ? text : null;
}

/** A parameter (a core message, a list of them, a term) in exactly this locale, or null as translateExactly. */
function paramExactly(locale: Locale, param: CoreParam): string | null {
  const run: Run = { locale, exact: true, missing: [] };
  const text = paramText(run, param);
  return run.missing.length === 0 ? text : null;
}

/**
 * A core message, or a list of them, wholly in one language: in the locale, else in English when the locale lacks a
 * code, separator or parameter it needs; null when English lacks one too. Never half in one language.
 */
export function inOneLanguage(locale: Locale, param: CoreParam): string | null {
  return paramExactly(locale, param) ?? (locale === "en" ? null : paramExactly("en", param));
}

/** What a rendering lacked in its locale (keys, and `key {param}` for a parameter not given): for the tests. */
export function missingIn(locale: Locale, key: string, params?: MessageParams): string[] {
  const run: Run = { locale, exact: false, missing: [] };
  fill(run, key, params);
  return run.missing;
}

/** Plain functions, not methods: they use no `this`, so components destructure them (`const { t } = …`). */
export interface Translator {
  readonly locale: Locale;
  /** A key's text with its parameters filled in; English when the locale lacks the key. */
  readonly t: (key: MessageKey, params?: MessageParams) => string;
  /**
   * A message of the core or the data access ({ code, params }): the text of `core.<code>` wholly in the locale,
   * else wholly in English, else its code (inOneLanguage).
   */
  readonly message: (message: CoreMessage) => string;
  /** A figure on screen; `digits` fixes the decimals (the EQ-5D index is rounded by formatIndex instead). */
  readonly number: (value: number, digits?: number) => string;
  /** A date without its time ("14 May 1952"); the text as given when it cannot be read. */
  readonly date: (iso: string) => string;
  /** A moment with its time ("3 Dec 2026, 14:05"). */
  readonly dateTime: (moment: Date) => string;
}

const translators = new Map<Locale, Translator>();

/** The translator of a locale (one per locale; its functions may be destructured). */
export function createTranslator(locale: Locale): Translator {
  let translator = translators.get(locale);
  if (!translator) {
    const render = (key: string, params: MessageParams | undefined): string =>
      fill({ locale, exact: false, missing: [] }, key, params);
    translator = {
      locale,
      t: (key, params) => render(key, params),
      message: (message) => inOneLanguage(locale, message) ?? message.code,
      number: (value, digits) => formatNumber(locale, value, digits),
      date: (iso) => formatDate(locale, iso),
      dateTime: (moment) => formatDateTime(locale, moment),
    };
    translators.set(locale, translator);
  }
  return translator;
}

/**
 * The language: the first of the candidates that names one of the app's (a choice the clinician stored, then
 * the EHR's launch context, then the browser's languages: "ja*" → ja, "en*" → en), else English.
 */
export function pickLocale(candidates: readonly (string | null | undefined)[]): Locale {
  for (const candidate of candidates) {
    const language = (candidate ?? "").toLowerCase().split(/[-_]/)[0];
    const locale = LOCALES.find((l) => l === language);
    if (locale) return locale;
  }
  return "en";
}
