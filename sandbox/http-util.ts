/** Small node:http helpers shared by the sandbox's handlers. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { OperationOutcome } from "fhir/r4";

const FHIR_JSON = "application/fhir+json; charset=utf-8";
const MAX_BODY_BYTES = 32 * 1024 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: OperationOutcome["issue"][number]["code"] = "processing",
  ) {
    super(message);
  }
}

export function outcome(
  severity: OperationOutcome["issue"][number]["severity"],
  code: OperationOutcome["issue"][number]["code"],
  text: string,
): OperationOutcome {
  return { resourceType: "OperationOutcome", issue: [{ severity, code, details: { text }, diagnostics: text }] };
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "Request body too large", "too-costly");
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    "Content-Type": contentType,
    "Content-Length": String(Buffer.byteLength(body)),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    ...headers,
  });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  send(res, status, JSON.stringify(body), "application/json; charset=utf-8", headers);
}

export function sendFhir(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  send(res, status, JSON.stringify(body), FHIR_JSON, headers);
}

export function sendOutcome(
  res: ServerResponse,
  status: number,
  oo: OperationOutcome,
  headers: Record<string, string> = {},
): void {
  sendFhir(res, status, oo, headers);
}

const ALLOWED_HEADERS = [
  "Authorization",
  "Content-Type",
  "Accept",
  "If-None-Exist",
  "If-Match",
  "If-None-Match",
  "If-Modified-Since",
  "Prefer",
  "Cache-Control",
  "Pragma",
  "X-Requested-With",
].join(", ");

/** CORS headers for the FHIR and OAuth endpoints (any origin; no cookies are used, tokens travel in headers). */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin) return {};
  return {
    "Access-Control-Allow-Origin": origin,
    Vary: "Origin",
    "Access-Control-Expose-Headers": "Location, ETag, Last-Modified, Content-Location, WWW-Authenticate",
  };
}

/** Answers a CORS preflight. */
export function preflight(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(204, {
    ...corsHeaders(req),
    "Access-Control-Allow-Origin": req.headers.origin ?? "*",
    "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": ALLOWED_HEADERS,
    "Access-Control-Max-Age": "600",
    Vary: "Origin, Access-Control-Request-Headers",
  });
  res.end();
}

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}
