/**
 * The app's deployment configuration: `app-config.json` (served next to launch.html and index.html,
 * changed without rebuilding) merged over the build-time defaults below, validated with zod/mini.
 * Every setting is described in docs/INTEGRATION.md.
 */
import { z } from "zod/mini";
import { QUESTIONNAIRE_BASE_RETIRED } from "../src/questionnaires/contract";
import { evidenceMaxAgeDaysSchema } from "../src/report/evidence-age";
import { DEFAULT_EVIDENCE_MAX_AGE_DAYS, type EvidenceMaxAgeDays } from "../src/report/types";
import { OPEN_SERVER_LAUNCH, parseServerUrl, type OpenServerLaunch, type ServerAllowlist } from "./servers";

// The settings that name one of a few choices: each list is the schema's (ConfigFile below) and the type's.
const scopeStyleSchema = z.enum(["v1", "v2"]);
type ScopeStyle = z.infer<typeof scopeStyleSchema>;
/** Which Questionnaire permissions to ask for (the write path looks the app's Questionnaires up by canonical). */
const questionnaireAccessSchema = z.enum(["none", "read", "read-write"]);
type QuestionnaireAccess = z.infer<typeof questionnaireAccessSchema>;
/**
 * A refresh token lets the app outlive its access token (EHRs issue 5–60 min tokens; a tumour board
 * or a questionnaire takes longer): fhirclient refreshes before expiry and once after a 401.
 * fhirclient uses a refresh token only when online_access or offline_access was granted.
 */
const refreshScopeSchema = z.enum(["none", "online_access", "offline_access"]);
type RefreshScope = z.infer<typeof refreshScopeSchema>;
const pkceModeSchema = z.enum(["ifSupported", "required"]);

export interface AppConfig {
  clientId: string;
  scopeStyle: ScopeStyle;
  /** When set, used verbatim instead of the scopes built from scopeStyle (standalone still drops `launch`). */
  scopes: string | null;
  questionnaireAccess: QuestionnaireAccess;
  refreshScope: RefreshScope;
  /** Relative to launch.html, or absolute. Must be registered with the EHR exactly as it resolves. */
  redirectUri: string;
  /** Per FHIR request attempt, ms. */
  fhirTimeoutMs: number;
  fhirMaxRetries: number;
  fhirPageSize: number;
  fhirMaxPages: number;
  /** EQ-5D-5L value set id (key in eq5d5l_valuesets.json). */
  defaultValueSet: string;
  /** "ifSupported": PKCE S256 whenever the server announces it; "required": refuse servers without it. */
  pkceMode: z.infer<typeof pkceModeSchema>;
  /**
   * FHIR base URLs the app may be launched against (same origin, whole-segment path prefix; launch/servers.ts).
   * Empty (the default): no server at all — an unconfigured installation refuses every launch and says what to
   * set. "any": every https server, an explicit choice for test installations only.
   */
  issAllowlist: ServerAllowlist;
  openServerLaunch: OpenServerLaunch;
  /**
   * Evidence older than this many days marks its score item stale (shown on the item, value kept):
   * performance status (KPS/ECOG) and palsy (Frankel). docs/clinical-rules.md gives the reasons for the defaults.
   */
  evidenceMaxAgeDays: EvidenceMaxAgeDays;
}

const buildClientId: unknown = import.meta.env?.VITE_SMART_CLIENT_ID;

/** Build-time defaults; app-config.json overrides any of them. */
export const DEFAULT_CONFIG: AppConfig = {
  clientId: typeof buildClientId === "string" && buildClientId !== "" ? buildClientId : "spine-met-qol",
  scopeStyle: "v1",
  scopes: null,
  questionnaireAccess: "none",
  refreshScope: "online_access",
  redirectUri: "./index.html",
  fhirTimeoutMs: 30_000,
  fhirMaxRetries: 3,
  fhirPageSize: 100,
  fhirMaxPages: 20,
  defaultValueSet: "Japan_cTTO_fullPrecision",
  pkceMode: "ifSupported",
  // Fail closed: what a hospital forgets to configure refuses rather than allows.
  issAllowlist: [],
  openServerLaunch: "off",
  evidenceMaxAgeDays: { ...DEFAULT_EVIDENCE_MAX_AGE_DAYS },
};

const nonEmpty = z.string().check(z.minLength(1), z.maxLength(2000));
const intIn = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));

