/** Test helpers of the write path: answers for any Questionnaire; an in-memory Storage. */
import type { Questionnaire, QuestionnaireItem, QuestionnaireResponse, QuestionnaireResponseItemAnswer } from "fhir/r4";
import { applyCalculations } from "../../../src/forms/calculate";
import type { Instrument } from "../../../src/questionnaires/contract";
import { DEFAULT_VALUE_SET } from "../../../src/scores";
import { buildQuestionnaireResponse } from "../../../src/writeback/build";
import { DraftStore, type Draft, type KeyedStorage } from "../../../src/writeback/drafts";
import { calculation, maxValue, minValue, type Answers } from "../../../src/questionnaires/items";
import { appQuestionnaire } from "../../../src/writeback/questionnaires";

/** The drafts' scope in these tests: patient p1 on the fake EHR, Practitioner/dr-1. */
export const SCOPE = { serverUrl: "https://ehr.example.org/fhir", patientId: "p1", userId: "Practitioner/dr-1" };

/** sessionStorage's behaviour, in memory. */
export class MemoryStorage implements KeyedStorage {
  readonly data = new Map<string, string>();
  get length(): number {
    return this.data.size;
  }
  key(index: number): string | null {
    return [...this.data.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

/** A valid answer for an item: the option at `pick` (mod length), or a number within its bounds. */
function someAnswer(item: QuestionnaireItem, pick: number): QuestionnaireResponseItemAnswer[] {
  switch (item.type) {
    case "choice": {
      const options = item.answerOption ?? [];
      const o = options[pick % options.length]?.valueCoding;
      if (!o) return [];
      if (!item.repeats) return [{ valueCoding: o }];
      const second = options[(pick + 1) % options.length]?.valueCoding;
      return second && second.code !== o.code ? [{ valueCoding: o }, { valueCoding: second }] : [{ valueCoding: o }];
    }
    case "integer": {
      const min = minValue(item) ?? 0;
      const max = maxValue(item) ?? 100;
      const steps = item.extension?.some((e) => e.url.endsWith("/regex")) ? 10 : 1;
      const span = Math.floor((max - min) / steps);
      return [{ valueInteger: min + (pick % (span + 1)) * steps }];
    }
    case "decimal":
      return [{ valueDecimal: (pick % 1000) / 1000 }];
    case "date":
      return [{ valueDate: `2026-0${1 + (pick % 9)}-1${pick % 10}` }];
    case "string":
      return [{ valueString: `text ${pick}` }];
    default:
      return [];
  }
}

/** Answers to every question of `q` that the user answers (not the calculated ones). */
export function completeAnswers(q: Questionnaire, pick = 0): Answers {
  const out: Record<string, QuestionnaireResponseItemAnswer[]> = {};
  const walk = (items: QuestionnaireItem[] | undefined): void => {
    for (const item of items ?? []) {
      const calculated = calculation(item) !== null;
      if (item.type !== "display" && item.type !== "group" && !calculated) {
        const a = someAnswer(item, pick + Object.keys(out).length);
        if (a.length) out[item.linkId] = a;
      }
      walk(item.item);
    }
  };
  walk(q.item);
  return out;
}

/** A complete response of `instrument` (answers picked by `n`), identifier …-<n as 12 digits>, by Practitioner/dr-1. */
export function testResponse(instrument: Instrument, n: number, patientId = "p1"): QuestionnaireResponse {
  const q = appQuestionnaire(instrument);
  return buildQuestionnaireResponse(q, applyCalculations(q, completeAnswers(q, n), { valueSetId: DEFAULT_VALUE_SET }), {
    identifier: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    patientId,
    encounterId: "e1",
    fhirUser: "Practitioner/dr-1",
    selfReport: false,
    authored: "2026-11-27T10:00:00+09:00",
  });
}

/** testResponse as a submitted draft (its identifier is the draft's id). */
export function submittedDraft(instrument: Instrument, n: number, patientId = "p1"): Draft {
  const r = testResponse(instrument, n, patientId);
  return {
    id: r.identifier?.value ?? "",
    instrument,
    selfReport: false,
    answers: {},
    updatedAt: "2026-11-27T01:00:00Z",
    response: r,
    lastFailure: null,
  };
}

/** A draft store of SCOPE over `storage` (a fresh MemoryStorage unless given), holding `drafts`. */
export function draftStore(drafts: Draft[] = [], storage: KeyedStorage = new MemoryStorage()): DraftStore {
  const store = new DraftStore(SCOPE, storage);
  for (const draft of drafts) store.put(draft);
  return store;
}

/** A draft of ECOG with no answers and no response yet, stored at 2026-11-27T00:00:00Z. */
export function emptyDraft(id: string): Draft {
  return {
    id,
    instrument: "ecog",
    selfReport: false,
    answers: {},
    updatedAt: "2026-11-27T00:00:00Z",
    response: null,
    lastFailure: null,
  };
}
