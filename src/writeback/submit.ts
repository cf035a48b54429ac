/**
 * src/writeback: the write path of QuestionnaireResponses (build, validate, drafts, outbox, conditional create).
 * No React; its HTTP goes only through src/fhir's fhirRequest (./transport.ts).
 *
 * Sending one QuestionnaireResponse exactly once: checked first (against its Questionnaire and as a FHIR shape;
 * an invalid one is never sent), then the Questionnaire's presence (which never blocks the send), then a
 * conditional create keyed by the response's identifier.
 *
 * If-None-Exist alone is not trusted: a server may not support it (its CapabilityStatement says so) and a
 * gateway may drop it. So the identifier is searched before a POST whenever the server does not announce
 * `conditionalCreate`, whenever an earlier send may have been stored (`mayBeStored`), and before every resend
 * after a failure whose outcome is unknown (timeout, network, 5xx, 429). The POST itself is sent once per
 * attempt: this loop, not the transport, resends it. A 412 (several resources match) is confirmed by the same
 * search before the response counts as stored.
 */
import type { OperationOutcome, Questionnaire, QuestionnaireResponse } from "fhir/r4";
import { isFhirFaultError, type FhirFault } from "../fhir/faults";
import { conditionalCreateSupported, findByIdentifier } from "./lookup";
import { operationOutcomeText } from "./operation-outcome";
import { ensureQuestionnaire, type QuestionnairePresence } from "./presence";
import { checkResponseShape } from "./schema";
import { policyOf, type FhirSend } from "./transport";
import { validateResponseAgainst, type AnswerIssue } from "./validate";

export type SubmitOutcome =
  /** On the server: created now, or found there (an earlier attempt had stored it). */
  | { kind: "stored"; id: string | null; created: boolean }
  /** Not sent: the answers or the resource do not pass the checks. */
  | { kind: "invalid"; issues: AnswerIssue[]; problems: string[] }
  /**
   * The server refused the response because it does not have the app's Questionnaire (the installer has to load
   * it; sending again will not help until then). `message` is its OperationOutcome in words.
   */
  | { kind: "questionnaire-missing"; status: number; message: string | null }
  /** The server refused the response with 403 (no permission to write it). */
  | { kind: "forbidden" }
  /** Not sent: the launch did not grant a scope to write QuestionnaireResponses. */
  | { kind: "not-permitted" }
  /** Not sent: the draft was made for another patient or another FHIR server than this launch's. */
  | { kind: "wrong-context" }
  /** The server refused the response (4xx); `message` is its OperationOutcome in words. */
  | { kind: "rejected"; status: number; message: string | null }
  /** The EHR session is over: relaunch, the draft is kept. */
  | { kind: "session-ended" }
  /** Not stored for now (network, timeout, 429, 5xx after retries): keep the draft and send again later. */
  | { kind: "unsent"; fault: FhirFault };

export interface SubmitOptions {
  /** The granted scopes allow reading Questionnaires: only then is the app's Questionnaire searched for. */
  mayReadQuestionnaire: boolean;
  /** The granted scopes allow creating a Questionnaire (the server still has the last word). */
  mayCreateQuestionnaire: boolean;
  /** An earlier send of this response may have reached the server: look its identifier up before sending. */
  mayBeStored?: boolean;
}

/** `identifier=<system>|<value>` for If-None-Exist, encoded as a search parameter. */
function ifNoneExistIdentifier(response: Pick<QuestionnaireResponse, "identifier">): string {
  const id = response.identifier;
  return new URLSearchParams({ identifier: `${id?.system ?? ""}|${id?.value ?? ""}` }).toString();
}

function idFrom(body: QuestionnaireResponse | null, location: string | null): string | null {
  if (body?.id) return body.id;
  const m = location ? /QuestionnaireResponse\/([A-Za-z0-9\-.]{1,64})/.exec(location) : null;
  return m?.[1] ?? null;
}

/** Failures after which the server may or may not have stored the POST. */
function outcomeUnknown(fault: FhirFault): boolean {
  return (
    fault.kind === "timeout" ||
    fault.kind === "network" ||
    fault.kind === "unavailable" ||
    fault.kind === "server-error" ||
    fault.kind === "rate-limited"
  );
}

/**
 * Whether a refusal is about the Questionnaire: its issues name the Questionnaire's canonical, the
 * `QuestionnaireResponse.questionnaire` element, or "questionnaire" on its own (not "questionnaire response").
 */
