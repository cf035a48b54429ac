/**
 * "Save assessment": the SINS and revised Tokuhashi items of the current ScoreReport (with the clinician's
 * entries) written as the app's sins and tokuhashi QuestionnaireResponses, at the timepoint and date the
 * clinician chose. Only what the clinician entered or confirmed is written (an entry, or an item whose value is
 * confirmed: the app's own earlier answer); a value taken from the record that nobody confirmed is not written as
 * if the surgeon had confirmed it, nor is a range or a suggestion (issue 12 item 9). Totals follow from the core.
 * Every response goes through a draft first, so an unsent one is offered again in the forms panel.
 */
import type { Coding, Questionnaire, QuestionnaireResponseItemAnswer } from "fhir/r4";
import type { MessageKey, MessageParams } from "../i18n";
import type { AssessmentTiming, ClinicianEntries, ReportItem, ScoreReport } from "../report/types";
import { COMMON_LINKS, LINKS, TIMEPOINT_CODES } from "../questionnaires/contract";
import { DEFAULT_VALUE_SET, SINS_ITEMS, SINS_LEVELS, SPINAL_LEVELS, TOKUHASHI_ITEMS } from "../scores";
import { applyCalculations } from "./calculate";
import {
  browserSessionStorage,
  DraftStore,
  fingerprint,
  isPending,
  type Draft,
  type DraftStorage,
} from "../writeback/drafts";
import { sendDraft, type OutboxDeps } from "../writeback/outbox";
import type { Answers } from "../questionnaires/items";
import { SINS_ANSWERS, TOKUHASHI_ANSWERS, type ItemAnswer } from "../questionnaires/score-answers";
import { appQuestionnaire } from "../writeback/questionnaires";
import type { SubmitOutcome } from "../writeback/submit";
import type { FhirSend } from "../writeback/transport";
import {
  browserClock,
  newDraft,
  outcomeMessage,
  submitDraft,
  type SessionClock,
  type WriteContext,
} from "./form-session";

export interface AssessmentOptions {
  /** When the assessment applies; default "preop" (SINS and Tokuhashi are scored to decide on surgery). */
  timepoint?: keyof typeof TIMEPOINT_CODES;
  /** Required with timepoint "other" (YYYY-MM-DD). */
  date?: string;
}

type AssessmentPart = SubmitOutcome | { kind: "nothing-to-save" };

export interface AssessmentResult {
  sins: AssessmentPart;
  tokuhashi: AssessmentPart;
}

function coding(q: Questionnaire, linkId: string, code: string): QuestionnaireResponseItemAnswer[] {
  const item = q.item?.find((i) => i.linkId === linkId);
  const c: Coding | undefined = item?.answerOption?.find((o) => o.valueCoding?.code === code)?.valueCoding;
  return c ? [{ valueCoding: { system: c.system, code: c.code, display: c.display } }] : [];
}

/** Sets the item's linkId in `target` to the option coding `${concept}.${value}` of `q`, when the value is known. */
function answerer(q: Questionnaire, target: Record<string, QuestionnaireResponseItemAnswer[]>) {
  return ({ linkId, concept }: ItemAnswer, value: string | null): void => {
    if (value !== null) target[linkId] = coding(q, linkId, `${concept}.${value}`);
  };
}

/** The one value of an item the clinician entered or confirmed: the entry, else a confirmed value; else nothing. */
function known<V extends string>(item: ReportItem<V>, entry: V | undefined): V | null {
  if (entry !== undefined && entry !== null) return entry;
  return item.confirmed && item.source !== "missing" && item.source !== "record" && item.value !== null
    ? item.value
    : null;
}

function timepointAnswers(q: Questionnaire, o: AssessmentOptions): Answers {
  const tp = o.timepoint ?? "preop";
  return {
    [COMMON_LINKS.timepoint]: coding(q, COMMON_LINKS.timepoint, TIMEPOINT_CODES[tp]),
    // The Questionnaires (1.0.0) take their own date only with "other"; pre-op and 1 month are dated by `authored`.
    ...(o.date && tp === "other" ? { [COMMON_LINKS.timepointDate]: [{ valueDate: o.date }] } : {}),
  };
}

/**
 * The levels of the scored lesion: what an earlier form of the app (confirmed) says it spans, plus the scored
 * level. Levels read from the record alone are not written (nobody confirmed them).
 */
