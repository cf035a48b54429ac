/**
 * src/cds: the CDS Hooks service (Node), a second face on the same extraction core as the app. It reads
 * the record it is sent or fetches from an allow-listed server; it never writes to a FHIR server and never logs
 * data or tokens.
 *
 * The CDS Hooks 2.0 service over node:http: discovery, the patient-view hook and feedback, with CORS and the
 * client's JWT. `createCdsHandler` serves the paths under `/cds-services` of any node:http server (the
 * sandbox mounts it on its own origin); `startCdsService` runs it alone (`npm run cds`, src/cds/start.ts).
 *
 *   GET  /cds-services                    discovery (public: no PHI; a token, when sent, is verified)
 *   POST /cds-services/<id>               the hook (JWT required unless allowUnauthenticated)
 *   POST /cds-services/<id>/feedback      feedback (JWT likewise)
 *   OPTIONS on each                       CORS preflight for the configured origins
 *
 * Errors are short JSON objects `{ "error": code, "message": text }`. Each call is independent: a failure is
 * caught and answered 500 for that call only; nothing about the patient or the tokens is logged.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { JwtVerifier } from "./auth";
import { closer } from "./run-server";
import type { CdsConfig } from "./config";
import { discoveryDocument } from "./discovery";
import { FeedbackLog, parseFeedback } from "./feedback";
import { answerHook } from "./hook";

const CDS_PATH = "/cds-services";

export interface CdsServiceOptions {
  config: CdsConfig;
  /** Clock in ms (JWT times, the report's "today"). */
  now?: () => number;
  /** fetch for the FHIR fallback (tests). */
  fetchImpl?: typeof fetch;
  /**
   * The public base URL (scheme, host, port; no /cds-services) of a request, for the JWT's `aud`. Default:
   * config.baseUrl, else `http://<Host header>`.
   */
  publicBase?: (req: IncomingMessage) => string;
}

export interface CdsHandler {
  /** Serves a request under /cds-services; false when the path is not the service's (the caller goes on). */
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  feedback: FeedbackLog;
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > max) throw new BodyTooLarge();
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(text)),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    ...headers,
  });
  res.end(res.req.method === "HEAD" ? undefined : text);
}

const PREFLIGHT_HEADERS = new Set(["authorization", "content-type", "accept"]);

