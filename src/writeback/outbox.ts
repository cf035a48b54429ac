/**
 * Sending drafts: each submitted draft is sent with its frozen resource; stored → the draft goes away (its
 * content is remembered as stored for the session), anything else → it stays, with the reason. A draft already
 * on its way is not sent a second time concurrently (a double click, React's double effects, a reload racing a
 * send). Nothing is sent without a write scope, nor a draft of another patient or FHIR server.
 */
import type { Questionnaire } from "fhir/r4";
import type { Instrument } from "../questionnaires/contract";
import { fingerprint, type Draft, type DraftStore } from "./drafts";
import { submitResponse, type SubmitOptions, type SubmitOutcome } from "./submit";
import type { FhirSend } from "./transport";

export interface OutboxDeps extends SubmitOptions {
  send: FhirSend;
  /** The Questionnaire of an instrument, as the app ships it. */
  questionnaire: (instrument: Instrument) => Questionnaire;
  /** The launch granted a scope to create QuestionnaireResponses (LaunchContext.canWrite). */
  canWrite: boolean;
}

const inFlight = new Map<string, Promise<SubmitOutcome>>();

function failureMessage(outcome: SubmitOutcome): string | null {
  if (outcome.kind === "rejected") return outcome.message ?? `HTTP ${outcome.status}`;
  if (outcome.kind === "questionnaire-missing") return outcome.message;
  return null;
}

/** Sends one submitted draft (draft.response must be set) and records the outcome in `store`. */
export function sendDraft(store: DraftStore, draft: Draft, deps: OutboxDeps): Promise<SubmitOutcome> {
  const running = inFlight.get(draft.id);
  if (running) return running;
  const task = (async (): Promise<SubmitOutcome> => {
    const response = draft.response;
    if (!response) return { kind: "invalid", issues: [], problems: ["the draft was not submitted"] };
    const before = store.get(draft.id) ?? draft;
    const keep = (outcome: SubmitOutcome): SubmitOutcome => {
      store.put({
        ...(store.get(draft.id) ?? before),
        lastFailure: outcome.kind === "stored" || outcome.kind === "invalid" ? null : outcome.kind,
        failureMessage: null,
      });
      return outcome;
    };
    if (!deps.canWrite) return keep({ kind: "not-permitted" });
    if (!store.belongsHere(before)) return keep({ kind: "wrong-context" });

    // From here on the POST may reach the server: a later send looks the identifier up first.
    store.put({ ...before, attempted: true });
    const outcome = await submitResponse(deps.send, deps.questionnaire(draft.instrument), response, {
      mayReadQuestionnaire: deps.mayReadQuestionnaire,
      mayCreateQuestionnaire: deps.mayCreateQuestionnaire,
      mayBeStored: before.attempted === true || deps.mayBeStored === true,
    });
    const current = store.get(draft.id) ?? before;
    if (outcome.kind === "stored") {
      store.rememberStored(fingerprint(current.instrument, current.selfReport, current.answers), current.id);
      store.remove(draft.id);
    } else if (outcome.kind === "invalid") {
      // Back to editing: the form shows what is wrong; nothing was sent.
      store.put({ ...current, response: null, attempted: false, lastFailure: "invalid", failureMessage: null });
    } else {
      store.put({ ...current, attempted: true, lastFailure: outcome.kind, failureMessage: failureMessage(outcome) });
    }
    return outcome;
  })();
  inFlight.set(draft.id, task);
  const clear = (): void => {
    inFlight.delete(draft.id);
  };
  task.then(clear, clear);
  return task;
}

/** Sends every submitted draft of `store`, one after the other (a burst would only meet 429s). */
export async function sendPending(store: DraftStore, deps: OutboxDeps): Promise<Map<string, SubmitOutcome>> {
  const results = new Map<string, SubmitOutcome>();
  for (const draft of store.list()) {
    if (!draft.response) continue;
    results.set(draft.id, await sendDraft(store, draft, deps));
  }
  return results;
}
