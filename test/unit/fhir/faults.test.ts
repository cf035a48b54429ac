/**
 * A fault's words: the code says the kind and its parameters (faultCode), and the catalogue has one sentence per
 * kind (src/i18n/sections/faults.ts) that an error's message, a data note and the fault screen all read. For
 * every kind (those that end a load too), every count of attempts and every wait the server may ask for, the
 * sentence is there in English and in Japanese with nothing missing.
 */
import { describe, expect, it } from "vitest";
import {
  FhirFaultError,
  faultCode,
  faultMessage,
  type FhirFault,
  type InvalidResponseDetail,
} from "../../../src/fhir/faults";
import { DETAIL_CODE } from "../../../src/fhir/messages";
import { SessionError, type SessionFault } from "../../../src/fhir/redirect";
import { createTranslator, templateOf } from "../../../src/i18n";
import { missingIn } from "../../../src/i18n/translate";
import { appFaultCode, type AppFault } from "../../../src/ui/faults";

const DETAILS = Object.keys(DETAIL_CODE) as InvalidResponseDetail[];

const FAULTS: FhirFault[] = [
  { kind: "session-ended", status: 401, refreshTried: true },
  { kind: "forbidden", status: 403 },
  { kind: "not-found", status: 410 },
  { kind: "rate-limited", status: 429, attempts: 1, retryAfterMs: null },
  { kind: "rate-limited", status: 429, attempts: 4, retryAfterMs: 1500 },
  { kind: "rate-limited", status: 429, attempts: 4, retryAfterMs: 119_000 },
  { kind: "rate-limited", status: 429, attempts: 4, retryAfterMs: 119_001 },
  { kind: "unavailable", status: 503, attempts: 2, retryAfterMs: null },
  { kind: "unavailable", status: 503, attempts: 2, retryAfterMs: 600_000 },
  { kind: "server-error", status: 500, attempts: 1 },
  { kind: "server-error", status: 504, attempts: 3 },
  { kind: "timeout", timeoutMs: 30_000, attempts: 1 },
  { kind: "timeout", timeoutMs: 1_499, attempts: 2 },
  { kind: "network", attempts: 3 },
  ...DETAILS.map((detail): FhirFault => ({ kind: "invalid-response", detail })),
  { kind: "rejected", status: 422, outcome: null },
  { kind: "aborted" },
  { kind: "no-patient" },
];

const SESSION_FAULTS: SessionFault[] = [
  { kind: "no-launch" },
  { kind: "authorization-denied", error: "access_denied", description: null },
  { kind: "token-exchange-failed", error: null, description: null },
  { kind: "token-exchange-failed", error: "invalid_grant", description: "The code has expired" },
  { kind: "state-missing" },
  { kind: "server-not-allowed" },
];

const ALL: AppFault[] = [...FAULTS, ...SESSION_FAULTS, { kind: "unexpected" }];
const en = createTranslator("en");
const ja = createTranslator("ja");

describe("one sentence per fault kind, in every language", () => {
  it.each(ALL.map((f) => [en.message(appFaultCode(f)), f] as const))("%s", (_english, fault) => {
    const m = appFaultCode(fault);
    expect(m.code).toBe(`fault.${fault.kind}`);
    for (const locale of ["en", "ja"] as const)
      expect(missingIn(locale, `core.${m.code}`, m.params), locale).toEqual([]);
    // Japanese words throughout (HTTP, JSON, SMART on FHIR and a resource type may stay).
    expect(ja.message(m).replace(/SMART on FHIR/g, "")).not.toMatch(/[A-Za-z]+ [A-Za-z]+/);
  });

  it("covers every kind the screen knows, and no sentence is worded twice", () => {
    const kinds = new Set(ALL.map((f) => f.kind));
    expect(kinds.size).toBe(18);
    for (const locale of ["en", "ja"] as const) {
      const sentences = [...kinds].map((k) => templateOf(locale, `core.fault.${k}`));
      expect(new Set(sentences).size, locale).toBe(kinds.size);
    }
  });

  it("counts attempts in English (1 attempt, 2 attempts); Japanese has one form", () => {
    expect(en.message(faultCode({ kind: "server-error", status: 500, attempts: 1 }))).toBe(
      "The EHR's FHIR server failed (HTTP 500) after 1 attempt.",
    );
    expect(en.message(faultCode({ kind: "timeout", timeoutMs: 30_000, attempts: 2 }))).toBe(
      "The EHR's FHIR server did not answer within 30 s (2 attempts).",
    );
    expect(en.message(faultCode({ kind: "unavailable", status: 503, attempts: 1, retryAfterMs: null }))).toBe(
      "The EHR's FHIR server is temporarily unavailable (503) after 1 attempt.",
    );
    expect(ja.message(faultCode({ kind: "timeout", timeoutMs: 30_000, attempts: 1 }))).toBe(
      "EHRのFHIRサーバーが30秒以内に応答しませんでした（1回試行）。",
    );
  });

  it("says the server's wait: seconds below 2 minutes, about n minutes from there, nothing for none or 0", () => {
    const limited = (retryAfterMs: number | null) =>
      faultCode({ kind: "rate-limited", status: 429, attempts: 4, retryAfterMs });
    expect(en.message(limited(1500))).toBe(
      "The EHR is limiting requests and did not answer after 4 attempts. The server asked to wait 2 s.",
    );
    expect(en.message(limited(119_000))).toBe(
      "The EHR is limiting requests and did not answer after 4 attempts. The server asked to wait 119 s.",
    );
    expect(en.message(limited(119_001))).toBe(
      "The EHR is limiting requests and did not answer after 4 attempts. The server asked to wait about 2 minutes.",
    );
    expect(en.message(limited(300_000))).toBe(
      "The EHR is limiting requests and did not answer after 4 attempts. The server asked to wait about 5 minutes.",
    );
    expect(en.message(limited(null))).toBe("The EHR is limiting requests and did not answer after 4 attempts.");
    expect(en.message(limited(0))).toBe("The EHR is limiting requests and did not answer after 4 attempts.");
    expect(ja.message(limited(300_000))).toBe(
      "EHRサーバーが要求を制限しており、4回試行しても応答がありませんでした。サーバーから約5分待つよう求められています。",
    );
  });

  it("names what was unreadable", () => {
    expect(ja.message(faultCode({ kind: "invalid-response", detail: "not a Patient" }))).toBe(
      "EHRのFHIRサーバーから読み取れない応答が送られました（Patientリソースではありません）。",
    );
    expect(en.message(faultCode({ kind: "invalid-response", detail: "next-page links loop" }))).toBe(
      "The EHR's FHIR server sent an answer the app cannot read (next-page links loop).",
    );
  });
});

describe("an error's message is the sentence in English", () => {
  it("FhirFaultError and SessionError", () => {
    const fault: FhirFault = { kind: "rejected", status: 409, outcome: null };
    expect(new FhirFaultError(fault).message).toBe("The EHR's FHIR server refused the request (HTTP 409).");
    expect(faultMessage(fault)).toBe(en.message(faultCode(fault)));
    expect(new SessionError({ kind: "state-missing" }).message).toBe(
      "The sign-in answer did not carry the state of this window's launch, so the app did not use it.",
    );
  });

  it("carries no URL, id or token: only the kind's parameters", () => {
    const m = faultCode({
      kind: "authorization-denied",
      error: "access_denied",
      description: "see https://evil.example/?t=secret",
    });
    expect(m).toEqual({ code: "fault.authorization-denied" });
  });
});