function lesionLevels(item: ScoreReport["sins"]["items"]["location"], scored: string | null): string[] {
  const recorded =
    item.overridden && item.overridden.source === "questionnaire"
      ? item.overridden.candidates
      : item.source === "questionnaire" && item.confirmed
        ? item.candidates
        : [];
  // The whole domain means "unknown", not "every level".
  const levels = new Set<string>(recorded.length === SINS_LEVELS.length ? [] : recorded);
  if (scored) levels.add(scored);
  return SPINAL_LEVELS.filter((l) => levels.has(l));
}

/**
 * The answers of the sins and tokuhashi forms for this report. sins is null when no level of the lesion is
 * known (a SINS is per lesion); either is null when nothing of it is known.
 */
export function assessmentAnswers(
  report: ScoreReport,
  entries: ClinicianEntries,
  options: AssessmentOptions = {},
): { sins: Answers | null; tokuhashi: Answers | null } {
  const sq = appQuestionnaire("sins");
  const tq = appQuestionnaire("tokuhashi");
  const S = LINKS.sins;
  const si = report.sins.items;
  const se = entries.sins ?? {};
  const ti = report.tokuhashi.items;
  const te = entries.tokuhashi ?? {};

  const scored = known(si.location, se.location);
  const levels = lesionLevels(si.location, scored);
  const sins: Record<string, QuestionnaireResponseItemAnswer[]> = {};
  if (levels.length > 0) {
    sins[S.lesionLevels] = levels.flatMap((l) => coding(sq, S.lesionLevels, `level.${l}`));
    // Location is written as the scored level (SINS_ANSWERS.location), after the levels the lesion spans.
    const add = answerer(sq, sins);
    for (const item of SINS_ITEMS) add(SINS_ANSWERS[item], known(si[item], se[item]));
  }

  const tokuhashi: Record<string, QuestionnaireResponseItemAnswer[]> = {};
  const addT = answerer(tq, tokuhashi);
  for (const item of TOKUHASHI_ITEMS) addT(TOKUHASHI_ANSWERS[item], known(ti[item], te[item]));

  return {
    sins: Object.keys(sins).length > 0 ? { ...timepointAnswers(sq, options), ...sins } : null,
    tokuhashi: Object.keys(tokuhashi).length > 0 ? { ...timepointAnswers(tq, options), ...tokuhashi } : null,
  };
}

export interface AssessmentDeps extends AssessmentOptions {
  send: FhirSend;
  context: WriteContext;
  /** The launch allows reading Questionnaires (LaunchContext.canReadQuestionnaire). */
  mayReadQuestionnaire: boolean;
  /** The launch allows creating Questionnaires (LaunchContext.canWriteQuestionnaire). */
  mayCreateQuestionnaire: boolean;
  /** The launch granted a write scope (LaunchContext.canWrite); without it nothing is sent. */
  canWrite: boolean;
  valueSetId?: string;
  storage?: DraftStorage | null;
  clock?: SessionClock;
}

/**
 * Writes the sins and tokuhashi responses of this report (each a conditional create, via a draft). A click after a
 * failure sends the waiting drafts again (same identifiers) instead of making new ones: the draft of a part is the
 * clinician's (not self-report) draft of the same instrument with the same content (timepoint included), whether
 * submitted or still being edited in the forms panel; content already stored in this session is not stored again.
 */
