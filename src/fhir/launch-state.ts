/**
 * The launch's state as fhirclient keeps it in sessionStorage: a pointer under SMART_KEY to the entry that holds
 * the launch (endpoints, PKCE verifier, later the token response). A launch that ends without a session — refused
 * before the redirect, refused by the authorization server, or a failed code exchange — leaves none of it behind.
 */

/** fhirclient's key of the current launch's state in sessionStorage (its settings' SMART_KEY). */
export const SMART_KEY = "SMART_KEY";

/** Removes the launch state fhirclient stored (the state and the pointer to it); other entries stay. */
export function forgetLaunchState(storage: Pick<Storage, "getItem" | "removeItem">): void {
  const raw = storage.getItem(SMART_KEY);
  if (raw !== null) {
    try {
      const key: unknown = JSON.parse(raw);
      if (typeof key === "string") storage.removeItem(key);
    } catch {
      // not fhirclient's JSON: the pointer alone goes
    }
  }
  storage.removeItem(SMART_KEY);
}
