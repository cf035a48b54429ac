/**
 * The local sandbox EHR: one node:http server on loopback with
 *   /               the EHR page (patient list, EHR launch and debug launch links)
 *   /fhir           the SMART-protected FHIR R4 base (bearer token required; /metadata and
 *                   /.well-known/smart-configuration are public)
 *   /open/fhir      the same data without authorization, for open-server debug launches
 *   /auth/authorize, /auth/token, /auth/jwks   the SMART authorization server
 *   /app/           the production build of the app (dist/), with a Content-Security-Policy header
 *   /cds-services   the CDS Hooks service (src/cds), and /patient/<id> the chart page that calls it (sandbox/cds.ts)
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { closer } from "../src/cds/run-server";
import { createSandboxCds, type SandboxCds } from "./cds";
import { CHART_CSS } from "./cds-page";
import { createEngine, type Engine } from "./engine";
import { handleFhir, type FhirEndpoint } from "./fhir-http";
import { corsHeaders, HttpError, preflight, send, sendJson } from "./http-util";
import { loadPatients, SANDBOX_PRACTITIONER } from "./load";
import { EHR_CSP, EHR_CSS, ehrPage } from "./pages";
import { SmartAuthServer, type SmartUrls } from "./smart";
import { sandboxAppConfig, staticApp } from "./static";
import { oneLine, summarize } from "./summary";

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_PATIENTS_DIR = join(here, "patients");
const DEFAULT_DIST_DIR = resolve(here, "..", "dist");

export interface SandboxOptions {
  /** Port to listen on; 0 picks a free port. Default 8080. */
  port?: number;
  /** Interface; default 127.0.0.1 (loopback only). */
  host?: string;
  /** Folder of FHIR Bundles to load; default sandbox/patients. */
  patientsDir?: string;
  /** The app's production build; default dist/. */
  distDir?: string;
  /** Move the dates of bundles tagged "shift-dates" so that their anchor is today (default true). */
  shiftDates?: boolean;
  /** Access-token lifetime (default 300 s). */
  accessTokenTtlSeconds?: number;
  /** Authorization-code lifetime (default 60 s). */
  codeTtlSeconds?: number;
  /** Refresh-token lifetime (default 8 h). */
  refreshTokenTtlSeconds?: number;
  /** Search page size when the client gives no _count (default 50); larger _count values are capped at maxPageSize (1000). */
  defaultPageSize?: number;
  maxPageSize?: number;
  /** Further exact redirect URIs for the client (e.g. a Vite dev server). The built app's /app/index.html is always registered. */
  extraRedirectUris?: string[];
  /** Clock in ms (tests move it to expire codes and tokens). */
  now?: () => number;
  /** Language of the CDS Hooks cards (default "en"). */
  cdsLocale?: "en" | "ja";
}

export interface Sandbox {
  /** The EHR page. */
  url: string;
  /** The SMART-protected FHIR base. */
  fhirBase: string;
  /** The open FHIR base (no authorization). */
  openFhirBase: string;
  port: number;
  /** Loaded patient ids, in file order. */
  patientIds: string[];
  /** Bundle entries the engine refused while loading. */
  loadErrors: string[];
  engine: Engine;
  /** The CDS Hooks service and the EHR as its client (signing key, configuration per origin). */
  cds: SandboxCds;
  close: () => Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const now = options.now ?? (() => Date.now());
  const host = options.host ?? "127.0.0.1";
  const engine = createEngine();
  const loaded = await loadPatients(engine, options.patientsDir ?? DEFAULT_PATIENTS_DIR, {
    today: new Date(now()),
    shiftDates: options.shiftDates ?? true,
  });
  const distDir = options.distDir ?? DEFAULT_DIST_DIR;
  const app = staticApp(distDir);
  const listPatients = async (): Promise<{ id: string; label: string }[]> =>
    (await summarize(engine, loaded.patientIds, new Date(now()))).map((s) => ({ id: s.id, label: oneLine(s) }));
  const smart = new SmartAuthServer({
    engine,
    now,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 300,
    codeTtlSeconds: options.codeTtlSeconds ?? 60,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 8 * 3600,
    listPatients,
  });
  const cds = await createSandboxCds({ locale: options.cdsLocale ?? "en", now });
  let allowedHosts: Set<string> = new Set();

  const urlsFor = (origin: string): SmartUrls => ({
    origin,
    fhirBase: `${origin}/fhir`,
    authorize: `${origin}/auth/authorize`,
    token: `${origin}/auth/token`,
    jwks: `${origin}/auth/jwks`,
    redirectUris: [`${origin}/app/index.html`, ...(options.extraRedirectUris ?? [])],
  });

