/**
 * Sending one QuestionnaireResponse: checked first (against its Questionnaire and as a FHIR shape; an
 * invalid one is never sent), then the Questionnaire's presence, then a conditional create keyed by the
 * response's identifier. A retry after an unknown outcome (a timeout after the server stored it) finds
 * the stored one instead of creating a second: the server answers 200 with the existing resource.
 */
import type { Questionnaire, QuestionnaireResponse } from "fhir/r4";
import { isFhirFaultError, type FhirFault } from "../fhir/faults";
import { operationOutcomeText } from "./operation-outcome";
import { ensureQuestionnaire } from "./presence";
import { checkResponseShape } from "./schema";
import type { FhirSend } from "./transport";
import { validateResponseAgainst, type AnswerIssue } from "./validate";

export type SubmitOutcome =
  /** On the server: created now, or found there (an earlier attempt had stored it). */
  | { kind: "stored"; id: string | null; created: boolean }
  /** Not sent: the answers or the resource do not pass the checks. */
  | { kind: "invalid"; issues: AnswerIssue[]; problems: string[] }
  /** Not sent: the Questionnaire is not on the server and the app may not create it. */
  | { kind: "questionnaire-forbidden" }
  /** The server refused the response with 403 (no permission to write it). */
  | { kind: "forbidden" }
  /** The server refused the response (4xx); `message` is its OperationOutcome in words. */
  | { kind: "rejected"; status: number; message: string | null }
  /** The EHR session is over: relaunch, the draft is kept. */
  | { kind: "session-ended" }
  /** Not stored for now (network, timeout, 429, 5xx after retries): keep the draft and send again later. */
  | { kind: "unsent"; fault: FhirFault };

export interface SubmitOptions {
  /** The granted scopes allow creating a Questionnaire (the server still has the last word). */
  mayCreateQuestionnaire: boolean;
}

/** `identifier=<system>|<value>` for If-None-Exist, encoded as a search parameter. */
export function ifNoneExistIdentifier(response: Pick<QuestionnaireResponse, "identifier">): string {
  const id = response.identifier;
  return new URLSearchParams({ identifier: `${id?.system ?? ""}|${id?.value ?? ""}` }).toString();
}

function idFrom(body: QuestionnaireResponse | null, location: string | null): string | null {
  if (body?.id) return body.id;
  const m = location ? /QuestionnaireResponse\/([A-Za-z0-9\-.]{1,64})/.exec(location) : null;
  return m?.[1] ?? null;
}

function outcomeOfFault(fault: FhirFault): SubmitOutcome {
  switch (fault.kind) {
    case "forbidden":
      return { kind: "forbidden" };
    case "session-ended":
      return { kind: "session-ended" };
    case "rejected":
      // 412 on a conditional create: several resources already carry this identifier, so it is stored.
      if (fault.status === 412) return { kind: "stored", id: null, created: false };
      return { kind: "rejected", status: fault.status, message: operationOutcomeText(fault.outcome) };
    case "not-found":
      return { kind: "rejected", status: fault.status, message: null };
    default:
      return { kind: "unsent", fault };
  }
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

  try {
    const presence = await ensureQuestionnaire(send, questionnaire, { mayCreate: options.mayCreateQuestionnaire });
    if (presence === "forbidden") return { kind: "questionnaire-forbidden" };

    const res = await send<QuestionnaireResponse>({
      url: "QuestionnaireResponse",
      method: "POST",
      body: response,
      headers: { "if-none-exist": ifNoneExistIdentifier(response), prefer: "return=representation" },
    });
    return { kind: "stored", id: idFrom(res.body, res.headers.get("location")), created: res.status === 201 };
  } catch (error) {
    if (isFhirFaultError(error)) return outcomeOfFault(error.fault);
    throw error;
  }
}
