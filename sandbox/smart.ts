/**
 * The sandbox's SMART App Launch authorization server (v1 and v2): discovery document, an auto-approving
 * authorize endpoint (EHR launch with an opaque `launch`, standalone launch with a patient picker), PKCE S256,
 * exact redirect_uri matching, a token endpoint (authorization_code, refresh_token), short-lived opaque access
 * tokens and an RS256 id_token (public key at /auth/jwks). Tokens and codes live in memory and never appear in logs.
 * The pages a person sees (the standalone launch's patient picker, the authorize error page) are in picker.ts.
 */
import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Bundle, Encounter } from "fhir/r4";
import type { Engine } from "./engine";
import { corsHeaders, HttpError, readBody, sendJson } from "./http-util";
import { newSigningKey, signRs256, type PublicJwk } from "./jwt";
import { authErrorPage, pickerPage, type PickablePatient } from "./picker";
import { grantedScopeString, isSubset, parseScopes, type ParsedScopes } from "./scopes";

const CLIENT_ID = "spine-met-qol";
export const PRACTITIONER_ID = "sandbox-surgeon";
/** The synthetic clinician's display name: the Practitioner's name.text and the id_token's `name` claim. */
export const PRACTITIONER_NAME = "Dr Sam Sandbox (synthetic)";

const SMART_CAPABILITIES = [
  "launch-ehr",
  "launch-standalone",
  "client-public",
  "context-ehr-patient",
  "context-ehr-encounter",
  "context-standalone-patient",
  "context-standalone-encounter",
  "context-banner",
  "permission-patient",
  "permission-user",
  "permission-offline",
  "permission-online",
  "permission-v1",
  "permission-v2",
  "sso-openid-connect",
];

/** The EHR's opaque launch context: base64url JSON, meaningless to the app. */
export interface EhrLaunchContext {
  patient: string;
  encounter?: string;
}

export function encodeLaunch(ctx: EhrLaunchContext): string {
  return Buffer.from(JSON.stringify({ p: ctx.patient, ...(ctx.encounter ? { e: ctx.encounter } : {}) })).toString(
    "base64url",
  );
}

export function decodeLaunch(launch: string): EhrLaunchContext | null {
  try {
    const v = JSON.parse(Buffer.from(launch, "base64url").toString("utf8")) as { p?: unknown; e?: unknown };
    if (typeof v.p !== "string" || !v.p) return null;
    return { patient: v.p, ...(typeof v.e === "string" && v.e ? { encounter: v.e } : {}) };
  } catch {
    return null;
  }
}

export function s256(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}

const token = (): string => randomBytes(32).toString("base64url");

interface Context {
  patient?: string;
  encounter?: string;
}

/** What a code, an access token and a refresh token all grant: a client, a scope, a launch context, a server. */
interface Grant {
  clientId: string;
  scope: string;
  context: Context;
  fhirBase: string;
}
const grantOf = ({ clientId, scope, context, fhirBase }: Grant): Grant => ({ clientId, scope, context, fhirBase });

interface CodeRecord extends Grant {
  redirectUri: string;
  challenge: string;
  nonce: string | null;
  expiresAt: number;
  used: boolean;
  /** Tokens issued from this code: revoked when the code is replayed (RFC 6749 §4.1.2). */
  issued: string[];
}

interface AccessRecord extends Grant {
  scopes: ParsedScopes;
  expiresAt: number;
}

interface RefreshRecord extends Grant {
  expiresAt: number;
  code: string | null;
}

export interface SmartOptions {
  engine: Engine;
  now: () => number;
  accessTokenTtlSeconds: number;
  codeTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** The patients offered by the standalone picker: id and a one-line label. */
  listPatients: () => Promise<PickablePatient[]>;
}

/** Per-request URLs (the host the browser used). */
export interface SmartUrls {
  origin: string;
  fhirBase: string;
  authorize: string;
  token: string;
  jwks: string;
  /** Exact redirect URIs registered for the client. */
  redirectUris: string[];
}

type OAuthError =
  | "invalid_request"
  | "unauthorized_client"
  | "access_denied"
  | "unsupported_response_type"
  | "invalid_scope"
  | "server_error"
  | "invalid_grant"
  | "invalid_client"
  | "unsupported_grant_type";

class RedirectError extends Error {
  constructor(
    readonly error: OAuthError,
    message: string,
  ) {
    super(message);
  }
}

