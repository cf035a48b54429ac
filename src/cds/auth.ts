/**
 * CDS Hooks 2.0 "Trusting CDS Clients": the client's JWT in `Authorization: Bearer`, verified with jose.
 *
 * Header: `alg` asymmetric only and one this issuer may use (never `none`, never HMAC), `kid` required,
 * `typ` JWT. A `jku` is honoured (its key set fetched) only when it is listed for the issuer (`allowedJku`);
 * any other `jku` is never fetched: the token is verified with the issuer's configured keys (`jwks` or
 * `jwksUrl`), and refused when the issuer has none. (Clients such as the official CDS Hooks sandbox send a
 * `jku` on every token, also to services that hold their keys.)
 * Payload: `iss` one of the trusted clients; `aud` the exact endpoint URL called (string or array); `exp`,
 * `iat` (not in the future, not older than maxAgeSeconds), `jti` not seen before (remembered until the token
 * can no longer be valid, bounded in number). CDS Hooks 2.0 has no `sub` claim; it is not required.
 * The token is never logged; failures carry a short reason for the 401 body.
 */
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from "jose";
import { ASYMMETRIC_ALGORITHMS, type TrustedClient } from "./config";

export type AuthResult = { ok: true; iss: string } | { ok: false; reason: string };

export interface VerifierOptions {
  clockToleranceSeconds: number;
  maxAgeSeconds: number;
  replayCacheSize: number;
  /** Clock in ms (tests). */
  now?: () => number;
}

/** jti values seen, each until the time after which its token cannot pass anyway; oldest dropped beyond the cap. */
export class ReplayCache {
  private readonly seen = new Map<string, number>();
  constructor(private readonly max: number) {}

  /** True when the key was not seen (and records it until `until`, ms); false for a replay. */
  claim(key: string, until: number, now: number): boolean {
    this.prune(now);
    const prev = this.seen.get(key);
    if (prev !== undefined && prev > now) return false;
    this.seen.delete(key);
    this.seen.set(key, until);
    while (this.seen.size > this.max) {
      const oldest = this.seen.keys().next().value;
      if (oldest === undefined) break;
      this.seen.delete(oldest);
    }
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private prune(now: number): void {
    // Entries are in insertion order, not expiry order: drop expired ones from the front until a live one.
    for (const [k, until] of this.seen) {
      if (until > now) break;
      this.seen.delete(k);
    }
  }
}

const ASYMMETRIC: ReadonlySet<string> = new Set(ASYMMETRIC_ALGORITHMS);

/** A remote key set (a jku or jwksUrl) that could not be had: unreachable, not 200, not a JWK Set. */
class KeySetUnreadable extends Error {}

/** The remote key set's own failures apart from "no key matches": those keep jose's error. */
function reportingUnreadable(keys: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    try {
      return await keys(header, token);
    } catch (e) {
      if (e instanceof errors.JWKSNoMatchingKey || e instanceof errors.JWKSMultipleMatchingKeys) throw e;
      throw new KeySetUnreadable();
    }
  };
}

export class JwtVerifier {
  private readonly clients = new Map<string, TrustedClient>();
  private readonly keySets = new Map<string, JWTVerifyGetKey>();
  private readonly replay: ReplayCache;
  private readonly now: () => number;

  constructor(
    clients: readonly TrustedClient[],
    private readonly options: VerifierOptions,
  ) {
    for (const c of clients) this.clients.set(c.iss, c);
    this.replay = new ReplayCache(options.replayCacheSize);
    this.now = options.now ?? (() => Date.now());
  }

  private remote(url: string): JWTVerifyGetKey {
    let set = this.keySets.get(`remote:${url}`);
    if (!set) {
      set = reportingUnreadable(
        createRemoteJWKSet(new URL(url), {
          timeoutDuration: 5_000,
          cooldownDuration: 30_000,
          cacheMaxAge: 600_000,
        }),
      );
      this.keySets.set(`remote:${url}`, set);
    }
    return set;
  }

  private local(client: TrustedClient): JWTVerifyGetKey {
    let set = this.keySets.get(`local:${client.iss}`);
    if (!set) {
      set = createLocalJWKSet(client.jwks as JSONWebKeySet);
      this.keySets.set(`local:${client.iss}`, set);
    }
    return set;
  }

