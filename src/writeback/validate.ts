/**
 * Answers checked against their Questionnaire before anything is sent: required items, one answer unless
 * the item repeats, the value type the item declares, answer options, minValue/maxValue, regex.
 * Issues are data (a code per linkId); the form turns them into words.
 */
import type * as R4 from "fhir/r4";
import { ITEM_TYPES } from "./schema";
import { allItems, isEnabled, maxValue, minValue, optionFor, pattern, type Answers } from "../questionnaires/items";

type AnswerIssueCode =
  | "required"
  | "too-many"
  | "wrong-type"
  | "not-an-option"
  | "below-min"
  | "above-max"
  | "pattern"
  | "invalid-date"
  | "unknown-item";

export interface AnswerIssue {
  linkId: string;
  code: AnswerIssueCode;
  /** The bound that was crossed (below-min / above-max). */
  limit?: number;
}

/** The item types a form answers: all but the structural ones and the two no form of the app asks for. */
const UNANSWERED_TYPES: ReadonlySet<string> = new Set(["group", "display", "attachment", "reference"]);
const ANSWERABLE: ReadonlySet<string> = new Set(ITEM_TYPES.filter((t) => !UNANSWERED_TYPES.has(t)));

export function isAnswerable(item: R4.QuestionnaireItem): boolean {
  return ANSWERABLE.has(item.type);
}

function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

function numericValue(a: R4.QuestionnaireResponseItemAnswer): number | undefined {
  return a.valueInteger ?? a.valueDecimal;
}

function checkAnswer(item: R4.QuestionnaireItem, a: R4.QuestionnaireResponseItemAnswer): AnswerIssue | null {
  const linkId = item.linkId;
  const keys = Object.keys(a).filter((k) => /^value[A-Z]/.test(k));
  const expected: Record<string, string> = {
    choice: "valueCoding",
    integer: "valueInteger",
    decimal: "valueDecimal",
    date: "valueDate",
    dateTime: "valueDateTime",
    string: "valueString",
    text: "valueString",
    boolean: "valueBoolean",
  };
  const want = expected[item.type];
  if (keys.length !== 1 || (want !== undefined && keys[0] !== want)) return { linkId, code: "wrong-type" };

  switch (item.type) {
    case "choice":
      return a.valueCoding && optionFor(item, a.valueCoding) ? null : { linkId, code: "not-an-option" };
    case "integer":
      if (!Number.isInteger(a.valueInteger)) return { linkId, code: "wrong-type" };
      break;
    case "decimal":
      if (typeof a.valueDecimal !== "number" || !Number.isFinite(a.valueDecimal)) return { linkId, code: "wrong-type" };
      break;
    case "date":
      if (!isRealDate(a.valueDate ?? "")) return { linkId, code: "invalid-date" };
      break;
    case "string":
    case "text":
      if (!a.valueString || a.valueString.trim() === "") return { linkId, code: "wrong-type" };
      break;
    default:
      break;
  }
  const n = numericValue(a);
  if (n !== undefined) {
    const min = minValue(item);
    const max = maxValue(item);
    if (min !== null && n < min) return { linkId, code: "below-min", limit: min };
    if (max !== null && n > max) return { linkId, code: "above-max", limit: max };
  }
  const re = pattern(item);
  const asText = n !== undefined ? String(n) : (a.valueString ?? a.valueDate ?? null);
  if (re && asText !== null && !re.test(asText)) return { linkId, code: "pattern" };
  return null;
}

/**
 * Every problem with `answers` for `q`, in Questionnaire order. Answers to disabled items are not checked
 * (they are not sent); read-only (calculated) items are checked for type and range but never required.
 */
export function validateAnswers(q: R4.Questionnaire, answers: Answers): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const items = allItems(q);
  const known = new Map(items.filter(isAnswerable).map((i) => [i.linkId, i]));
  for (const linkId of Object.keys(answers)) {
    if (!known.has(linkId) && (answers[linkId]?.length ?? 0) > 0) issues.push({ linkId, code: "unknown-item" });
  }
  for (const item of items) {
    if (!isAnswerable(item) || !isEnabled(q, item.linkId, answers)) continue;
    const given = answers[item.linkId] ?? [];
    if (given.length === 0) {
      if (item.required && !item.readOnly) issues.push({ linkId: item.linkId, code: "required" });
      continue;
    }
    if (given.length > 1 && !item.repeats) {
      issues.push({ linkId: item.linkId, code: "too-many" });
      continue;
    }
    for (const a of given) {
      const issue = checkAnswer(item, a);
      if (issue) {
        issues.push(issue);
        break;
      }
    }
  }
  return issues;
}

/** The answers a QuestionnaireResponse carries, by linkId (nested items flattened). */
export function responseAnswers(response: Pick<R4.QuestionnaireResponse, "item">): Answers {
  const out: Record<string, R4.QuestionnaireResponseItemAnswer[]> = {};
  const walk = (items: readonly R4.QuestionnaireResponseItem[] | undefined): void => {
    for (const it of items ?? []) {
      if (it.answer?.length) {
        out[it.linkId] = [...(out[it.linkId] ?? []), ...it.answer.map(({ item: _nested, ...value }) => value)];
        for (const a of it.answer) walk(a.item);
      }
      walk(it.item);
    }
  };
  walk(response.item);
  return out;
}

/** A built QuestionnaireResponse checked against its Questionnaire (the same rules as the form's answers). */
export function validateResponseAgainst(
  q: R4.Questionnaire,
  response: Pick<R4.QuestionnaireResponse, "item">,
): AnswerIssue[] {
  return validateAnswers(q, responseAnswers(response));
}
