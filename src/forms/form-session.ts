/**
 * One form session: a draft (its identifier made once, when the form opens), answers kept with their
 * calculations, checked on submit, frozen into the QuestionnaireResponse and sent through the outbox.
 * Plain functions; the React hook (useFormSession) only holds their state.
 */
import type { Questionnaire, QuestionnaireResponse, QuestionnaireResponseItemAnswer } from "fhir/r4";
import type { MessageKey, MessageParams } from "../i18n";
import type { Instrument } from "../questionnaires/contract";
import { buildQuestionnaireResponse } from "../writeback/build";
import { fingerprint, type Draft, type DraftStore } from "../writeback/drafts";
import { sendDraft, type OutboxDeps } from "../writeback/outbox";
import type { Answers } from "../questionnaires/items";
import type { SubmitOutcome } from "../writeback/submit";
import { validateAnswers, type AnswerIssue } from "../writeback/validate";
import { applyCalculations, type CalculationOptions } from "./calculate";

/** Who and where: from the launch context. */
export interface WriteContext {
  /** The FHIR base of the launch (LaunchContext.serverUrl): drafts are bound to it. */
  serverUrl: string;
  patientId: string;
  encounterId: string | null;
  /** fhirUser ("Practitioner/123" or its URL), for author; null when the launch named no user. */
  fhirUser: string | null;
}

export interface SessionClock {
  now: () => Date;
  /** A new UUID (crypto.randomUUID in the browser). */
  newId: () => string;
}

export const browserClock: SessionClock = {
  now: () => new Date(),
  newId: () => crypto.randomUUID(),
};

