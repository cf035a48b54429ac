/**
 * The sandbox's CDS Hooks parts:
 *
 * - the service itself (src/cds) mounted at `/cds-services` on the sandbox's own origin, configured as a test
 *   system: it trusts this sandbox EHR as a CDS client (its ES384 key, inline JWKS), may fetch from the
 *   sandbox's own FHIR bases, allows the sandbox's origin and the public CDS Hooks sandbox for CORS, and —
 *   here only — answers calls without a JWT (`allowUnauthenticated`), so that any CDS client can try it.
 *   A token that is sent is verified all the same;
 * - the sandbox EHR as a CDS client: `/patient/<id>` prefetches with the service's templates from the FHIR
 *   server (as an EHR's back end does), calls the patient-view hook with a JWT signed by its own key, and shows
 *   the cards (./cds-page.ts). Its JWK Set is served at `/ehr/cds-client-jwks`.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import { parseCdsConfig, type CdsConfig } from "../src/cds/config";
import { createCdsHandler, type CdsHandler } from "../src/cds/service";
import type { CdsCard, CdsDiscovery } from "../src/cds/types";
import { chartPage } from "./cds-page";
import { encodeLaunch } from "./smart";
import type { PatientSummary } from "./summary";

const SANDBOX_CDS_SERVICE_ID = "spine-met-qol";
const SANDBOX_CDS_KID = "sandbox-ehr-es384";
/** Origins besides the sandbox's own that may call the service from a browser. */
const SANDBOX_CDS_EXTRA_ORIGINS = ["https://sandbox.cds-hooks.org"];

export interface SandboxCdsOptions {
  locale: "en" | "ja";
  now: () => number;
}

export interface SandboxCds {
  /** Serves `/cds-services…` for the origin the browser used; false for other paths. */
  handle: (req: IncomingMessage, res: ServerResponse, origin: string) => Promise<boolean>;
  /** The EHR's public key set as a CDS client. */
  clientJwks: () => { keys: JWK[] };
  /** The CDS client's `iss` for an origin. */
  issuer: (origin: string) => string;
  /** The service's configuration for an origin (what an installer would write for this test system). */
  config: (origin: string) => CdsConfig;
  /** A JWT for a call to `audience`, signed by the sandbox EHR (what its hook calls carry). */
  sign: (origin: string, audience: string) => Promise<string>;
  /** The chart page of one patient: prefetch, hook call, cards. */
  chart: (origin: string, patient: PatientSummary) => Promise<string>;
}

export async function createSandboxCds(options: SandboxCdsOptions): Promise<SandboxCds> {
  const { privateKey, publicKey } = await generateKeyPair("ES384", { extractable: true });
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid: SANDBOX_CDS_KID, alg: "ES384", use: "sig" };
  const signingKey: CryptoKey = privateKey;
  const handlers = new Map<string, { config: CdsConfig; handler: CdsHandler }>();
  const issuer = (origin: string): string => `${origin}/ehr`;

  const forOrigin = (origin: string): { config: CdsConfig; handler: CdsHandler } => {
    let h = handlers.get(origin);
    if (!h) {
      const config = parseCdsConfig({
        $comment: "The sandbox's own test-system configuration (sandbox/cds.ts).",
        baseUrl: origin,
        serviceId: SANDBOX_CDS_SERVICE_ID,
        locale: options.locale,
        appLaunchUrl: `${origin}/app/launch.html`,
        allowedOrigins: [origin, ...SANDBOX_CDS_EXTRA_ORIGINS],
        fhirServerAllowlist: [`${origin}/fhir`, `${origin}/open/fhir`],
        trustedClients: [
          { iss: issuer(origin), name: "the sandbox EHR", jwks: { keys: [publicJwk] }, algorithms: ["ES384"] },
        ],
        allowUnauthenticated: true,
      });
      h = { config, handler: createCdsHandler({ config, now: options.now }) };
      handlers.set(origin, h);
    }
    return h;
  };

  const sign = (origin: string, audience: string): Promise<string> => {
    const nowS = Math.floor(options.now() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: "ES384", kid: SANDBOX_CDS_KID, typ: "JWT" })
      .setIssuer(issuer(origin))
      .setAudience(audience)
      .setIssuedAt(nowS)
      .setExpirationTime(nowS + 300)
      .setJti(randomUUID())
      .sign(signingKey);
  };

  /** Prefetch as an EHR back end does: each template against the FHIR server, whole (no next page), else left out. */
  async function prefetch(
    origin: string,
    templates: Record<string, string>,
    patientId: string,
  ): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    await Promise.all(
      Object.entries(templates).map(async ([key, template]) => {
        const query = template.replaceAll("{{context.patientId}}", encodeURIComponent(patientId));
        const isSearch = query.includes("?");
        const url = `${origin}/open/fhir/${query}${isSearch ? "&_count=1000" : ""}`;
        try {
          const res = await fetch(url, { headers: { Accept: "application/fhir+json" } });
          if (res.status === 404 && !isSearch) {
            out[key] = null;
            return;
          }
          if (!res.ok) return; // the EHR could not prefetch: the key is left out
          const body = (await res.json()) as { link?: { relation?: string }[] };
          if (isSearch && body.link?.some((l) => l.relation === "next")) return;
          out[key] = body;
        } catch {
          // left out
        }
      }),
    );
    return out;
  }

  return {
    handle: async (req, res, origin) => forOrigin(origin).handler.handle(req, res),
    clientJwks: () => ({ keys: [publicJwk] }),
    issuer,
    config: (origin) => forOrigin(origin).config,
    sign,
    async chart(origin, patient) {
      forOrigin(origin);
      const started = Date.now();
      const serviceUrl = `${origin}/cds-services/${SANDBOX_CDS_SERVICE_ID}`;
      let status = 0;
      let cards: CdsCard[] = [];
      let error: string | null = null;
      let keys: string[] = [];
      try {
        const discovery = (await (await fetch(`${origin}/cds-services`)).json()) as CdsDiscovery;
        const service = discovery.services.find((s) => s.id === SANDBOX_CDS_SERVICE_ID && s.hook === "patient-view");
        if (!service) throw new Error("the service is not in the discovery document");
        const pre = await prefetch(origin, service.prefetch, patient.id);
        keys = Object.keys(pre).sort();
        const res = await fetch(serviceUrl, {
          method: "POST",
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${await sign(origin, serviceUrl)}` },
          body: JSON.stringify({
            hook: "patient-view",
            hookInstance: randomUUID(),
            fhirServer: `${origin}/fhir`,
            context: {
              userId: "Practitioner/sandbox-surgeon",
              patientId: patient.id,
              ...(patient.encounter ? { encounterId: patient.encounter } : {}),
            },
            prefetch: pre,
          }),
        });
        status = res.status;
        const body = (await res.json()) as { cards?: CdsCard[]; message?: string };
        if (res.ok && Array.isArray(body.cards)) cards = body.cards;
        else error = body.message ?? "no cards";
      } catch (e) {
        error = `the hook call failed: ${(e as Error).message}`;
      }
      const appLaunch = `${origin}/app/launch.html`;
      return chartPage({
        patient,
        outcome: { status, cards, error, ms: Date.now() - started },
        launchHref: (url) =>
          url === appLaunch
            ? `${url}?${new URLSearchParams({ iss: `${origin}/fhir`, launch: encodeLaunch({ patient: patient.id, ...(patient.encounter ? { encounter: patient.encounter } : {}) }) }).toString()}`
            : null,
        prefetchKeys: keys,
        signedBy: `${issuer(origin)} (ES384, kid ${SANDBOX_CDS_KID})`,
      });
    },
  };
}
