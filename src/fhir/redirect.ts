/**
 * The redirect page's side of the launch: `FHIR.oauth2.ready()` (token exchange with the PKCE
 * verifier, the code and state removed from the address bar, state kept in sessionStorage by
 * fhirclient), with its failures as typed states the UI can show. A redirect that ends the launch without a
 * session (refused, failed exchange, a code without state) leaves nothing behind: its parameters leave the
 * address bar and the launch's state, PKCE verifier included, leaves sessionStorage.
 */
import type Client from "fhirclient/lib/Client";
import { FaultError } from "./faults";
import { forgetLaunchState } from "./launch-state";

export type SessionFault =
  /** The page was opened without a launch (no state in this tab): open the app from the EHR. */
  | { kind: "no-launch" }
  /**
   * The authorization server refused (`?error=access_denied` …): its OAuth error code and its description
   * (RFC 6749 §4.1.2.1), both cut to printable text; shown as text, never as HTML.
   */
  | { kind: "authorization-denied"; error: string; description: string | null }
  /**
   * The code could not be exchanged for a token (expired code, PKCE mismatch, client not allowed): the token
   * endpoint's OAuth error and description when it gave them (RFC 6749 §5.2), as printable text.
   */
  | { kind: "token-exchange-failed"; error: string | null; description: string | null }
  /**
   * An authorization code arrived without the `state` this tab's launch sent: it may have been planted
   * (login CSRF), so it is not exchanged.
   */
  | { kind: "state-missing" }
  /** The launch's FHIR server is not (or no longer) one this installation may use (app-config.json). */
  | { kind: "server-not-allowed" };

/** The error the SMART session throws when the launch or the token exchange fails. */
export class SessionError extends FaultError<SessionFault> {
  override readonly name = "SessionError";
}

/** The part of fhirclient's browser API used here (FHIR.oauth2), injectable for tests. */
export interface SmartOAuth2 {
  ready: (options?: object) => Promise<Client>;
  settings: Record<string, unknown>;
}

const NO_STATE = /\bstate\b.*\(re\)launch/i;

/** An OAuth error parameter as printable text of bounded length (no control characters, no markup meaning). */
function oauthText(value: string | null, pattern: RegExp, max: number): string | null {
  if (value === null) return null;
  const text = value.replace(pattern, "").replace(/\s+/g, " ").trim().slice(0, max);
  return text === "" ? null : text;
}

const OAUTH_ERROR_CODE = /[^\w.-]/g;
const NOT_PRINTABLE = /\p{C}/gu;

/**
 * The token endpoint's error from fhirclient's HttpError, whose message is "<status> <text>\nURL: <url>" and,
 * for a JSON error body, "\n<error>[: <error_description>]" after it (a text body follows a blank line).
 */
function tokenEndpointError(error: unknown): { error: string | null; description: string | null } {
  const none = { error: null, description: null };
  if (!(error instanceof Error) || error.name !== "HttpError") return none;
  const rest = error.message.split("\n").slice(2).join("\n");
  const m = /^([\w.-]+)(?:: ([\s\S]*))?$/.exec(rest);
  if (!m?.[1]) return none;
  return { error: oauthText(m[1], OAUTH_ERROR_CODE, 64), description: oauthText(m[2] ?? null, NOT_PRINTABLE, 300) };
}

/** Ends a launch that gives no session: the redirect's parameters leave the address bar, its state the storage. */
function endLaunch(href: string): void {
  const storage = globalThis.sessionStorage as Storage | undefined;
  if (storage) forgetLaunchState(storage);
  const location = globalThis.location as Location | undefined;
  if (location?.href === href && location.search !== "") {
    const url = new URL(href);
    url.search = "";
    globalThis.history.replaceState(globalThis.history.state, "", url.href);
  }
}

/** The redirect's own parameters, read before fhirclient acts on them. */
function redirectParams(href: string): URLSearchParams {
  try {
    return new URL(href).searchParams;
  } catch {
    return new URLSearchParams();
  }
}

/**
 * After the code exchange fhirclient keeps the PKCE verifier and challenge in its state: they are of no
 * further use and are removed, through fhirclient's own storage, so that nothing beyond the token response
 * and the endpoints stays in sessionStorage.
 */
async function dropSpentSecrets(client: Client): Promise<void> {
  const state = client.state as typeof client.state & { codeVerifier?: string; codeChallenge?: string };
  if (state.codeVerifier === undefined && state.codeChallenge === undefined) return;
  delete state.codeVerifier;
  delete state.codeChallenge;
  if (state.key) await client.environment.getStorage().set(state.key, state);
}

/**
 * Completes the authorization on the redirect page and returns the fhirclient Client.
 * Rejects with a `SessionError`. `smart` defaults to fhirclient's browser FHIR.oauth2 (loaded lazily
 * so that importing this module does not load fhirclient outside a browser).
 */
export async function readySession(
  smart?: SmartOAuth2,
  href: string = globalThis.location?.href ?? "",
): Promise<Client> {
  const params = redirectParams(href);
  if (params.has("error")) {
    const fault: SessionFault = {
      kind: "authorization-denied",
      error: oauthText(params.get("error"), OAUTH_ERROR_CODE, 64) ?? "error",
      description: oauthText(params.get("error_description"), NOT_PRINTABLE, 300),
    };
    endLaunch(href);
    throw new SessionError(fault);
  }
  // fhirclient would fall back to the state of the last launch in this tab: a code alone is not accepted.
  if (params.has("code") && !params.get("state")) {
    endLaunch(href);
    throw new SessionError({ kind: "state-missing" });
  }

  const oauth2: SmartOAuth2 = smart ?? (await import("fhirclient/lib/entry/browser")).default.oauth2;
  // Public clients must name themselves in the refresh grant (RFC 6749 §6 with §3.2.1).
  oauth2.settings.refreshTokenWithClientId = true;

  let client: Client;
  try {
    client = await oauth2.ready();
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    if (NO_STATE.test(message)) throw new SessionError({ kind: "no-launch" });
    endLaunch(href);
    throw new SessionError({ kind: "token-exchange-failed", ...tokenEndpointError(error) });
  }
  await dropSpentSecrets(client).catch(() => undefined);
  return client;
}
