/**
 * The one QuestionnaireResponse schema (src/extract/schemas.ts) at both boundaries: extraction reads with it;
 * the write path checks what it sends with it, refined (src/writeback/schema.ts). The date rule of `authored`:
 * read as any FHIR date/dateTime (seconds and zone may be left out), sent only as a full dateTime with its zone.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod/mini";
import { extractEvidence } from "../../../src/extract";
import { questionnaireResponseSchema } from "../../../src/extract/schemas";
import { APP_CODE_SYSTEM, TIMEPOINT_CODES } from "../../../src/questionnaires/contract";
import { buildQuestionnaireResponse, type ResponseContext } from "../../../src/writeback/build";
import { DraftStore } from "../../../src/writeback/drafts";
import { appQuestionnaire } from "../../../src/writeback/questionnaires";
import { checkResponseShape } from "../../../src/writeback/schema";
import { MemoryStorage, submittedDraft } from "./helpers";

const ctx: ResponseContext = {
  identifier: "0f8fad5b-d9cb-469f-a165-70867728950e",
  patientId: "p1",
  encounterId: null,
  fhirUser: "https://ehr.example.org/fhir/Practitioner/dr-1",
  selfReport: false,
  authored: "2026-11-27T10:15:00+09:00",
};

function sent(authored: string): Record<string, unknown> {
  const answers = {
    timepoint: [{ valueCoding: { system: APP_CODE_SYSTEM, code: TIMEPOINT_CODES.preop } }],
    "pain-vas": [{ valueInteger: 40 }],
  };
  return { ...buildQuestionnaireResponse(appQuestionnaire("pain-vas"), answers, { ...ctx, authored }) };
}

/** Whether extraction reads the response (as evidence) or skips it as invalid. */
function read(response: Record<string, unknown>): "read" | "invalid" {
  const patient = { resourceType: "Patient", id: "p1" };
  const ev = extractEvidence([patient, { ...response, id: "qr1" }], "p1");
  if (ev.questionnaires.length === 1) return "read";
  expect(ev.diagnostics.map((d) => [d.code, d.resource])).toContainEqual([
    "invalid-resource",
    "QuestionnaireResponse/qr1",
  ]);
  return "invalid";
}

describe("authored: one rule read, a refinement of it sent", () => {
  it.each([
    ["2026-11-27T10:15:00+09:00", "read", true],
    ["2026-11-27T01:15:00Z", "read", true],
    ["2026-11-27T10:15:00.123+09:00", "read", true],
    // Read (an EHR may store less), never sent by the app: no time, no seconds, no zone.
    ["2026-11-27", "read", false],
    ["2026-11", "read", false],
    ["2026-11-27T10:15+09:00", "read", false],
    ["2026-11-27T10:15:00", "read", false],
    // Neither.
    ["2026-13-27", "invalid", false],
    ["2026-11-27T25:00:00Z", "invalid", false],
    ["yesterday", "invalid", false],
  ] as const)("%s: %s by extraction, sendable %s", (authored, reading, sendable) => {
    const response = sent(authored);
    expect(read(response)).toBe(reading);
    const shape = checkResponseShape(response);
    expect(shape.ok).toBe(sendable);
    if (!sendable) expect(shape.problems.some((p) => p.startsWith("authored: "))).toBe(true);
  });

  it("a response the app sends is one extraction reads: the write rules only add to the one schema", () => {
    const response = sent(ctx.authored);
    expect(checkResponseShape(response)).toEqual({ ok: true, problems: [] });
    expect(z.safeParse(questionnaireResponseSchema, response).success).toBe(true);
    expect(read(response)).toBe("read");
  });

  it("what the write path adds is refused only there: no narrative, identifier or subject; two values; empty strings", () => {
    const base = sent(ctx.authored);
    const item = (answer: unknown) => [{ linkId: "pain-vas", answer: [answer] }];
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...base, text: undefined }, /^text: required/],
      [{ ...base, identifier: undefined }, /^identifier: required/],
      [
        { ...base, subject: { reference: "https://ehr.example.org/fhir/Patient/p1" } },
        /^subject\.reference: a relative reference/,
      ],
      [{ ...base, status: "final" }, /^status: /],
      [
        { ...base, item: item({ valueInteger: 40, valueString: "40" }) },
        /^item\.0\.answer\.0: an answer has exactly one value/,
      ],
      [{ ...base, item: item({ valueInteger: 40.5 }) }, /^item\.0\.answer\.0\.valueInteger: /],
      [{ ...base, item: [{ linkId: "pain-vas", text: "", answer: [{ valueInteger: 40 }] }] }, /is an empty string/],
    ];
    for (const [response, problem] of cases) {
      const shape = checkResponseShape(JSON.parse(JSON.stringify(response)));
      expect(shape.ok, String(problem)).toBe(false);
      expect(shape.problems.join("\n")).toMatch(problem);
      expect(z.safeParse(questionnaireResponseSchema, JSON.parse(JSON.stringify(response))).success).toBe(true);
    }
  });
});

describe("a stored draft's response is read with the same schema", () => {
  const scope = { serverUrl: "https://ehr.example.org/fhir", patientId: "p1", userId: "Practitioner/dr-1" };

  it("keeps a draft whose response the app built, and leaves out one whose response is not a QuestionnaireResponse", () => {
    const storage = new MemoryStorage();
    const good = submittedDraft("frankel", 1);
    new DraftStore(scope, storage).put(good);
    const key = [...storage.data.keys()][0] ?? "";
    const stored = JSON.parse(storage.getItem(key) ?? "[]") as Record<string, unknown>[];
    const copy = { ...stored[0], id: "copy" };
    const broken = { ...stored[0], id: "broken", response: { resourceType: "QuestionnaireResponse", status: 7 } };
    storage.setItem(key, JSON.stringify([...stored, copy, broken]));
    expect(new DraftStore(scope, storage).list().map((d) => d.id)).toEqual([good.id, "copy"]);
  });
});