/** ISO 8601 with the local offset, as FHIR wants for `authored` (never a bare local time). */
function isoWithOffset(d: Date): string {
  const pad = (n: number): string => String(Math.abs(n)).padStart(2, "0");
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

export function newDraft(
  instrument: Instrument,
  selfReport: boolean,
  clock: SessionClock,
  answers: Answers = {},
): Draft {
  return {
    id: clock.newId(),
    instrument,
    selfReport,
    answers,
    updatedAt: clock.now().toISOString(),
    response: null,
    lastFailure: null,
  };
}

/** The draft with one item's answers replaced and every calculated item recomputed. */
export function withAnswer(
  draft: Draft,
  q: Questionnaire,
  linkId: string,
  value: readonly QuestionnaireResponseItemAnswer[],
  calc: CalculationOptions,
  clock: SessionClock,
): Draft {
  const answers: Record<string, readonly QuestionnaireResponseItemAnswer[]> = {
    ...draft.answers,
    [linkId]: [...value],
  };
  if (value.length === 0) delete answers[linkId];
  return {
    ...draft,
    answers: applyCalculations(q, answers, calc),
    updatedAt: clock.now().toISOString(),
    // Editing a draft that was refused or invalid makes it a draft being filled in again.
    response: null,
    lastFailure: null,
    failureMessage: null,
  };
}

/** The issues of a draft's answers (with its calculations) plus typed text that is not a value yet, in Questionnaire order. */
export function checkDraft(
  q: Questionnaire,
  answers: Answers,
  inputProblems: ReadonlyMap<string, "integer" | "decimal">,
  calc: CalculationOptions,
): AnswerIssue[] {
  const issues = validateAnswers(q, applyCalculations(q, answers, calc));
  for (const [linkId] of inputProblems) {
    if (!issues.some((i) => i.linkId === linkId)) issues.push({ linkId, code: "wrong-type" });
  }
  return inQuestionnaireOrder(q, issues);
}

export type SubmitAttempt =
  | { kind: "invalid"; issues: AnswerIssue[] }
  | { kind: "sent"; outcome: SubmitOutcome; response: QuestionnaireResponse };

/** Another submitted draft of this store with the same content (instrument, self-report, answers), if any. */
function pendingTwin(store: DraftStore, draft: Draft, answers: Draft["answers"]): Draft | undefined {
  const print = fingerprint(draft.instrument, draft.selfReport, answers);
  return store
    .list()
    .find(
      (d) =>
        d.id !== draft.id &&
        d.response !== null &&
        d.instrument === draft.instrument &&
        fingerprint(d.instrument, d.selfReport, d.answers) === print,
    );
}

/**
 * Checks the answers (plus the typed text that is not a value yet) and, when they pass, freezes the
 * response into the draft and sends it. Nothing is sent when anything is wrong.
 *
 * Exactly once per content in the session: when another submitted draft has the same content, that draft is
 * sent again (same identifier) and this one dropped; when the same content was stored earlier in the session,
 * its identifier is reused, so the server's copy is found instead of a second one made.
 */
export async function submitDraft(args: {
  draft: Draft;
  questionnaire: Questionnaire;
  inputProblems: ReadonlyMap<string, "integer" | "decimal">;
  store: DraftStore;
  outbox: OutboxDeps;
  context: WriteContext;
  calc: CalculationOptions;
  clock: SessionClock;
}): Promise<SubmitAttempt> {
  const { draft, questionnaire: q, store, context } = args;
  const issues = checkDraft(q, draft.answers, args.inputProblems, args.calc);
  if (issues.length > 0) return { kind: "invalid", issues };
  const answers = applyCalculations(q, draft.answers, args.calc);

  const twin = pendingTwin(store, draft, answers);
  if (twin?.response) {
    store.remove(draft.id);
    const outcome = await sendDraft(store, twin, args.outbox);
    if (outcome.kind === "invalid") return { kind: "invalid", issues: outcome.issues };
    return { kind: "sent", outcome, response: twin.response };
  }
  const storedAs = store.storedIdentifier(fingerprint(draft.instrument, draft.selfReport, answers));
  const id = storedAs ?? draft.id;
  if (id !== draft.id) store.remove(draft.id);

  const response = buildQuestionnaireResponse(q, answers, {
    identifier: id,
    patientId: context.patientId,
    encounterId: context.encounterId,
    fhirUser: context.fhirUser,
    selfReport: draft.selfReport,
    authored: isoWithOffset(args.clock.now()),
  });
  const frozen: Draft = {
    ...draft,
    id,
    answers,
    response,
    lastFailure: null,
    failureMessage: null,
    ...(storedAs ? { attempted: true } : {}),
  };
  store.put(frozen);
  const outcome = await sendDraft(store, frozen, args.outbox);
  if (outcome.kind === "invalid") return { kind: "invalid", issues: outcome.issues };
  return { kind: "sent", outcome, response };
}

function inQuestionnaireOrder(q: Questionnaire, issues: AnswerIssue[]): AnswerIssue[] {
  const order: string[] = [];
  const walk = (items: Questionnaire["item"]): void => {
    for (const it of items ?? []) {
      order.push(it.linkId);
      walk(it.item);
    }
  };
  walk(q.item);
  const rank = (id: string): number => (order.indexOf(id) < 0 ? order.length : order.indexOf(id));
  return [...issues].sort((a, b) => rank(a.linkId) - rank(b.linkId));
}

/** Server text as a sentence of ours: ends with a full stop. */
export function asSentence(text: string): string {
  return /[.!?。]$/.test(text) ? text : `${text}.`;
}

/** The words for a send's outcome. */
export function outcomeMessage(outcome: SubmitOutcome): [MessageKey, MessageParams?] {
  switch (outcome.kind) {
    case "stored":
      return [outcome.created ? "forms.status.stored" : "forms.status.storedExisting"];
    case "invalid":
      return ["forms.status.invalid"];
    case "questionnaire-missing":
      return ["forms.status.questionnaireMissing"];
    case "forbidden":
      return ["forms.status.forbidden"];
    case "not-permitted":
      return ["forms.status.noWrite"];
    case "wrong-context":
      return ["forms.status.wrongContext"];
    case "rejected":
      return outcome.message
        ? ["forms.status.rejected", { message: asSentence(outcome.message) }]
        : ["forms.status.rejectedNoMessage", { status: outcome.status }];
    case "session-ended":
      return ["forms.status.sessionEnded"];
    case "unsent":
      return ["forms.status.unsent"];
  }
}