export function createCdsHandler(options: CdsServiceOptions): CdsHandler {
  const { config } = options;
  const now = options.now ?? (() => Date.now());
  const verifier = new JwtVerifier(config.trustedClients, { ...config.jwt, now });
  const feedback = new FeedbackLog(10_000, 24 * 3600_000, now);
  const allowedOrigins = new Set(config.allowedOrigins);
  const discovery = discoveryDocument(config);
  const base = (req: IncomingMessage): string =>
    (options.publicBase?.(req) ?? config.baseUrl ?? `http://${req.headers.host ?? "localhost"}`).replace(/\/+$/, "");

  /** CORS headers for an allowed Origin; {} without Origin; null for an Origin not allowed. */
  const cors = (req: IncomingMessage): Record<string, string> | null => {
    const origin = req.headers.origin;
    if (origin === undefined) return {};
    if (!allowedOrigins.has(origin)) return null;
    return {
      "Access-Control-Allow-Origin": origin,
      Vary: "Origin",
      "Access-Control-Expose-Headers": "WWW-Authenticate",
    };
  };

  const preflight = (req: IncomingMessage, res: ServerResponse, methods: string): void => {
    const c = cors(req);
    if (c === null || req.headers.origin === undefined) {
      return sendJson(
        res,
        403,
        { error: "cors-origin", message: "this origin may not call the service (allowedOrigins)" },
        { Vary: "Origin" },
      );
    }
    const method = String(req.headers["access-control-request-method"] ?? "");
    const asked = String(req.headers["access-control-request-headers"] ?? "")
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter((h) => h !== "");
    if (!methods.split(", ").includes(method) || asked.some((h) => !PREFLIGHT_HEADERS.has(h))) {
      return sendJson(
        res,
        403,
        { error: "cors-request", message: `allowed: methods ${methods}; headers authorization, content-type, accept` },
        c,
      );
    }
    res.writeHead(204, {
      ...c,
      "Access-Control-Allow-Methods": methods,
      "Access-Control-Allow-Headers": "authorization, content-type, accept",
      "Access-Control-Max-Age": "600",
      Vary: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
    });
    res.end();
  };

  /** null when the caller may go on; else the 401 has been sent. */
  const authenticate = async (
    req: IncomingMessage,
    res: ServerResponse,
    audience: string,
    optional: boolean,
    headers: Record<string, string>,
  ): Promise<boolean> => {
    const header = req.headers.authorization;
    if (header === undefined && optional) return true;
    const r = await verifier.verify(header, audience);
    if (r.ok) return true;
    req.resume();
    sendJson(
      res,
      401,
      { error: "unauthorized", message: r.reason },
      {
        ...headers,
        "WWW-Authenticate": `Bearer error="invalid_token", error_description="${r.reason.replace(/["\\]/g, "")}"`,
      },
    );
    return false;
  };

  const readJson = async (
    req: IncomingMessage,
    res: ServerResponse,
    headers: Record<string, string>,
  ): Promise<{ ok: true; value: unknown } | { ok: false }> => {
    let text: string;
    try {
      text = await readBody(req, config.maxBodyBytes);
    } catch (e) {
      if (e instanceof BodyTooLarge) {
        sendJson(
          res,
          413,
          { error: "too-large", message: `the request body exceeds ${config.maxBodyBytes} bytes` },
          { ...headers, Connection: "close" },
        );
        req.destroy();
        return { ok: false };
      }
      throw e;
    }
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch {
      sendJson(res, 400, { error: "invalid-json", message: "the request body is not valid JSON" }, headers);
      return { ok: false };
    }
  };

  /**
   * `path` as called. A JWT's `aud` must be the exact URL called, so it is checked against `path` itself; the
   * endpoint is found with repeated slashes read as one (a client that joins `…/cds-services/` and the id calls
   * `…/cds-services//<id>`, and signs that URL).
   */
  async function serve(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const method = req.method ?? "GET";
    const c = cors(req) ?? {};
    const audience = `${base(req)}${path}`;
    const route = path.replace(/\/{2,}/g, "/");
    if (route === CDS_PATH || route === `${CDS_PATH}/`) {
      if (method === "OPTIONS") return preflight(req, res, "GET");
      if (method !== "GET" && method !== "HEAD")
        return sendJson(res, 405, { error: "method", message: "use GET" }, { ...c, Allow: "GET, HEAD, OPTIONS" });
      if (!(await authenticate(req, res, audience, true, c))) return;
      return sendJson(res, 200, discovery, c);
    }
    const m = /^\/cds-services\/([^/]+)(\/feedback)?$/.exec(route);
    if (!m?.[1]) return sendJson(res, 404, { error: "not-found", message: "no such endpoint" }, c);
    let id: string;
    try {
      id = decodeURIComponent(m[1]);
    } catch {
      return sendJson(res, 404, { error: "unknown-service", message: "no such service" }, c);
    }
    if (id !== config.serviceId) {
      req.resume();
      return sendJson(
        res,
        404,
        { error: "unknown-service", message: `no service ${JSON.stringify(id.slice(0, 64))}; see ${CDS_PATH}` },
        c,
      );
    }
    const isFeedback = m[2] !== undefined;
    if (method === "OPTIONS") return preflight(req, res, "POST");
    if (method !== "POST") {
      req.resume();
      return sendJson(res, 405, { error: "method", message: "use POST" }, { ...c, Allow: "POST, OPTIONS" });
    }
    if (!(await authenticate(req, res, audience, config.allowUnauthenticated, c))) return;
    const body = await readJson(req, res, c);
    if (!body.ok) return;
    if (isFeedback) {
      const parsed = parseFeedback(body.value);
      if (!parsed.ok) return sendJson(res, 400, { error: "invalid-feedback", message: parsed.message }, c);
      feedback.record(parsed.items);
      return sendJson(res, 200, { received: parsed.items.length }, c);
    }
    const outcome = await answerHook(body.value, config, {
      now: () => new Date(now()),
      ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
    });
    if (outcome.status === 200) for (const card of outcome.body.cards) feedback.issue(card.uuid);
    return sendJson(res, outcome.status, outcome.body, c);
  }

  return {
    feedback,
    async handle(req, res) {
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      if (path !== CDS_PATH && !path.startsWith(`${CDS_PATH}/`)) return false;
      try {
        await serve(req, res, path);
      } catch (e) {
        // No message: it could quote data. The error's class is enough to find the bug.
        console.error(`[cds] ${req.method ?? "?"} ${path} failed: ${(e as Error).name}`);
        sendJson(res, 500, { error: "internal", message: "the service failed on this call" });
      }
      return true;
    },
  };
}

export interface RunningCdsService {
  url: string;
  port: number;
  handler: CdsHandler;
  close: () => Promise<void>;
}

/** The service alone on its own node:http server. */
export async function startCdsService(
  options: CdsServiceOptions & { port?: number; host?: string },
): Promise<RunningCdsService> {
  const handler = createCdsHandler(options);
  const server: Server = createServer((req, res) => {
    void handler.handle(req, res).then((served) => {
      if (!served) sendJson(res, 404, { error: "not-found", message: `the service lives under ${CDS_PATH}` });
    });
  });
  server.keepAliveTimeout = 5_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? options.config.port, options.host ?? options.config.host, () => {
      server.off("error", fail);
      ok();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? options.config.host;
  const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}${CDS_PATH}`,
    port,
    handler,
    close: closer(server),
  };
}
