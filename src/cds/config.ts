/**
 * The CDS Hooks service's configuration: a JSON file (path in `CDS_CONFIG`) with environment overrides for
 * where it listens (`CDS_HOST`, `CDS_PORT` or `PORT`), validated with zod. An invalid file refuses to start
 * with one line per problem; unknown keys are problems too (a typo must not silently become a default).
 *
 * Everything that widens access fails closed: no trusted client, no CORS origin, no FHIR server the service
 * may fetch from, unauthenticated calls off. docs/CDS-HOOKS.md lists every key.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { parseServerUrl } from "../../launch/servers";
import { QUESTIONNAIRE_BASE_RETIRED } from "../questionnaires/contract";

/** Asymmetric JWS algorithms a CDS client may sign with (CDS Hooks 2.0: never `none`, never HMAC). */
export const ASYMMETRIC_ALGORITHMS = [
  "ES256",
  "ES384",
  "ES512",
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "EdDSA",
] as const;

const httpsUrl = z.string().refine((s) => {
  const p = parseServerUrl(s);
  return p.ok;
}, "must be an https URL (http only on localhost) without credentials, query, fragment or dot segments");

const origin = z.string().refine((s) => {
  try {
    const u = new URL(s);
    return (u.protocol === "https:" || u.protocol === "http:") && u.origin === s;
  } catch {
    return false;
  }
}, "must be an origin such as https://ehr.example.org (scheme, host and port only, no trailing slash)");

const jwk = z.record(z.string(), z.unknown()).refine((k) => typeof k.kty === "string", "a JWK needs kty");

const TrustedClientSchema = z
  .strictObject({
    /** The JWT's `iss`, exactly. */
    iss: z.string().min(1),
    /** Where the client's JWK Set is published (fetched and cached; refreshed when an unknown kid arrives). */
    jwksUrl: httpsUrl.optional(),
    /** The client's JWK Set inline (public keys only). */
    jwks: z
      .strictObject({ keys: z.array(jwk).min(1) })
      .refine((s) => s.keys.every((k) => k.d === undefined), 'jwks must hold public keys only (a key has "d")')
      .optional(),
    /**
     * `jku` header values honoured (their key sets fetched) for this issuer, exactly. Any other `jku` is never
     * fetched: the token is verified with `jwks` / `jwksUrl`, and refused when the issuer has neither.
     */
    allowedJku: z.array(httpsUrl).default([]),
    /** Algorithms accepted from this issuer (asymmetric only). */
    algorithms: z.array(z.enum(ASYMMETRIC_ALGORITHMS)).min(1).default(["ES384", "RS384"]),
    /** Free text: who this is. */
    name: z.string().optional(),
  })
  .refine((c) => c.jwksUrl !== undefined || c.jwks !== undefined || c.allowedJku.length > 0, {
    message: "a trusted client needs jwksUrl, jwks or allowedJku",
  });

