/**
 * The QuestionnaireResponse the app writes: one per form session, identified by a UUID made once per
 * session (the key of the conditional create), with a generated plain-text narrative.
 */
import type * as R4 from "fhir/r4";
import { APP_SOURCE, RESPONSE_IDENTIFIER_SYSTEM } from "../questionnaires/contract";
import { isEnabled, versionedCanonical, type Answers } from "../questionnaires/items";
import { isAnswerable } from "./validate";

export interface ResponseContext {
  /** The form session's identifier value (a UUID), made once when the form opens. */
  identifier: string;
  patientId: string;
  encounterId?: string | null;
  /** The signed-in user (fhirUser: "Practitioner/123" or its absolute URL). */
  fhirUser?: string | null;
  /** Patient self-report: the Patient answered (source); the user only recorded (author). */
  selfReport: boolean;
  /** When the answers were completed (ISO 8601 with time zone). */
  authored: string;
}

/** "https://ehr/fhir/Practitioner/123" or "Practitioner/123" → "Practitioner/123"; null when unreadable. */
export function relativeReference(ref: string | null | undefined): string | null {
  if (!ref) return null;
  const m = /([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?\/?$/.exec(ref.trim());
  return m ? `${m[1]}/${m[2]}` : null;
}

const XHTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeXhtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XHTML_ESCAPES[c] ?? c);
}

/** An answer in words, for the narrative (the display of a coding, a number, a date). */
function answerText(a: R4.QuestionnaireResponseItemAnswer): string {
  if (a.valueCoding) return a.valueCoding.display ?? a.valueCoding.code ?? "";
  const v = a.valueInteger ?? a.valueDecimal ?? a.valueDate ?? a.valueDateTime ?? a.valueString ?? a.valueBoolean;
  return v === undefined ? "" : String(v);
}

function cleanAnswer(a: R4.QuestionnaireResponseItemAnswer): R4.QuestionnaireResponseItemAnswer {
  if (a.valueCoding) {
    const { system, code, display } = a.valueCoding;
    return {
      valueCoding: { ...(system ? { system } : {}), ...(code ? { code } : {}), ...(display ? { display } : {}) },
    };
  }
  const out: R4.QuestionnaireResponseItemAnswer = {};
  for (const [k, v] of Object.entries(a)) {
    if (/^value[A-Z]/.test(k)) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

function responseItems(
  q: R4.Questionnaire,
  items: readonly R4.QuestionnaireItem[] | undefined,
  answers: Answers,
): R4.QuestionnaireResponseItem[] {
  const out: R4.QuestionnaireResponseItem[] = [];
  for (const item of items ?? []) {
    if (!isEnabled(q, item.linkId, answers)) continue;
    if (item.type === "group") {
      const children = responseItems(q, item.item, answers);
      if (children.length) out.push({ linkId: item.linkId, ...(item.text ? { text: item.text } : {}), item: children });
      continue;
    }
    if (!isAnswerable(item)) continue;
    const given = answers[item.linkId] ?? [];
    if (given.length === 0) continue;
    out.push({ linkId: item.linkId, ...(item.text ? { text: item.text } : {}), answer: given.map(cleanAnswer) });
  }
  return out;
}

function narrative(q: R4.Questionnaire, items: readonly R4.QuestionnaireResponseItem[], authored: string): string {
  const rows: string[] = [];
  const walk = (list: readonly R4.QuestionnaireResponseItem[]): void => {
    for (const it of list) {
      if (it.answer?.length) {
        rows.push(
          `<li>${escapeXhtml(it.text ?? it.linkId)}: ${escapeXhtml(it.answer.map(answerText).join(", "))}</li>`,
        );
      }
      if (it.item) walk(it.item);
    }
  };
  walk(items);
  const title = `${q.title ?? q.name ?? "Questionnaire"}${q.version ? ` (version ${q.version})` : ""}`;
  return (
    `<div xmlns="http://www.w3.org/1999/xhtml"><p>${escapeXhtml(title)}, ${escapeXhtml(authored)}</p>` +
    (rows.length ? `<ul>${rows.join("")}</ul>` : "") +
    `</div>`
  );
}

/**
 * The QuestionnaireResponse for `answers` (status completed). Answers to disabled items are dropped;
 * items follow the Questionnaire's order and carry its (primary language) text.
 */
export function buildQuestionnaireResponse(
  q: R4.Questionnaire,
  answers: Answers,
  ctx: ResponseContext,
): R4.QuestionnaireResponse {
  const items = responseItems(q, q.item, answers);
  const author = relativeReference(ctx.fhirUser);
  const response: R4.QuestionnaireResponse = {
    resourceType: "QuestionnaireResponse",
    meta: { source: APP_SOURCE },
    text: { status: "generated", div: narrative(q, items, ctx.authored) },
    identifier: { system: RESPONSE_IDENTIFIER_SYSTEM, value: ctx.identifier },
    questionnaire: versionedCanonical(q),
    status: "completed",
    subject: { reference: `Patient/${ctx.patientId}` },
    ...(ctx.encounterId ? { encounter: { reference: `Encounter/${ctx.encounterId}` } } : {}),
    authored: ctx.authored,
    ...(author ? { author: { reference: author } } : {}),
    ...(ctx.selfReport ? { source: { reference: `Patient/${ctx.patientId}` } } : {}),
  };
  if (items.length) response.item = items;
  return response;
}
