/**
 * Nothing lost: every form session is a draft in sessionStorage (never localStorage: it outlives the tab
 * and is shared by every tab of the browser), per patient and user, until the server has stored it.
 * A draft keeps the identifier made when its form opened, so every send of it is the same conditional
 * create. Nothing here logs.
 */
import type { QuestionnaireResponse } from "fhir/r4";
import { z } from "zod/mini";
import { INSTRUMENTS, type Instrument } from "../questionnaires/contract";
import type { Answers } from "./questionnaire-items";

/** Why a draft is not on the server yet (no PHI: kinds and statuses only). */
export type DraftFailure =
  | "unsent"
  | "questionnaire-forbidden"
  | "forbidden"
  | "rejected"
  | "session-ended"
  | "invalid";

export interface Draft {
  /** The form session's identifier value (a UUID): QuestionnaireResponse.identifier.value. */
  id: string;
  instrument: Instrument;
  selfReport: boolean;
  answers: Answers;
  /** ISO 8601, last change. */
  updatedAt: string;
  /** Set when the user submitted: the exact resource to send, and to send again after a failure. */
  response: QuestionnaireResponse | null;
  lastFailure: DraftFailure | null;
  /** The server's words for a rejection (its OperationOutcome), shown with the draft. */
  failureMessage?: string | null;
}

export interface DraftScope {
  patientId: string;
  /** fhirUser, or null when the launch named no user. */
  userId: string | null;
}

export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const KEY_PREFIX = "spine-met-qol.drafts.v1";

const draftSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  instrument: z.enum(INSTRUMENTS),
  selfReport: z.boolean(),
  answers: z.record(z.string(), z.array(z.looseObject({}))),
  updatedAt: z.string(),
  response: z.nullable(z.looseObject({ resourceType: z.literal("QuestionnaireResponse") })),
  lastFailure: z.nullable(z.string()),
});

/** The browser's sessionStorage, or null where there is none (or it is blocked). */
export function browserSessionStorage(): DraftStorage | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function draftKey(scope: DraftScope): string {
  return `${KEY_PREFIX}:${encodeURIComponent(scope.patientId)}:${encodeURIComponent(scope.userId ?? "-")}`;
}

/** A submitted draft waits for the server; any other has answers being edited. */
export function isPending(draft: Draft): boolean {
  return draft.response !== null;
}

export function hasAnswers(draft: Draft): boolean {
  return Object.values(draft.answers).some((a) => a.length > 0);
}

export class DraftStore {
  private readonly key: string;
  /**
   * Used instead of the storage once the storage is missing or refused a write, so that nothing is lost
   * while the page lives. Otherwise the storage is read every time: several stores (the panel, patient
   * mode, "Save assessment") share it and must see each other's drafts.
   */
  private fallback: Draft[] | null;

  constructor(
    scope: DraftScope,
    private readonly storage: DraftStorage | null = browserSessionStorage(),
  ) {
    this.key = draftKey(scope);
    this.fallback = storage === null ? [] : null;
  }

  list(): Draft[] {
    if (this.fallback) return [...this.fallback];
    let parsed: unknown = [];
    try {
      parsed = JSON.parse(this.storage?.getItem(this.key) ?? "[]");
    } catch {
      parsed = [];
    }
    return Array.isArray(parsed) ? parsed.flatMap((d) => (z.safeParse(draftSchema, d).success ? [d as Draft] : [])) : [];
  }

  get(id: string): Draft | undefined {
    return this.list().find((d) => d.id === id);
  }

  /** Saves (adds or replaces) a draft. False when the browser storage refused it (kept in memory only). */
  put(draft: Draft): boolean {
    const list = this.list();
    const at = list.findIndex((d) => d.id === draft.id);
    if (at >= 0) list[at] = draft;
    else list.push(draft);
    return this.write(list);
  }

  remove(id: string): boolean {
    return this.write(this.list().filter((d) => d.id !== id));
  }

  /** Work the user would lose by closing the page: submitted but unsent, or edited answers. */
  hasUnsent(): boolean {
    return this.list().some((d) => isPending(d) || hasAnswers(d));
  }

  private write(drafts: Draft[]): boolean {
    if (this.fallback) {
      this.fallback = drafts;
      return false;
    }
    try {
      if (drafts.length === 0) this.storage?.removeItem(this.key);
      else this.storage?.setItem(this.key, JSON.stringify(drafts));
      return true;
    } catch {
      this.fallback = drafts;
      return false;
    }
  }
}