  const endpoint = (origin: string, open: boolean): FhirEndpoint => {
    const urls = urlsFor(origin);
    return {
      engine,
      base: open ? `${origin}/open/fhir` : urls.fhirBase,
      ownBases: [`${origin}/fhir`, `${origin}/open/fhir`],
      defaultPageSize: options.defaultPageSize ?? 50,
      maxPageSize: options.maxPageSize ?? 1000,
      now: () => new Date(now()),
      ...(open
        ? {}
        : {
            authenticate: (req: IncomingMessage) => smart.authenticate(req, urls.fhirBase),
            smart: { authorize: urls.authorize, token: urls.token },
          }),
    };
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hostHeader = (req.headers.host ?? "").toLowerCase();
    if (!allowedHosts.has(hostHeader)) {
      // Loopback names only: a page on another site cannot reach the sandbox through DNS rebinding.
      return send(res, 400, "Unexpected Host header", "text/plain; charset=utf-8");
    }
    const origin = `http://${hostHeader}`;
    const u = new URL(req.url ?? "/", origin);
    const path = u.pathname;
    const search = u.search.replace(/^\?/, "");
    const method = req.method ?? "GET";

    if (path === "/fhir" || path.startsWith("/fhir/")) {
      const rel = path.slice("/fhir".length).replace(/^\/+/, "");
      if (rel === ".well-known/smart-configuration") {
        if (method === "OPTIONS") return preflight(req, res);
        return sendJson(res, 200, smart.smartConfiguration(urlsFor(origin)), {
          ...corsHeaders(req),
          "Cache-Control": "no-cache",
        });
      }
      return handleFhir(req, res, rel, search, endpoint(origin, false));
    }
    if (path === "/open/fhir" || path.startsWith("/open/fhir/")) {
      const rel = path.slice("/open/fhir".length).replace(/^\/+/, "");
      return handleFhir(req, res, rel, search, endpoint(origin, true));
    }
    if (path === "/auth/authorize") return smart.authorize(req, res, urlsFor(origin), search);
    if (path === "/auth/token") {
      if (method === "OPTIONS") return preflight(req, res);
      return smart.token(req, res, urlsFor(origin));
    }
    if (path === "/auth/jwks") return sendJson(res, 200, smart.jwks(), corsHeaders(req));
    if (path === "/cds-services" || path.startsWith("/cds-services/")) return void (await cds.handle(req, res, origin));
    if (path === "/ehr/cds-client-jwks") return sendJson(res, 200, cds.clientJwks(), corsHeaders(req));
    if (path === "/app") {
      res.writeHead(301, { Location: `/app/${u.search}` });
      return void res.end();
    }
    if (path === "/app/app-config.json" && (method === "GET" || method === "HEAD")) {
      return sendJson(res, 200, await sandboxAppConfig(distDir, origin), { "Cache-Control": "no-cache" });
    }
    if (path.startsWith("/app/")) return app.serve(req, res, path.slice("/app/".length));
    if (method !== "GET" && method !== "HEAD") return send(res, 405, "Method not allowed", "text/plain; charset=utf-8");
    if (path === "/") {
      const patients = await summarize(engine, loaded.patientIds, new Date(now()));
      const html = ehrPage({
        origin,
        fhirBase: `${origin}/fhir`,
        openFhirBase: `${origin}/open/fhir`,
        patients,
        practitioner: SANDBOX_PRACTITIONER.name?.[0]?.text ?? "a synthetic clinician",
        appBuilt: app.built(),
      });
      return send(res, 200, html, "text/html; charset=utf-8", {
        "Content-Security-Policy": EHR_CSP,
        "Cache-Control": "no-store",
      });
    }
    const chart = /^\/patient\/([A-Za-z0-9\-.]{1,64})$/.exec(path);
    if (chart?.[1] && loaded.patientIds.includes(chart[1])) {
      const [summary] = await summarize(engine, [chart[1]], new Date(now()));
      if (summary)
        return send(res, 200, await cds.chart(origin, summary), "text/html; charset=utf-8", {
          "Content-Security-Policy": EHR_CSP,
          "Cache-Control": "no-store",
        });
    }
    if (path === "/ehr.css")
      return send(res, 200, EHR_CSS + CHART_CSS, "text/css; charset=utf-8", { "Cache-Control": "no-cache" });
    if (path === "/healthz") return sendJson(res, 200, { status: "ok", patients: loaded.patientIds.length });
    if (path === "/favicon.ico") {
      res.writeHead(204);
      return void res.end();
    }
    return send(res, 404, "Not found", "text/plain; charset=utf-8");
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (err instanceof HttpError) return send(res, err.status, err.message, "text/plain; charset=utf-8");
      console.error(
        `[sandbox] ${req.method ?? "?"} ${(req.url ?? "").split("?")[0]} failed: ${(err as Error).message}`,
      );
      send(res, 500, "Internal error", "text/plain; charset=utf-8");
    });
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 8080, host, () => {
      server.off("error", fail);
      ok();
    });
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    fhirBase: `${origin}/fhir`,
    openFhirBase: `${origin}/open/fhir`,
    port,
    patientIds: loaded.patientIds,
    loadErrors: loaded.errors,
    engine,
    cds,
    close: closer(server),
  };
}