/** What app-config.json may hold: every key optional, no unknown keys (a typo must not pass silently). */
const ConfigFile = z.strictObject({
  $comment: z.optional(z.string()),
  clientId: z.optional(nonEmpty.check(z.regex(/^\S+$/))),
  scopeStyle: z.optional(scopeStyleSchema),
  scopes: z.optional(z.nullable(nonEmpty)),
  questionnaireAccess: z.optional(questionnaireAccessSchema),
  refreshScope: z.optional(refreshScopeSchema),
  redirectUri: z.optional(nonEmpty),
  fhirTimeoutMs: z.optional(intIn(1000, 300_000)),
  fhirMaxRetries: z.optional(intIn(0, 10)),
  fhirPageSize: z.optional(intIn(1, 1000)),
  fhirMaxPages: z.optional(intIn(1, 1000)),
  defaultValueSet: z.optional(nonEmpty),
  pkceMode: z.optional(pkceModeSchema),
  issAllowlist: z.optional(
    z.union([
      z.literal("any"),
      z.array(
        z.string().check(
          z.refine((u) => parseServerUrl(u).ok, {
            error: "not a FHIR base URL (https, no credentials, query or dot segments)",
          }),
        ),
      ),
    ]),
  ),
  openServerLaunch: z.optional(z.enum(OPEN_SERVER_LAUNCH)),
  evidenceMaxAgeDays: z.optional(
    z.strictObject({
      performanceStatus: z.optional(evidenceMaxAgeDaysSchema),
      palsy: z.optional(evidenceMaxAgeDaysSchema),
    }),
  ),
});

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; problems: string[] };

interface Issue {
  code: string;
  path: PropertyKey[];
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  values?: unknown[];
  keys?: string[];
  expected?: unknown;
  format?: unknown;
  message?: string;
}

function describeIssue(issue: Issue): string {
  const where = issue.path.length > 0 ? issue.path.map(String).join(".") : "app-config.json";
  switch (issue.code) {
    case "unrecognized_keys": {
      // The canonical base was a setting once; it is fixed now (src/questionnaires/contract.ts).
      const keys = (issue.keys ?? []).filter((k) => k !== "questionnaireBase");
      const unknown = keys.length > 0 ? `unknown setting${keys.length === 1 ? "" : "s"}: ${keys.join(", ")}` : null;
      return [(issue.keys ?? []).includes("questionnaireBase") ? QUESTIONNAIRE_BASE_RETIRED : null, unknown]
        .filter(Boolean)
        .join("; ");
    }
    case "invalid_value":
      return `${where} must be one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_small":
      return issue.origin === "string"
        ? `${where} must not be empty`
        : `${where} must be at least ${String(issue.minimum)}`;
    case "too_big":
      return issue.origin === "string" ? `${where} is too long` : `${where} must be at most ${String(issue.maximum)}`;
    case "invalid_format":
      return issue.format === "regex" ? `${where} must not contain spaces` : `${where} must be an http(s) URL`;
    case "invalid_type":
      return `${where} must be ${issue.expected === "int" ? "a whole number" : `a ${String(issue.expected)}`}`;
    case "custom":
      return `${where} is ${issue.message ?? "not valid"}`;
    case "invalid_union":
      return where === "issAllowlist"
        ? `issAllowlist must be a list of FHIR base URLs, or "any"`
        : `${where} is not valid`;
    default:
      return `${where} is not valid`;
  }
}

/** Validates the parsed app-config.json and merges it over `defaults`. */
export function parseAppConfig(raw: unknown, defaults: AppConfig = DEFAULT_CONFIG): ConfigResult {
  const parsed = z.safeParse(ConfigFile, raw);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => describeIssue(i as unknown as Issue)) };
  }
  const { $comment: _comment, ...file } = parsed.data;
  const config: AppConfig = { ...defaults };
  for (const [key, value] of Object.entries(file)) {
    if (value !== undefined) (config as unknown as Record<string, unknown>)[key] = value;
  }
  // Nested: a file giving one window keeps the default of the other.
  const ages = file.evidenceMaxAgeDays;
  config.evidenceMaxAgeDays = {
    performanceStatus: ages?.performanceStatus ?? defaults.evidenceMaxAgeDays.performanceStatus,
    palsy: ages?.palsy ?? defaults.evidenceMaxAgeDays.palsy,
  };
  return { ok: true, config };
}

/**
 * Fetches and validates the configuration. A missing file (404) means the build-time defaults;
 * an unreadable or invalid one is an error to show, never silently ignored.
 */
export async function loadAppConfig(
  fetchFn: typeof fetch = (...args) => globalThis.fetch(...args),
  url = "./app-config.json",
  defaults: AppConfig = DEFAULT_CONFIG,
): Promise<ConfigResult> {
  let response: Response;
  try {
    // Relative to the page (launch.html and index.html sit next to app-config.json).
    const href = globalThis.location?.href ? new URL(url, globalThis.location.href).href : url;
    response = await fetchFn(href, { cache: "no-cache", headers: { accept: "application/json" } });
  } catch {
    return { ok: false, problems: ["app-config.json could not be loaded (network error)"] };
  }
  if (response.status === 404) return { ok: true, config: { ...defaults } };
  if (!response.ok) return { ok: false, problems: [`app-config.json could not be loaded (HTTP ${response.status})`] };
  let raw: unknown;
  try {
    raw = JSON.parse(await response.text());
  } catch {
    return { ok: false, problems: ["app-config.json is not valid JSON"] };
  }
  return parseAppConfig(raw, defaults);
}
