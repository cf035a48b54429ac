/**
 * Sending drafts: each submitted draft is sent with its frozen resource; stored → the draft goes away,
 * anything else → it stays, with the reason. A draft already on its way is not sent a second time
 * concurrently (a double click, React's double effects, a reload racing a send).
 */
import type { Questionnaire } from "fhir/r4";
import type { Instrument } from "../questionnaires/contract";
import type { Draft, DraftStore } from "./drafts";
import { submitResponse, type SubmitOptions, type SubmitOutcome } from "./submit";
import type { FhirSend } from "./transport";

export interface OutboxDeps extends SubmitOptions {
  send: FhirSend;
  /** The Questionnaire of an instrument, as the app ships it (with the deployment's canonical base). */
  questionnaire: (instrument: Instrument) => Questionnaire;
}

const inFlight = new Map<string, Promise<SubmitOutcome>>();

/** Sends one submitted draft (draft.response must be set) and records the outcome in `store`. */
export function sendDraft(store: DraftStore, draft: Draft, deps: OutboxDeps): Promise<SubmitOutcome> {
  const running = inFlight.get(draft.id);
  if (running) return running;
  const task = (async (): Promise<SubmitOutcome> => {
    const response = draft.response;
    if (!response) return { kind: "invalid", issues: [], problems: ["the draft was not submitted"] };
    const outcome = await submitResponse(deps.send, deps.questionnaire(draft.instrument), response, deps);
    const current = store.get(draft.id) ?? draft;
    if (outcome.kind === "stored") {
      store.remove(draft.id);
    } else if (outcome.kind === "invalid") {
      // Back to editing: the form shows what is wrong; nothing was sent.
      store.put({ ...current, response: null, lastFailure: "invalid", failureMessage: null });
    } else {
      store.put({
        ...current,
        lastFailure: outcome.kind,
        failureMessage: outcome.kind === "rejected" ? (outcome.message ?? `HTTP ${outcome.status}`) : null,
      });
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
