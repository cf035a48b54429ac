/**
 * The redirect page's side of the launch: `FHIR.oauth2.ready()` (token exchange with the PKCE
 * verifier, the code and state removed from the address bar, state kept in sessionStorage by
 * fhirclient), with its failures as typed states the UI can show.
 */
import type Client from "fhirclient/lib/Client";
import { FaultError } from "./faults";

export type SessionFault =
  /** The page was opened without a launch (no state in this tab): open the app from the EHR. */
  | { kind: "no-launch" }
  /**
   * The authorization server refused (`?error=access_denied` …): its OAuth error code and its description
   * (RFC 6749 §4.1.2.1), both cut to printable text; shown as text, never as HTML.
   */
  | { kind: "authorization-denied"; error: string; description: string | null }
  /** The code could not be exchanged for a token (expired code, PKCE mismatch, client not allowed). */
  | { kind: "token-exchange-failed" }
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
  const oauthError = oauthText(params.get("error"), /[^\w.-]/g, 64);
  if (params.has("error")) {
    throw new SessionError({
      kind: "authorization-denied",
      error: oauthError ?? "error",
      description: oauthText(params.get("error_description"), /\p{C}/gu, 300),
    });
  }
  // fhirclient would fall back to the state of the last launch in this tab: a code alone is not accepted.
  if (params.has("code") && !params.get("state")) throw new SessionError({ kind: "state-missing" });

  const oauth2: SmartOAuth2 = smart ?? (await import("fhirclient/lib/entry/browser")).default.oauth2;
  // Public clients must name themselves in the refresh grant (RFC 6749 §6 with §3.2.1).
  oauth2.settings.refreshTokenWithClientId = true;

  let client: Client;
  try {
    client = await oauth2.ready();
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    if (NO_STATE.test(message)) throw new SessionError({ kind: "no-launch" });
    throw new SessionError({ kind: "token-exchange-failed" });
  }
  await dropSpentSecrets(client).catch(() => undefined);
  return client;
}
