/**
 * Nothing lost: every form session is a draft in sessionStorage (never localStorage: it outlives the tab
 * and is shared by every tab of the browser), per FHIR server, patient and user (draft-keys.ts), until the
 * server has stored it. A draft keeps the identifier made when its form opened, so every send of it is the same
 * conditional create; identical content in a session is one draft (`fingerprint`), and content stored in this
 * session is remembered by its fingerprint (no answers) so that it is not stored twice. Nothing here logs.
 */
import type { QuestionnaireResponse } from "fhir/r4";
import { z } from "zod/mini";
import { questionnaireResponseSchema } from "../extract/schemas";
import { INSTRUMENTS, type Instrument } from "../questionnaires/contract";
import {
  browserSessionStorage,
  draftKey,
  normalServerUrl,
  storedKey,
  type DraftScope,
  type DraftStorage,
} from "./draft-keys";
import type { Answers } from "../questionnaires/items";

export {
  browserSessionStorage,
  purgeOtherDrafts,
  type DraftScope,
  type DraftStorage,
  type KeyedStorage,
} from "./draft-keys";

/** Why a draft is not on the server yet (no PHI: kinds and statuses only). */
export type DraftFailure =
  | "unsent"
  | "questionnaire-missing"
  | "forbidden"
  | "not-permitted"
  | "wrong-context"
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
  /** The FHIR base the draft was made for (set by DraftStore.put); a draft is sent only to it. */
  server?: string;
  /** A POST of `response` was started: it may be on the server, so its identifier is looked up before a resend. */
  attempted?: boolean;
}

/**
 * A draft as read back from sessionStorage: the stored response is checked with the app's one
 * QuestionnaireResponse schema. `lastFailure` stays any text: a draft saved by another version of the app must
 * not be dropped for a failure kind this one does not know.
 */
const draftSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  instrument: z.enum(INSTRUMENTS),
  selfReport: z.boolean(),
  answers: z.record(z.string(), z.array(z.looseObject({}))),
  updatedAt: z.string(),
  response: z.nullable(questionnaireResponseSchema),
  lastFailure: z.nullable(z.string()),
  failureMessage: z.optional(z.nullable(z.string())),
  server: z.optional(z.string()),
  attempted: z.optional(z.boolean()),
});

const storedSchema = z.array(z.object({ fingerprint: z.string(), identifier: z.string() }));

