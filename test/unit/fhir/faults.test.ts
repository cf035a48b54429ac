/**
 * faultCode(fault) says faultMessage(fault) again in machine-readable form: for every kind of fault (those that
 * end a load too, which never reach a data-access note), every count of attempts and every wait the server may
 * ask for, the catalogue's English equals faultMessage's, and the Japanese is there.
 */
import { describe, expect, it } from "vitest";
import { faultCode, faultMessage, type FhirFault, type FhirFaultKind, type InvalidResponseDetail } from "../../../src/fhir/faults";
import { DETAIL_CODE } from "../../../src/fhir/messages";
import { renderCoreMessage } from "../../../src/i18n/core";

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

describe("faultCode: a fault's sentence in the clinician's language", () => {
  it.each(FAULTS.map((f) => [faultMessage(f), f] as const))("%s", (english, fault) => {
    const code = faultCode(fault);
    expect(renderCoreMessage("en", code)).toBe(english);
    const ja = renderCoreMessage("ja", code);
    expect(ja).not.toBeNull();
    expect(ja).not.toMatch(/[A-Za-z]+ [A-Za-z]+/);
  });

  it("covers every kind of fault, and the English counts attempts as faultMessage does", () => {
    const kinds: FhirFaultKind[] = [
      "session-ended", "forbidden", "not-found", "rate-limited", "unavailable", "server-error", "timeout", "network",
      "invalid-response", "rejected", "aborted", "no-patient",
    ];
    expect(new Set(FAULTS.map((f) => f.kind))).toEqual(new Set(kinds));
    const en = (f: FhirFault) => renderCoreMessage("en", faultCode(f));
    expect(en({ kind: "server-error", status: 500, attempts: 1 })).toBe("The EHR's FHIR server failed (HTTP 500) after 1 attempt.");
    expect(en({ kind: "timeout", timeoutMs: 30_000, attempts: 2 })).toBe("The EHR's FHIR server did not answer within 30 s (2 attempts).");
    expect(en({ kind: "rate-limited", status: 429, attempts: 4, retryAfterMs: 300_000 })).toBe(
      "The EHR is limiting requests and did not answer after 4 attempts. The server asked to wait about 5 minutes.",
    );
    expect(renderCoreMessage("ja", faultCode({ kind: "rate-limited", status: 429, attempts: 4, retryAfterMs: 300_000 }))).toBe(
      "EHRサーバーが要求を制限しており、4回試行しても応答がありませんでした。サーバーから約5分待つよう求められています。",
    );
    expect(renderCoreMessage("ja", faultCode({ kind: "invalid-response", detail: "not a Patient" }))).toBe(
      "EHRのFHIRサーバーから読み取れない応答が送られました（Patientリソースではありません）。",
    );
  });
});
