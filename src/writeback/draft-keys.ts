/**
 * Where drafts live in sessionStorage: one key per (FHIR server, patient, user), so that a draft can only be
 * seen, and sent, by a launch of the same server, patient and user. Kept apart from drafts.ts (no zod) so that
 * the launch can purge other launches' drafts without loading the write path.
 */

export interface DraftScope {
  /** The FHIR base URL of the launch (LaunchContext.serverUrl). */
  serverUrl: string;
  patientId: string;
  /** fhirUser, or null when the launch named no user. */
  userId: string | null;
}

export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;
/** A storage whose keys can be listed (sessionStorage). */
export type KeyedStorage = DraftStorage & Pick<Storage, "key" | "length">;

/** Every key the app's drafts ever used starts with this (v1: per patient and user only). */
const DRAFT_KEY_ROOT = "spine-met-qol.drafts";
const KEY_PREFIX = `${DRAFT_KEY_ROOT}.v2`;

/** "https://EHR.example/fhir/" and "https://ehr.example/fhir" are one server. */
export function normalServerUrl(url: string): string {
  const trimmed = url.trim().replace(/\/+$/, "");
  try {
    const u = new URL(trimmed);
    return `${u.protocol}//${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, "")}${u.search}`;
  } catch {
    return trimmed;
  }
}

function scopePart(scope: DraftScope): string {
  return [normalServerUrl(scope.serverUrl), scope.patientId, scope.userId ?? "-"].map(encodeURIComponent).join(":");
}

/** The drafts of one scope. */
export function draftKey(scope: DraftScope): string {
  return `${KEY_PREFIX}:${scopePart(scope)}`;
}

/** What was stored in this scope during the session: fingerprints of content and their identifiers (no answers). */
export function storedKey(scope: DraftScope): string {
  return `${KEY_PREFIX}.stored:${scopePart(scope)}`;
}

/** The browser's sessionStorage, or null where there is none (or it is blocked). */
export function browserSessionStorage(): KeyedStorage | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    return null;
  }
}

/**
 * Removes every draft key of this app that does not belong to `scope` (another patient, server or user, or an
 * older key format): answers are PHI and must not stay at rest for a launch that cannot send them. With no scope
 * (a launch without a patient) every draft key goes. Returns how many keys were removed.
 */
export function purgeOtherDrafts(
  scope: DraftScope | null,
  storage: KeyedStorage | null = browserSessionStorage(),
): number {
  if (!storage) return 0;
  const keep = new Set(scope ? [draftKey(scope), storedKey(scope)] : []);
  const doomed: string[] = [];
  try {
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key !== null && key.startsWith(DRAFT_KEY_ROOT) && !keep.has(key)) doomed.push(key);
    }
    for (const key of doomed) storage.removeItem(key);
  } catch {
    return 0; // a storage that refuses access holds nothing of ours
  }
  return doomed.length;
}