/** JSON with object keys sorted: equal content, equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** FNV-1a, 32 bits, from a seed. */
function fnv1a(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/**
 * The content of a form session: instrument, self-report or not, and the answers (with their calculations and the
 * timepoint among them). Not the identifier, not the time. A hash, so that remembering it keeps no answers.
 */
export function fingerprint(instrument: Instrument, selfReport: boolean, answers: Answers): string {
  const text = canonicalJson({
    instrument,
    selfReport,
    answers: Object.fromEntries(Object.entries(answers).filter(([, a]) => a.length > 0)),
  });
  return `${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x2f6b9a1d)}`;
}

/** Work the user would lose by closing the page: submitted but unsent, or edited answers. */
export function hasUnsent(drafts: readonly Draft[]): boolean {
  return drafts.some((d) => isPending(d) || hasAnswers(d));
}

/** A submitted draft waits for the server; any other has answers being edited. */
export function isPending(draft: Draft): boolean {
  return draft.response !== null;
}

export function hasAnswers(draft: Draft): boolean {
  return Object.values(draft.answers).some((a) => a.length > 0);
}

/**
 * Every store's writes, counted: one page-wide counter and listener set, since the stores of one page (the panel,
 * patient mode, a form) share the storage and must see each other's changes.
 */
let draftsVersion = 0;
const draftListeners = new Set<() => void>();
function draftsChanged(): void {
  draftsVersion += 1;
  for (const listener of [...draftListeners]) listener();
}

export class DraftStore {
  private readonly key: string;
  private readonly storedAt: string;
  /** The launch's FHIR base, normalised: what every draft of this store is bound to. */
  readonly server: string;
  /**
   * Used instead of the storage once the storage is missing or refused a write, so that nothing is lost
   * while the page lives. Otherwise the storage is read every time: several stores (the panel, patient
   * mode, "Save assessment") share it and must see each other's drafts.
   */
  private fallback: Draft[] | null;
  private storedFallback: { fingerprint: string; identifier: string }[] = [];
  private snapshot: { version: number; drafts: readonly Draft[] } | null = null;

  constructor(
    readonly scope: DraftScope,
    private readonly storage: DraftStorage | null = browserSessionStorage(),
  ) {
    this.key = draftKey(scope);
    this.storedAt = storedKey(scope);
    this.server = normalServerUrl(scope.serverUrl);
    this.fallback = storage === null ? [] : null;
  }

  list(): Draft[] {
    if (this.fallback) return [...this.fallback];
    let parsed: unknown;
    try {
      parsed = JSON.parse(this.storage?.getItem(this.key) ?? "[]");
    } catch {
      parsed = [];
    }
    return Array.isArray(parsed)
      ? parsed.flatMap((d) => (z.safeParse(draftSchema, d).success ? [d as Draft] : []))
      : [];
  }

  /**
   * For React's useSyncExternalStore: `subscribe` calls back after any store of the page wrote a draft, and
   * `getSnapshot` answers the same array until then (a new one after each write).
   */
  readonly subscribe = (onChange: () => void): (() => void) => {
    draftListeners.add(onChange);
    return () => {
      draftListeners.delete(onChange);
    };
  };

  readonly getSnapshot = (): readonly Draft[] => {
    if (this.snapshot?.version !== draftsVersion) this.snapshot = { version: draftsVersion, drafts: this.list() };
    return this.snapshot.drafts;
  };

  get(id: string): Draft | undefined {
    return this.list().find((d) => d.id === id);
  }

  /**
   * Saves (adds or replaces) a draft, bound to this store's server when it is new. False when the browser
   * storage refused it (kept in memory only).
   */
  put(draft: Draft): boolean {
    const bound: Draft = draft.server === undefined ? { ...draft, server: this.server } : draft;
    const list = this.list();
    const at = list.findIndex((d) => d.id === bound.id);
    if (at >= 0) list[at] = bound;
    else list.push(bound);
    return this.write(list);
  }

  remove(id: string): boolean {
    return this.write(this.list().filter((d) => d.id !== id));
  }

  /** Work the user would lose by closing the page: submitted but unsent, or edited answers. */
  hasUnsent(): boolean {
    return hasUnsent(this.list());
  }

  /**
   * Whether the draft may be sent from this launch: made for this server, and its response is about this
   * store's patient.
   */
  belongsHere(draft: Draft): boolean {
    const subject = draft.response?.subject?.reference ?? null;
    const patient = `Patient/${this.scope.patientId}`;
    return draft.server === this.server && (subject === null || subject === patient || subject.endsWith(`/${patient}`));
  }

  /** Remembers that content with this fingerprint was stored under `identifier` in this session. */
  rememberStored(print: string, identifier: string): void {
    const list = [...this.storedList().filter((s) => s.fingerprint !== print), { fingerprint: print, identifier }];
    try {
      if (this.storage) this.storage.setItem(this.storedAt, JSON.stringify(list));
      else this.storedFallback = list;
    } catch {
      this.storedFallback = list;
    }
  }

  /** The identifier under which content with this fingerprint was stored in this session, if it was. */
  storedIdentifier(print: string): string | null {
    return this.storedList().find((s) => s.fingerprint === print)?.identifier ?? null;
  }

  private storedList(): { fingerprint: string; identifier: string }[] {
    let parsed: unknown;
    try {
      parsed = JSON.parse(this.storage?.getItem(this.storedAt) ?? "null");
    } catch {
      parsed = null;
    }
    const r = z.safeParse(storedSchema, parsed);
    const fromStorage = r.success ? r.data : [];
    return [
      ...fromStorage,
      ...this.storedFallback.filter((s) => !fromStorage.some((f) => f.fingerprint === s.fingerprint)),
    ];
  }

  private write(drafts: Draft[]): boolean {
    try {
      return this.writeList(drafts);
    } finally {
      draftsChanged();
    }
  }

  private writeList(drafts: Draft[]): boolean {
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