class TokenError extends Error {
  constructor(
    readonly error: OAuthError,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export class SmartAuthServer {
  private readonly codes = new Map<string, CodeRecord>();
  private readonly access = new Map<string, AccessRecord>();
  private readonly refresh = new Map<string, RefreshRecord>();
  /** Signs id_tokens; its public half is the JWKS at /auth/jwks. */
  private readonly signingKey = newSigningKey();

  constructor(private readonly opts: SmartOptions) {}

  /** The public keys of the id_token signature (served at /auth/jwks). */
  jwks(): { keys: PublicJwk[] } {
    return { keys: [this.signingKey.jwk] };
  }

  smartConfiguration(urls: SmartUrls): Record<string, unknown> {
    return {
      issuer: urls.fhirBase,
      jwks_uri: urls.jwks,
      authorization_endpoint: urls.authorize,
      token_endpoint: urls.token,
      token_endpoint_auth_methods_supported: ["none"],
      grant_types_supported: ["authorization_code", "refresh_token"],
      response_types_supported: ["code"],
      code_challenge_methods_supported: ["S256"],
      scopes_supported: [
        "openid",
        "fhirUser",
        "profile",
        "launch",
        "launch/patient",
        "launch/encounter",
        "offline_access",
        "online_access",
        "patient/*.read",
        "patient/*.write",
        "patient/*.rs",
        "patient/*.cruds",
        "user/*.read",
        "user/*.write",
        "user/*.rs",
        "user/*.cruds",
      ],
      capabilities: SMART_CAPABILITIES,
    };
  }

  private prune(): void {
    const now = this.opts.now();
    for (const [k, v] of this.codes) if (v.expiresAt + 60_000 < now) this.codes.delete(k);
    for (const [k, v] of this.access) if (v.expiresAt < now) this.access.delete(k);
    for (const [k, v] of this.refresh) if (v.expiresAt < now) this.refresh.delete(k);
  }

  /** Checks `Authorization: Bearer …` for the protected FHIR base. */
  authenticate(
    req: IncomingMessage,
    fhirBase: string,
  ): { ok: true; scopes: ParsedScopes; patient: string | null } | { ok: false; error: string; description: string } {
    const h = req.headers.authorization ?? "";
    const m = /^Bearer\s+(\S+)$/i.exec(h);
    if (!m?.[1]) return { ok: false, error: "invalid_request", description: "Missing bearer token" };
    const rec = this.access.get(m[1]);
    if (!rec) return { ok: false, error: "invalid_token", description: "Unknown or revoked access token" };
    if (rec.expiresAt <= this.opts.now()) {
      this.access.delete(m[1]);
      return { ok: false, error: "invalid_token", description: "The access token has expired" };
    }
    if (rec.fhirBase !== fhirBase)
      return { ok: false, error: "invalid_token", description: "The token was issued for another server" };
    return { ok: true, scopes: rec.scopes, patient: rec.context.patient ?? null };
  }

  // ------------------------------------------------------------------------------------------- authorize

  async authorize(req: IncomingMessage, res: ServerResponse, urls: SmartUrls, search: string): Promise<void> {
    const params = new URLSearchParams(search);
    if (req.method === "POST") {
      const body = new URLSearchParams((await readBody(req)).toString("utf8"));
      for (const [k, v] of body) params.append(k, v);
    } else if (req.method !== "GET") {
      throw new HttpError(405, "authorize accepts GET and POST");
    }
    const clientId = params.get("client_id") ?? "";
    const redirectUri = params.get("redirect_uri") ?? "";
    // Never redirect to an unverified URI: errors about the client or the redirect are shown here.
    if (clientId !== CLIENT_ID) {
      return authErrorPage(
        res,
        400,
        "Unknown client",
        `client_id "${clientId}" is not registered with this sandbox (expected "${CLIENT_ID}").`,
      );
    }
    if (!urls.redirectUris.includes(redirectUri)) {
      return authErrorPage(
        res,
        400,
        "redirect_uri does not match",
        `The redirect_uri "${redirectUri}" is not registered for ${CLIENT_ID}. Registered: ${urls.redirectUris.join(", ")}.`,
      );
    }
    const state = params.get("state");
    try {
      if (params.get("response_type") !== "code")
        throw new RedirectError("unsupported_response_type", "response_type must be code");
      if (!state) throw new RedirectError("invalid_request", "state is required");
      const aud = (params.get("aud") ?? "").replace(/\/+$/, "");
      if (aud !== urls.fhirBase)
        throw new RedirectError("invalid_request", `aud must be the FHIR base URL ${urls.fhirBase}`);
      const challenge = params.get("code_challenge") ?? "";
      if (params.get("code_challenge_method") !== "S256" || !/^[A-Za-z0-9_-]{43,128}$/.test(challenge)) {
        throw new RedirectError("invalid_request", "PKCE is required: code_challenge with code_challenge_method=S256");
      }
      const requested = params.get("scope") ?? "";
      const parsed = parseScopes(requested);
      const scope = grantedScopeString(parsed, requested);
      if (!scope) throw new RedirectError("invalid_scope", "No recognised scope was requested");

      const context: Context = {};
      const launch = params.get("launch");
      if (launch) {
        if (!parsed.other.has("launch"))
          throw new RedirectError("invalid_scope", "An EHR launch needs the 'launch' scope");
        const ctx = decodeLaunch(launch);
        if (!ctx || !(await this.patientExists(ctx.patient)))
          throw new RedirectError("invalid_request", "Unknown launch context");
        context.patient = ctx.patient;
        if (ctx.encounter) context.encounter = ctx.encounter;
      } else if (parsed.other.has("launch/patient")) {
        const picked = params.get("sandbox_patient");
        if (!picked) return pickerPage(res, urls.authorize, params, await this.opts.listPatients());
        if (!(await this.patientExists(picked))) throw new RedirectError("invalid_request", "Unknown patient");
        context.patient = picked;
        if (parsed.other.has("launch/encounter")) {
          const enc = await this.latestEncounter(picked);
          if (enc) context.encounter = enc;
        }
      }

      const code = token();
      this.prune();
      this.codes.set(code, {
        clientId,
        redirectUri,
        challenge,
        scope,
        context,
        nonce: params.get("nonce"),
        fhirBase: urls.fhirBase,
        expiresAt: this.opts.now() + this.opts.codeTtlSeconds * 1000,
        used: false,
        issued: [],
      });
      const target = new URL(redirectUri);
      target.searchParams.set("code", code);
      target.searchParams.set("state", state);
      res.writeHead(302, {
        Location: target.toString(),
        "Cache-Control": "no-store",
        "Referrer-Policy": "no-referrer",
      });
      res.end();
    } catch (err) {
      if (!(err instanceof RedirectError)) throw err;
      const target = new URL(redirectUri);
      target.searchParams.set("error", err.error);
      target.searchParams.set("error_description", err.message);
      if (state) target.searchParams.set("state", state);
      res.writeHead(302, {
        Location: target.toString(),
        "Cache-Control": "no-store",
        "Referrer-Policy": "no-referrer",
      });
      res.end();
    }
  }

  private async patientExists(id: string): Promise<boolean> {
    if (!/^[A-Za-z0-9\-.]{1,64}$/.test(id)) return false;
    const [oo] = await this.opts.engine.handle("GET", `Patient/${id}`);
    return oo.id === "ok" || oo.issue?.[0]?.severity === "information";
  }

  private async latestEncounter(patient: string): Promise<string | null> {
    const q = new URLSearchParams({ subject: `Patient/${patient}`, _sort: "-date", _count: "1" });
    const [, bundle] = await this.opts.engine.handle("GET", `Encounter?${q.toString()}`);
    const enc = (bundle as unknown as Bundle | undefined)?.entry?.[0]?.resource as Encounter | undefined;
    return enc?.id ?? null;
  }

  // ----------------------------------------------------------------------------------------------- token

  async token(req: IncomingMessage, res: ServerResponse, urls: SmartUrls): Promise<void> {
    const cors = corsHeaders(req);
    const noStore = { ...cors, "Cache-Control": "no-store", Pragma: "no-cache" };
    try {
      if (req.method !== "POST") throw new TokenError("invalid_request", "Use POST", 405);
      const ct = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
      if (ct !== "application/x-www-form-urlencoded") {
        throw new TokenError("invalid_request", "Content-Type must be application/x-www-form-urlencoded");
      }
      const form = new URLSearchParams((await readBody(req)).toString("utf8"));
      let clientId = form.get("client_id") ?? "";
      const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? "");
      if (basic?.[1]) clientId = Buffer.from(basic[1], "base64").toString("utf8").split(":")[0] ?? clientId;
      if (clientId !== "" && clientId !== CLIENT_ID) throw new TokenError("invalid_client", "Unknown client", 401);
      this.prune();
      const grant = form.get("grant_type");
      // A public client names itself in the code exchange (RFC 6749 §4.1.3); a refresh may omit client_id
      // (§6; fhirclient sends none unless refreshTokenWithClientId is set): the refresh token says whose it is.
      if (grant === "authorization_code" && clientId === "")
        throw new TokenError("invalid_request", "client_id is required");
      const body =
        grant === "authorization_code"
          ? this.exchangeCode(form, clientId, urls)
          : grant === "refresh_token"
            ? this.refreshGrant(form, clientId, urls)
            : (() => {
                throw new TokenError("unsupported_grant_type", `grant_type ${grant ?? "(missing)"} is not supported`);
              })();
      sendJson(res, 200, body, noStore);
    } catch (err) {
      if (err instanceof TokenError) {
        sendJson(res, err.status, { error: err.error, error_description: err.message }, noStore);
        return;
      }
      throw err;
    }
  }

  private exchangeCode(form: URLSearchParams, clientId: string, urls: SmartUrls): Record<string, unknown> {
    const code = form.get("code") ?? "";
    const rec = this.codes.get(code);
    if (!rec) throw new TokenError("invalid_grant", "Unknown authorization code");
    if (rec.used) {
      for (const t of rec.issued) {
        this.access.delete(t);
        this.refresh.delete(t);
      }
      throw new TokenError("invalid_grant", "The authorization code was already used");
    }
    if (rec.expiresAt <= this.opts.now()) throw new TokenError("invalid_grant", "The authorization code has expired");
    if (rec.clientId !== clientId) throw new TokenError("invalid_grant", "The code was issued to another client");
    if (form.get("redirect_uri") !== rec.redirectUri)
      throw new TokenError("invalid_grant", "redirect_uri does not match the authorization request");
    if (rec.fhirBase !== urls.fhirBase) throw new TokenError("invalid_grant", "The code was issued for another server");
    const verifier = form.get("code_verifier") ?? "";
    if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier) || s256(verifier) !== rec.challenge) {
      throw new TokenError("invalid_grant", "PKCE verification failed");
    }
    rec.used = true;
    return this.issue(grantOf(rec), rec.nonce, code);
  }

  private refreshGrant(form: URLSearchParams, clientId: string, urls: SmartUrls): Record<string, unknown> {
    const rt = form.get("refresh_token") ?? "";
    const rec = this.refresh.get(rt);
    if (!rec || rec.expiresAt <= this.opts.now())
      throw new TokenError("invalid_grant", "Unknown or expired refresh token");
    if (clientId !== "" && rec.clientId !== clientId)
      throw new TokenError("invalid_grant", "The refresh token was issued to another client");
    if (rec.fhirBase !== urls.fhirBase)
      throw new TokenError("invalid_grant", "The refresh token was issued for another server");
    const asked = form.get("scope");
    if (asked && !isSubset(asked, rec.scope))
      throw new TokenError("invalid_scope", "A refresh may not widen the scope");
    this.refresh.delete(rt); // rotation: each refresh token works once
    return this.issue({ ...grantOf(rec), scope: asked ?? rec.scope }, null, rec.code);
  }

  private issue(grant: Grant, nonce: string | null, code: string | null): Record<string, unknown> {
    const { clientId, scope, context, fhirBase } = grant;
    const now = this.opts.now();
    const scopes = parseScopes(scope);
    const accessToken = token();
    this.access.set(accessToken, { ...grant, scopes, expiresAt: now + this.opts.accessTokenTtlSeconds * 1000 });
    const body: Record<string, unknown> = {
      access_token: accessToken,
      token_type: "Bearer",
      expires_in: this.opts.accessTokenTtlSeconds,
      scope,
      need_patient_banner: true,
    };
    if (context.patient) body.patient = context.patient;
    if (context.encounter) body.encounter = context.encounter;
    const issued = [accessToken];
    if (scopes.other.has("offline_access") || scopes.other.has("online_access")) {
      const refreshToken = token();
      this.refresh.set(refreshToken, { ...grant, expiresAt: now + this.opts.refreshTokenTtlSeconds * 1000, code });
      body.refresh_token = refreshToken;
      issued.push(refreshToken);
    }
    if (scopes.other.has("openid") && (scopes.other.has("fhirUser") || scopes.other.has("profile"))) {
      const fhirUser = `${fhirBase}/Practitioner/${PRACTITIONER_ID}`;
      body.id_token = signRs256(
        {
          iss: fhirBase,
          sub: PRACTITIONER_ID,
          aud: clientId,
          iat: Math.floor(now / 1000),
          exp: Math.floor(now / 1000) + this.opts.accessTokenTtlSeconds,
          fhirUser,
          profile: fhirUser,
          // The OpenID Connect `name` claim, as EHRs put the signed-in user's display name into the id_token.
          name: PRACTITIONER_NAME,
          ...(nonce ? { nonce } : {}),
        },
        this.signingKey,
      );
    }
    if (code) this.codes.get(code)?.issued.push(...issued);
    return body;
  }
}