function blamesQuestionnaire(outcome: OperationOutcome | null, canonicalUrl: string): boolean {
  const url = canonicalUrl.replace(/\|.*$/, "");
  for (const issue of outcome?.issue ?? []) {
    const texts = [
      issue.details?.text,
      issue.diagnostics,
      ...(issue.details?.coding ?? []).map((c) => c.display),
      ...(issue.expression ?? []),
      ...(issue.location ?? []),
    ];
    for (const text of texts) {
      if (!text) continue;
      if (url && text.includes(url)) return true;
      if (/QuestionnaireResponse\.questionnaire\b/.test(text)) return true;
      if (/\bquestionnaire\b(?![\s_-]*response)/i.test(text)) return true;
    }
  }
  return false;
}

function outcomeOfFault(
  fault: FhirFault,
  context: { presence: QuestionnairePresence | null; questionnaire: Questionnaire },
): SubmitOutcome {
  switch (fault.kind) {
    case "forbidden":
      return { kind: "forbidden" };
    case "session-ended":
      return { kind: "session-ended" };
    case "rejected": {
      const message = operationOutcomeText(fault.outcome);
      const mayBeMissing = context.presence === "absent" || context.presence === "unknown";
      if (mayBeMissing && blamesQuestionnaire(fault.outcome, context.questionnaire.url ?? "")) {
        return { kind: "questionnaire-missing", status: fault.status, message };
      }
      return { kind: "rejected", status: fault.status, message };
    }
    case "not-found":
      return { kind: "rejected", status: fault.status, message: null };
    default:
      return { kind: "unsent", fault };
  }
}

/** The fault of the last attempt, counting every attempt of the resend loop. */
function withAttempts(fault: FhirFault, attempts: number): FhirFault {
  switch (fault.kind) {
    case "rate-limited":
    case "unavailable":
    case "server-error":
    case "timeout":
    case "network":
      return { ...fault, attempts };
    default:
      return fault;
  }
}

function retryAfterOf(fault: FhirFault): number | null {
  return fault.kind === "rate-limited" || fault.kind === "unavailable" ? fault.retryAfterMs : null;
}

export async function submitResponse(
  send: FhirSend,
  questionnaire: Questionnaire,
  response: QuestionnaireResponse,
  options: SubmitOptions,
): Promise<SubmitOutcome> {
  const issues = validateResponseAgainst(questionnaire, response);
  const shape = checkResponseShape(response);
  if (issues.length > 0 || !shape.ok) return { kind: "invalid", issues, problems: shape.problems };

  const context: { presence: QuestionnairePresence | null; questionnaire: Questionnaire } = {
    presence: null,
    questionnaire,
  };
  try {
    context.presence = await ensureQuestionnaire(send, questionnaire, {
      mayRead: options.mayReadQuestionnaire,
      mayCreate: options.mayCreateQuestionnaire,
    });
    const conditional = await conditionalCreateSupported(send);
    const policy = policyOf(send);
    let lookFirst = options.mayBeStored === true || !conditional;
    let retries = 0;
    for (;;) {
      if (lookFirst) {
        const lookup = await findByIdentifier(send, response);
        if (lookup.kind === "found") return { kind: "stored", id: lookup.id, created: false };
        // "cannot-tell" (the search is refused): the conditional create is the remaining guard.
      }
      let fault: FhirFault;
      try {
        const res = await send<QuestionnaireResponse>(
          {
            url: "QuestionnaireResponse",
            method: "POST",
            body: response,
            headers: { "if-none-exist": ifNoneExistIdentifier(response), prefer: "return=representation" },
          },
          { maxRetries: 0 },
        );
        return { kind: "stored", id: idFrom(res.body, res.headers.get("location")), created: res.status === 201 };
      } catch (error) {
        if (!isFhirFaultError(error)) throw error;
        fault = error.fault;
      }
      if (fault.kind === "rejected" && fault.status === 412) {
        // Several resources match the identifier, says the server: stored only if the search finds one.
        const lookup = await findByIdentifier(send, response);
        if (lookup.kind === "found") return { kind: "stored", id: lookup.id, created: false };
        return { kind: "rejected", status: 412, message: operationOutcomeText(fault.outcome) };
      }
      if (!outcomeUnknown(fault)) return outcomeOfFault(fault, context);
      // The POST may have been stored: wait as the transport would, then look it up before sending again.
      const computed = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retries);
      const wait = retryAfterOf(fault) ?? computed;
      if (retries >= policy.maxRetries || wait > policy.maxDelayMs)
        return { kind: "unsent", fault: withAttempts(fault, retries + 1) };
      retries += 1;
      await policy.sleep(wait);
      lookFirst = true;
    }
  } catch (error) {
    if (isFhirFaultError(error)) return outcomeOfFault(error.fault, context);
    throw error;
  }
}
