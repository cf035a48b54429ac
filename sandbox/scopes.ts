/**
 * SMART scopes, v1 (`patient/Observation.read`, `user/*.write`, `.*`) and v2 (`patient/Observation.rs`,
 * `user/QuestionnaireResponse.cu`, granular `?category=…`). A scope grants permissions c r u d s on a resource
 * type (or `*`). Granular query constraints are parsed and reported but not enforced (documented in SANDBOX.md).
 */
export type Permission = "c" | "r" | "u" | "d" | "s";
type ScopeContext = "patient" | "user" | "system";

interface ResourceScope {
  raw: string;
  context: ScopeContext;
  resourceType: string; // "*" for any
  permissions: ReadonlySet<Permission>;
  version: 1 | 2;
  /** v2 granular constraint (e.g. "category=laboratory"), not enforced. */
  query: string | null;
}

export interface ParsedScopes {
  resource: ResourceScope[];
  /** launch, launch/patient, openid, fhirUser, offline_access, … */
  other: Set<string>;
  /** Strings that are neither (dropped from the grant). */
  unknown: string[];
}

const RESOURCE_SCOPE = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]+)\.([a-z*]+)(\?.*)?$/;
const OTHER_SCOPES = new Set([
  "launch",
  "launch/patient",
  "launch/encounter",
  "openid",
  "fhirUser",
  "profile",
  "offline_access",
  "online_access",
]);

function permissionsOf(action: string): { permissions: Set<Permission>; version: 1 | 2 } | null {
  if (action === "read") return { permissions: new Set(["r", "s"]), version: 1 };
  if (action === "write") return { permissions: new Set(["c", "u", "d"]), version: 1 };
  if (action === "*") return { permissions: new Set(["c", "r", "u", "d", "s"]), version: 1 };
  // v2: a non-empty subsequence of "cruds", in that order.
  if (/^c?r?u?d?s?$/.test(action) && action.length > 0) {
    return { permissions: new Set(action.split("") as Permission[]), version: 2 };
  }
  return null;
}

export function parseScopes(scope: string): ParsedScopes {
  const out: ParsedScopes = { resource: [], other: new Set(), unknown: [] };
  for (const raw of scope.split(/\s+/).filter(Boolean)) {
    if (OTHER_SCOPES.has(raw)) {
      out.other.add(raw);
      continue;
    }
    const m = RESOURCE_SCOPE.exec(raw);
    const perms = m ? permissionsOf(m[3] ?? "") : null;
    if (!m || !perms) {
      out.unknown.push(raw);
      continue;
    }
    out.resource.push({
      raw,
      context: m[1] as ScopeContext,
      resourceType: m[2] ?? "*",
      permissions: perms.permissions,
      version: perms.version,
      query: m[4] ? m[4].slice(1) : null,
    });
  }
  return out;
}

/** The scope string of what was granted: every recognised scope, in the order asked, duplicates removed. */
export function grantedScopeString(parsed: ParsedScopes, requestedOrder: string): string {
  const known = new Set([...parsed.other, ...parsed.resource.map((r) => r.raw)]);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of requestedOrder.split(/\s+/)) {
    if (known.has(s) && !seen.has(s)) {
      seen.add(s);
      out.push(s);
    }
  }
  return out.join(" ");
}

/** Whether the scopes allow `permission` on `resourceType`. */
export function allows(parsed: ParsedScopes, resourceType: string, permission: Permission): boolean {
  return parsed.resource.some(
    (s) => (s.resourceType === "*" || s.resourceType === resourceType) && s.permissions.has(permission),
  );
}

/** Whether `narrower` asks for nothing beyond `wider` (refresh with a reduced scope). */
export function isSubset(narrower: string, wider: string): boolean {
  const w = new Set(wider.split(/\s+/).filter(Boolean));
  return narrower
    .split(/\s+/)
    .filter(Boolean)
    .every((s) => w.has(s));
}