  /** Verifies `Authorization: Bearer <jwt>` for the endpoint URL `audience`. */
  async verify(authorization: string | undefined, audience: string): Promise<AuthResult> {
    if (!authorization) return { ok: false, reason: "missing bearer token" };
    const m = /^Bearer[ ]+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)\s*$/i.exec(authorization);
    if (!m?.[1]) return { ok: false, reason: "the Authorization header is not a bearer JWT" };
    const token = m[1];
    let header: ReturnType<typeof decodeProtectedHeader>;
    let claims: ReturnType<typeof decodeJwt>;
    try {
      header = decodeProtectedHeader(token);
      claims = decodeJwt(token);
    } catch {
      return { ok: false, reason: "malformed JWT" };
    }
    if (typeof header.alg !== "string" || !ASYMMETRIC.has(header.alg)) {
      return {
        ok: false,
        reason: `alg ${JSON.stringify(header.alg ?? null)} refused: an asymmetric algorithm is required`,
      };
    }
    if (typeof header.kid !== "string" || header.kid === "")
      return { ok: false, reason: "kid missing from the JWT header" };
    const client = typeof claims.iss === "string" ? this.clients.get(claims.iss) : undefined;
    if (!client) return { ok: false, reason: "unknown issuer" };
    if (!(client.algorithms as readonly string[]).includes(header.alg))
      return { ok: false, reason: `alg ${header.alg} is not accepted from this issuer` };
    let keys: JWTVerifyGetKey;
    if (typeof header.jku === "string" && client.allowedJku.includes(header.jku)) {
      keys = this.remote(header.jku);
    } else if (client.jwks) {
      keys = this.local(client);
    } else if (client.jwksUrl) {
      keys = this.remote(client.jwksUrl);
    } else {
      return {
        ok: false,
        reason:
          header.jku === undefined
            ? "this issuer's keys are only known through jku, and the JWT has none"
            : "jku is not allowed for this issuer",
      };
    }
    const nowMs = this.now();
    let payload: Awaited<ReturnType<typeof jwtVerify>>["payload"];
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: client.iss,
        audience,
        algorithms: client.algorithms,
        typ: "JWT",
        clockTolerance: this.options.clockToleranceSeconds,
        maxTokenAge: this.options.maxAgeSeconds,
        requiredClaims: ["iss", "aud", "exp", "iat", "jti"],
        currentDate: new Date(nowMs),
      }));
    } catch (e) {
      return { ok: false, reason: joseReason(e) };
    }
    if (typeof payload.jti !== "string" || payload.jti === "") return { ok: false, reason: "jti missing" };
    if (typeof payload.iat === "number" && payload.iat * 1000 > nowMs + this.options.clockToleranceSeconds * 1000) {
      return { ok: false, reason: "iat is in the future" };
    }
    const exp = (payload.exp ?? 0) * 1000;
    const maxAgeEnd = ((payload.iat ?? 0) + this.options.maxAgeSeconds) * 1000;
    const until = Math.min(exp, maxAgeEnd) + this.options.clockToleranceSeconds * 1000;
    if (!this.replay.claim(`${client.iss}\u0000${payload.jti}`, until, nowMs))
      return { ok: false, reason: "jti replayed" };
    return { ok: true, iss: client.iss };
  }
}

function joseReason(e: unknown): string {
  if (e instanceof errors.JWTExpired) return "token expired";
  if (e instanceof errors.JWTClaimValidationFailed) {
    if (e.claim === "aud") return "aud does not name this endpoint";
    if (e.claim === "iat") return "iat is too old or invalid";
    return `claim ${e.claim} invalid: ${e.reason}`;
  }
  if (e instanceof errors.JWSSignatureVerificationFailed) return "signature invalid";
  if (e instanceof errors.JWKSNoMatchingKey) return "no key of this issuer matches the kid";
  if (e instanceof errors.JWKSMultipleMatchingKeys) return "several keys match the kid";
  if (e instanceof errors.JOSEAlgNotAllowed) return "alg not allowed";
  if (e instanceof KeySetUnreadable) return "the issuer's key set could not be read";
  if (e instanceof errors.JOSEError) return `invalid token (${e.code})`;
  return "invalid token";
}