const CdsConfigSchema = z.strictObject({
  $comment: z.string().optional(),
  /** Interface to listen on (`CDS_HOST`); a container sets 0.0.0.0. */
  host: z.string().min(1).default("127.0.0.1"),
  /** Port (`CDS_PORT`, else `PORT`); 0 picks a free port. */
  port: z.number().int().min(0).max(65535).default(8090),
  /**
   * The service's public base URL as the EHR calls it (without `/cds-services`), e.g. https://cds.hospital.example.
   * A JWT's `aud` must equal `<baseUrl>` + the path as called (`/cds-services/<id>`). Without it the base is
   * taken from the request's Host header (fine behind a proxy that sets Host; say it explicitly in production).
   */
  baseUrl: httpsUrl.optional(),
  /** The service's id: `/cds-services/<serviceId>`. */
  serviceId: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "letters, digits, '.', '_' and '-' only")
    .default("spine-met-qol"),
  /** Language of the cards. */
  locale: z.enum(["en", "ja"]).default("en"),
  /** The app's SMART launch URL (launch.html); the card's smart link. */
  appLaunchUrl: httpsUrl,
  /** Browser origins allowed to call the service (CORS). Empty: no browser origin. "*" is refused: list them. */
  allowedOrigins: z.array(origin).default([]),
  /**
   * FHIR bases the service may fetch from with the hook's fhirServer + fhirAuthorization (launch/servers.ts rule).
   * Empty (the default): every such fetch is refused, and a hook without the needed prefetch gets 412.
   */
  fhirServerAllowlist: z.array(httpsUrl).default([]),
  /** Clients whose JWT the service trusts. */
  trustedClients: z.array(TrustedClientSchema).default([]),
  /** Accept hook and feedback calls without a JWT (a presented token is still verified). Sandbox only. */
  allowUnauthenticated: z.boolean().default(false),
  /** EQ-5D-5L value set for the report (the card does not show the index). */
  valueSetId: z.string().min(1).default("Japan_cTTO_fullPrecision"),
  jwt: z
    .strictObject({
      /** Clock skew allowed on exp / iat. */
      clockToleranceSeconds: z.number().int().min(0).max(300).default(30),
      /** A token issued longer ago than this is refused even if its exp is later. */
      maxAgeSeconds: z.number().int().min(10).max(3600).default(600),
      /** jti values remembered (each until its exp); beyond it the oldest are dropped. */
      replayCacheSize: z.number().int().min(100).max(1_000_000).default(50_000),
    })
    .prefault({}),
  fetch: z
    .strictObject({
      timeoutMs: z.number().int().min(100).max(60_000).default(8_000),
      maxPages: z.number().int().min(1).max(100).default(10),
      pageSize: z.number().int().min(1).max(1000).default(100),
      /** Bytes read from the FHIR server per hook call, all pages together. */
      maxBytes: z.number().int().min(10_000).max(200_000_000).default(20_000_000),
    })
    .prefault({}),
  /** Largest request body accepted. */
  maxBodyBytes: z.number().int().min(1_000).max(200_000_000).default(16_000_000),
});

export type CdsConfig = z.infer<typeof CdsConfigSchema>;
export type CdsConfigInput = z.input<typeof CdsConfigSchema>;
export type TrustedClient = z.infer<typeof TrustedClientSchema>;

export class CdsConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid CDS Hooks configuration:\n  ${problems.join("\n  ")}`);
  }
}

/** Validates a configuration object; throws CdsConfigError with one line per problem. */
export function parseCdsConfig(input: unknown): CdsConfig {
  const r = CdsConfigSchema.safeParse(input);
  if (!r.success) {
    throw new CdsConfigError(
      r.error.issues.map((i) =>
        // The canonical base was a setting once; it is fixed now (src/questionnaires/contract.ts).
        i.code === "unrecognized_keys" && i.path.length === 0 && i.keys.includes("questionnaireBase")
          ? `(file): ${QUESTIONNAIRE_BASE_RETIRED}${i.keys.length > 1 ? `; ${i.message}` : ""}`
          : `${i.path.length > 0 ? i.path.join(".") : "(file)"}: ${i.message}`,
      ),
    );
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const c of r.data.trustedClients) {
    if (seen.has(c.iss)) problems.push(`trustedClients: issuer ${c.iss} is listed twice`);
    seen.add(c.iss);
  }
  if (problems.length > 0) throw new CdsConfigError(problems);
  return r.data;
}

function envPort(env: NodeJS.ProcessEnv): number | undefined {
  const text = env.CDS_PORT ?? env.PORT;
  if (text === undefined || text === "") return undefined;
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535)
    throw new CdsConfigError([`CDS_PORT/PORT: must be a port number 0–65535, got "${text}"`]);
  return Number(text);
}

/** Reads `CDS_CONFIG` (or the given path), applies CDS_HOST / CDS_PORT / PORT, validates. */
export function loadCdsConfig(path: string | undefined, env: NodeJS.ProcessEnv = process.env): CdsConfig {
  if (!path) throw new CdsConfigError(["CDS_CONFIG is not set: give the path of the service's JSON configuration"]);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new CdsConfigError([`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CdsConfigError([`${path} is not valid JSON: ${(e as Error).message}`]);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new CdsConfigError([`${path}: expected a JSON object`]);
  const port = envPort(env);
  const merged: Record<string, unknown> = {
    ...(raw as Record<string, unknown>),
    ...(env.CDS_HOST ? { host: env.CDS_HOST } : {}),
    ...(port !== undefined ? { port } : {}),
  };
  return parseCdsConfig(merged);
}
