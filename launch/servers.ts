/**
 * Which FHIR servers this installation may talk to. One rule for every place that decides it: the launch
 * page (`iss`, `fhirServiceUrl`), the redirect page (the server fhirclient's state names) and app-config.json
 * (its `issAllowlist` entries).
 *
 * URLs are compared parsed, never as raw strings: `https://ehr/R4/../other-tenant` would match a raw prefix
 * `https://ehr/R4` and then resolve elsewhere on the host. A server address is refused outright when it
 * carries dot segments (raw or percent-encoded), encoded slashes or backslashes, credentials, a query or a
 * fragment: a FHIR base has none of these, and each is a way to make one string mean two places.
 * An allowlist entry matches the same origin (scheme, host, port) and a whole-segment path prefix.
 */

/** Open-server debug launches (`fhirServiceUrl` + `patientId`, no authorization): where they are allowed. */
export const OPEN_SERVER_LAUNCH = ["off", "loopback", "any"] as const;
export type OpenServerLaunch = (typeof OPEN_SERVER_LAUNCH)[number];

/** "any": every https server (and http on loopback): an explicit choice, never the default. */
export type ServerAllowlist = readonly string[] | "any";

type ServerUrlProblem = "invalid" | "insecure";

export type ParsedServer = { ok: true; url: URL; segments: string[] } | { ok: false; problem: ServerUrlProblem };

function isLoopback(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return (
    host === "localhost" || host.endsWith(".localhost") || host === "127.0.0.1" || host === "[::1]" || host === "::1"
  );
}

/** A path segment that is `.` or `..`, written plainly or percent-encoded (`%2e`, `.%2E` …). */
const DOT_SEGMENT = /(^|\/)(\.|%2e){1,2}(\/|$)/i;
/** Characters that servers and proxies may turn into a path separator after our check. */
const SEPARATOR_LOOKALIKE = /\\|%2f|%5c/i;

/** Parses a FHIR base URL as the allowlist sees it; trailing slashes do not count. */
export function parseServerUrl(raw: string): ParsedServer {
  const text = raw.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (!scheme) return { ok: false, problem: "invalid" };
  const afterScheme = text.slice(scheme[0].length);
  const slash = afterScheme.indexOf("/");
  const rawPath = slash >= 0 ? afterScheme.slice(slash) : "";
  if (DOT_SEGMENT.test(rawPath) || SEPARATOR_LOOKALIKE.test(text) || /[?#]/.test(text))
    return { ok: false, problem: "invalid" };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: "invalid" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, problem: "invalid" };
  if (url.username !== "" || url.password !== "" || /@/.test(afterScheme.slice(0, slash >= 0 ? slash : undefined))) {
    return { ok: false, problem: "invalid" };
  }
  if (url.protocol === "http:" && !isLoopback(url)) return { ok: false, problem: "insecure" };
  const segments = url.pathname.split("/").filter((s) => s !== "");
  return { ok: true, url, segments };
}

/** Whether `server` (already parsed) lies under one of the allowlist's bases. */
export function serverAllowed(server: Extract<ParsedServer, { ok: true }>, allowlist: ServerAllowlist): boolean {
  if (allowlist === "any") return true;
  return allowlist.some((entry) => {
    const base = parseServerUrl(entry);
    if (!base.ok || base.url.origin !== server.url.origin) return false;
    if (base.segments.length > server.segments.length) return false;
    return base.segments.every((s, i) => s === server.segments[i]);
  });
}

export type ServerCheck =
  { ok: true; url: URL } | { ok: false; problem: ServerUrlProblem | "not-allowed" | "no-allowlist" };

/** The whole check: a well-formed, secure base on the allowlist. An empty allowlist allows nothing. */
export function checkServerUrl(raw: string, allowlist: ServerAllowlist): ServerCheck {
  const parsed = parseServerUrl(raw);
  if (!parsed.ok) return parsed;
  if (allowlist !== "any" && allowlist.length === 0) return { ok: false, problem: "no-allowlist" };
  if (!serverAllowed(parsed, allowlist)) return { ok: false, problem: "not-allowed" };
  return { ok: true, url: parsed.url };
}

/** Whether a session without authorization may be run against this server (`openServerLaunch`). */
export function openServerAllowed(raw: string, mode: OpenServerLaunch): boolean {
  const parsed = parseServerUrl(raw);
  if (!parsed.ok) return false;
  return mode === "any" || (mode === "loopback" && isLoopback(parsed.url));
}