export async function saveAssessment(
  report: ScoreReport,
  entries: ClinicianEntries,
  deps: AssessmentDeps,
): Promise<AssessmentResult> {
  const answers = assessmentAnswers(report, entries, deps);
  const clock = deps.clock ?? browserClock;
  const store = new DraftStore(
    { serverUrl: deps.context.serverUrl, patientId: deps.context.patientId, userId: deps.context.fhirUser },
    deps.storage === undefined ? browserSessionStorage() : deps.storage,
  );
  const outbox: OutboxDeps = {
    send: deps.send,
    questionnaire: appQuestionnaire,
    mayReadQuestionnaire: deps.mayReadQuestionnaire,
    mayCreateQuestionnaire: deps.mayCreateQuestionnaire,
    canWrite: deps.canWrite,
  };
  const calc = { valueSetId: deps.valueSetId ?? DEFAULT_VALUE_SET };

  const save = async (instrument: "sins" | "tokuhashi", a: Answers | null): Promise<AssessmentPart> => {
    if (!a) return { kind: "nothing-to-save" };
    const q = outbox.questionnaire(instrument);
    const print = fingerprint(instrument, false, applyCalculations(q, a, calc));
    const same = (d: Draft): boolean =>
      d.instrument === instrument &&
      !d.selfReport &&
      fingerprint(instrument, false, applyCalculations(q, d.answers, calc)) === print;
    const existing = store.list().filter(same);
    const waiting = existing.find(isPending);
    // The same assessment already submitted: its frozen response goes again, with its identifier.
    if (waiting) return sendDraft(store, waiting, outbox);
    const draft = existing[0] ?? newDraft(instrument, false, clock, a);
    store.put(draft);
    const attempt = await submitDraft({
      draft,
      questionnaire: q,
      inputProblems: new Map(),
      store,
      outbox,
      context: deps.context,
      calc,
      clock,
    });
    return attempt.kind === "invalid" ? { kind: "invalid", issues: attempt.issues, problems: [] } : attempt.outcome;
  };

  const sins = await save("sins", answers.sins);
  const tokuhashi = await save("tokuhashi", answers.tokuhashi);
  return { sins, tokuhashi };
}

/** The part whose outcome the clinician most needs to hear about (a refusal before a transient failure). */
function worstPart(result: AssessmentResult): AssessmentPart {
  const rank: Record<AssessmentPart["kind"], number> = {
    "not-permitted": 0,
    "wrong-context": 1,
    "session-ended": 2,
    "questionnaire-missing": 3,
    forbidden: 4,
    rejected: 5,
    invalid: 6,
    unsent: 7,
    "nothing-to-save": 8,
    stored: 9,
  };
  return rank[result.sins.kind] <= rank[result.tokuhashi.kind] ? result.sins : result.tokuhashi;
}

/** Thrown by the saver when a part was not stored; its draft stays for the forms panel. No PHI in the message. */
export class AssessmentNotSavedError extends Error {
  /** The words for the clinician (a message key of the catalogue): why, and what to do. */
  readonly reason: [MessageKey, MessageParams?];
  constructor(readonly result: AssessmentResult) {
    super(
      `Assessment not saved: SINS ${result.sins.kind}, revised Tokuhashi ${result.tokuhashi.kind}. Unsent parts are kept as drafts in this tab.`,
    );
    this.name = "AssessmentNotSavedError";
    const worst = worstPart(result);
    // A transient failure (or nothing to save) keeps the general "try again"; any other reason is said as it is.
    this.reason =
      result.sins.kind === "nothing-to-save" && result.tokuhashi.kind === "nothing-to-save"
        ? ["app.save.nothing"]
        : worst.kind === "unsent" || worst.kind === "nothing-to-save" || worst.kind === "stored"
          ? ["app.save.failed"]
          : outcomeMessage(worst);
  }
}

/** The UI's `save(report, entries, when)`: resolves when every part with something to save is stored. */
export function makeAssessmentSaver(
  deps: AssessmentDeps,
): (report: ScoreReport, entries: ClinicianEntries, when?: AssessmentTiming) => Promise<void> {
  return async (report, entries, when) => {
    const timing: AssessmentOptions = when
      ? { timepoint: when.timepoint, ...(when.date ? { date: when.date } : {}) }
      : {};
    if (timing.timepoint === "other" && !timing.date)
      throw new Error("An assessment at timepoint 'other' needs its date.");
    // SINS answers are per lesion: entered SINS items without a confirmed scored level would be lost silently.
    const se = entries.sins ?? {};
    const sinsEntered = Object.entries(se).some(([k, v]) => k !== "location" && v !== undefined && v !== null);
    if (sinsEntered && known(report.sins.items.location, se.location) === null) {
      throw Object.assign(new Error("Assessment not saved: SINS items entered without a confirmed scored level."), {
        reason: ["app.save.sins-level"] as [MessageKey],
      });
    }
    const result = await saveAssessment(report, entries, { ...deps, ...timing });
    const ok = (p: AssessmentPart): boolean => p.kind === "stored" || p.kind === "nothing-to-save";
    if (
      !ok(result.sins) ||
      !ok(result.tokuhashi) ||
      (result.sins.kind === "nothing-to-save" && result.tokuhashi.kind === "nothing-to-save")
    ) {
      throw new AssessmentNotSavedError(result);
    }
  };
}
