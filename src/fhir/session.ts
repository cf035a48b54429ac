/**
 * The redirect page's side of the launch: `FHIR.oauth2.ready()` (token exchange with the PKCE
 * verifier, the code and state removed from the address bar, state kept in sessionStorage by
 * fhirclient), with its failures as typed states the UI can show.
 */
import type Client from "fhirclient/lib/Client";

export type SessionFault =
  /** The page was opened without a launch (no state in this tab): open the app from the EHR. */
  | { kind: "no-launch" }
  /** The authorization server refused (`?error=access_denied` …); `error` is its OAuth error code. */
  | { kind: "authorization-denied"; error: string }
  /** The code could not be exchanged for a token (expired code, PKCE mismatch, client not allowed). */
  | { kind: "token-exchange-failed" };

export class SessionError extends Error {
  readonly fault: SessionFault;
  constructor(fault: SessionFault) {
    super(
      fault.kind === "no-launch"
        ? "The app was opened without a launch. Open it from the patient's chart in the EHR."
        : fault.kind === "authorization-denied"
          ? `The EHR refused the authorization (${fault.error}). Open the app again from the patient's chart.`
          : "The EHR did not complete the sign-in (token exchange failed). Open the app again from the patient's chart.",
    );
    this.name = "SessionError";
    this.fault = fault;
  }
}

/** The part of fhirclient's browser API used here (FHIR.oauth2), injectable for tests. */
export interface SmartOAuth2 {
  ready: (options?: object) => Promise<Client>;
  settings: Record<string, unknown>;
}

const NO_STATE = /\bstate\b.*\(re\)launch/i;

/**
 * Completes the authorization on the redirect page and returns the fhirclient Client.
 * Rejects with a `SessionError`. `smart` defaults to fhirclient's browser FHIR.oauth2 (loaded lazily
 * so that importing this module does not load fhirclient outside a browser).
 */
export async function readySession(smart?: SmartOAuth2, href: string = globalThis.location?.href ?? ""): Promise<Client> {
  const oauth2: SmartOAuth2 = smart ?? (await import("fhirclient/lib/entry/browser")).default.oauth2;
  // Public clients must name themselves in the refresh grant (RFC 6749 §6 with §3.2.1).
  oauth2.settings.refreshTokenWithClientId = true;

  let oauthError: string | null = null;
  try {
    oauthError = new URL(href).searchParams.get("error");
  } catch {
    oauthError = null;
  }
  try {
    return await oauth2.ready();
  } catch (error) {
    if (oauthError !== null) {
      throw new SessionError({ kind: "authorization-denied", error: oauthError.replace(/[^\w.-]/g, "").slice(0, 64) || "error" });
    }
    const message = error instanceof Error ? error.message : "";
    if (NO_STATE.test(message)) throw new SessionError({ kind: "no-launch" });
    throw new SessionError({ kind: "token-exchange-failed" });
  }
}
