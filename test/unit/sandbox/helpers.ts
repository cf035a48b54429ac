/** Shared helpers for the sandbox's unit tests: an in-process sandbox on a free port, reached with real fetch. */
import { createHash, randomBytes } from "node:crypto";
import { http, passthrough } from "msw";
import { beforeEach } from "vitest";
import { server } from "../../setup/msw-server";

/** The shared msw server rejects unhandled requests: let every request to the local sandbox through. */
export function allowLoopback(): void {
  beforeEach(() => {
    server.use(http.all(/^http:\/\/(127\.0\.0\.1|localhost):\d+\//, () => passthrough()));
  });
}

export const CLIENT_ID = "spine-met-qol";

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function pkce(): Pkce {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export interface AuthorizeParams {
  origin: string;
  fhirBase: string;
  scope: string;
  launch?: string;
  redirectUri?: string;
  state?: string;
  pkce?: Pkce | null;
  aud?: string;
  extra?: Record<string, string>;
}

function authorizeUrl(p: AuthorizeParams): string {
  const q = new URLSearchParams({
    response_type: "code",
    client_id: CLIENT_ID,
    redirect_uri: p.redirectUri ?? `${p.origin}/app/index.html`,
    scope: p.scope,
    state: p.state ?? "state-123",
    aud: p.aud ?? p.fhirBase,
    ...(p.launch ? { launch: p.launch } : {}),
    ...(p.pkce ? { code_challenge: p.pkce.challenge, code_challenge_method: "S256" } : {}),
    ...(p.extra ?? {}),
  });
  return `${p.origin}/auth/authorize?${q.toString()}`;
}

/** Follows nothing: returns the status and the Location header of the authorize response. */
export async function authorize(p: AuthorizeParams): Promise<{ status: number; location: URL | null; body: string }> {
  const res = await fetch(authorizeUrl(p), { redirect: "manual" });
  const loc = res.headers.get("location");
  return { status: res.status, location: loc ? new URL(loc) : null, body: await res.text() };
}

export async function tokenRequest(
  origin: string,
  form: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${origin}/auth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** authorize + code exchange; returns the token response. */
export async function login(p: AuthorizeParams & { pkce: Pkce }): Promise<Record<string, unknown>> {
  const a = await authorize(p);
  const code = a.location?.searchParams.get("code");
  if (a.status !== 302 || !code) throw new Error(`authorize failed: ${a.status} ${a.location?.toString() ?? a.body}`);
  const t = await tokenRequest(p.origin, {
    grant_type: "authorization_code",
    code,
    redirect_uri: p.redirectUri ?? `${p.origin}/app/index.html`,
    code_verifier: p.pkce.verifier,
    client_id: CLIENT_ID,
  });
  if (t.status !== 200) throw new Error(`token failed: ${t.status} ${JSON.stringify(t.body)}`);
  return t.body;
}

export async function getJson(
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
