/**
 * SMART scopes, v1 (`patient/Observation.read`) and v2 (`patient/Observation.rs`), as granted in the
 * token response: what the app may do.
 */
export type ScopeContext = "patient" | "user" | "system";
/** SMART v2 permissions: create, read, update, delete, search. */
export type ScopeAction = "c" | "r" | "u" | "d" | "s";

export interface ResourceScope {
  context: ScopeContext;
  /** A resource type or "*". */
  resourceType: string;
  actions: ReadonlySet<ScopeAction>;
  /** v2 granular scopes (`?category=…`) restrict what they grant; kept for display. */
  restriction: string | null;
}

const V1: Record<string, ScopeAction[]> = { read: ["r", "s"], write: ["c", "u", "d"], "*": ["c", "r", "u", "d", "s"] };

/** The resource scopes among a space-separated scope string (openid, launch … are skipped). */
export function parseScopes(scope: string | null | undefined): ResourceScope[] {
  const out: ResourceScope[] = [];
  for (const token of (scope ?? "").split(/\s+/)) {
    const m = /^(patient|user|system)\/([A-Za-z]+|\*)\.([a-z*]+)(\?.*)?$/.exec(token);
    if (!m) continue;
    const [, context, resourceType, perms, query] = m;
    if (!context || !resourceType || !perms) continue;
    let actions: ScopeAction[] | undefined = V1[perms];
    if (!actions) {
      if (!/^c?r?u?d?s?$/.test(perms)) continue;
      actions = perms.split("") as ScopeAction[];
    }
    out.push({ context: context as ScopeContext, resourceType, actions: new Set(actions), restriction: query ?? null });
  }
  return out;
}

/** Whether the scopes allow `action` on `resourceType` in any of the given contexts. */
export function scopeAllows(
  scopes: readonly ResourceScope[],
  resourceType: string,
  action: ScopeAction,
  contexts: readonly ScopeContext[] = ["patient", "user"],
): boolean {
  return scopes.some(
    (s) =>
      contexts.includes(s.context) &&
      (s.resourceType === resourceType || s.resourceType === "*") &&
      s.actions.has(action),
  );
}
