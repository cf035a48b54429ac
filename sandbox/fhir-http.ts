/**
 * The node:http adapter in front of the Medplum engine: what the engine lacks as a server. It turns HTTP into
 * FhirRequests and back, and adds `/metadata`, CORS, OperationOutcome errors, the bare-id reference rewrite,
 * paging (`_count`/`_offset` with `Bundle.link` self/next/previous/first), `entry.fullUrl`, ETag/Location
 * headers, and (on the protected base) SMART scope enforcement. Searching, reading, writing, conditional create
 * (`If-None-Exist`) and transactions are the engine's own.
 */
import { getStatus } from "@medplum/core";
import type { HttpMethod } from "@medplum/fhir-router";
import type { Bundle, BundleLink, OperationOutcome, Resource } from "fhir/r4";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { capabilityStatement } from "./capability";
import type { Engine } from "./engine";
import { corsHeaders, HttpError, outcome, preflight, readBody, sendFhir, sendOutcome } from "./http-util";
import { rewriteSearchParams } from "./rewrite";
import { allows, type ParsedScopes, type Permission } from "./scopes";

export interface FhirEndpoint {
  engine: Engine;
  /** This endpoint's absolute base for the current request (e.g. http://127.0.0.1:8080/fhir). */
  base: string;
  /** Every FHIR base of this server: absolute references to them are made relative. */
  ownBases: string[];
  defaultPageSize: number;
  maxPageSize: number;
  now: () => Date;
  /** Present on the SMART-protected base: checks the bearer token and returns the granted scopes. */
  authenticate?: (
    req: IncomingMessage,
  ) => { ok: true; scopes: ParsedScopes } | { ok: false; error: string; description: string };
  /** OAuth endpoints advertised in /metadata (protected base only). */
  smart?: { authorize: string; token: string };
}

const TYPE_RE = /^[A-Z][A-Za-z]+$/;
/** Searches answered by the engine directly (no result cache). */
const UNCACHEABLE = new Set(["_summary", "_elements", "_include", "_revinclude", "_total", "_contained"]);
const METHODS = new Set<HttpMethod>(["GET", "POST", "PUT", "PATCH", "DELETE"]);

interface Route {
  kind: "system" | "type" | "instance" | "history" | "operation";
  resourceType: string | null;
  permission: Permission;
  /** The query string (search or condition) that the adapter rewrites. */
  isSearch: boolean;
}

/** What an interaction is and which SMART permission it needs. Null: not a FHIR route. */
export function classify(method: HttpMethod, segments: string[]): Route | null {
  const [first, second, third] = segments;
  if (segments.length === 0) {
    if (method === "GET") return { kind: "system", resourceType: null, permission: "s", isSearch: true };
    if (method === "POST") return { kind: "system", resourceType: null, permission: "c", isSearch: false }; // batch: per entry
    return null;
  }
  if (!first) return null;
  if (first.startsWith("$")) return { kind: "operation", resourceType: null, permission: "s", isSearch: false };
  if (!TYPE_RE.test(first)) return null;
  if (segments.length === 1) {
    const permission: Permission = method === "GET" ? "s" : method === "POST" ? "c" : method === "DELETE" ? "d" : "u";
    return { kind: "type", resourceType: first, permission, isSearch: method !== "POST" };
  }
  if (second === "_search" && segments.length === 2 && method === "POST") {
    return { kind: "type", resourceType: first, permission: "s", isSearch: true };
  }
  if (second?.startsWith("$")) return { kind: "operation", resourceType: first, permission: "r", isSearch: false };
  if (segments.length === 2) {
    const permission: Permission = method === "GET" ? "r" : method === "DELETE" ? "d" : "u";
    return { kind: "instance", resourceType: first, permission, isSearch: false };
  }
  if (third === "_history" && method === "GET" && segments.length <= 4) {
    return { kind: "history", resourceType: first, permission: "r", isSearch: false };
  }
  return null;
}

function forbidden(what: string): HttpError {
  return new HttpError(403, `The access token's scopes do not allow ${what}`, "forbidden");
}

function checkScopes(scopes: ParsedScopes, route: Route, method: HttpMethod, body: unknown): void {
  if (route.kind === "system" && method === "POST") {
    const bundle = body as Bundle | undefined;
    for (const entry of bundle?.entry ?? []) {
      const m = entry.request?.method as HttpMethod | undefined;
      const url = entry.request?.url ?? "";
      const sub = m ? classify(m, url.split("?")[0]?.split("/").filter(Boolean) ?? []) : null;
      if (!m || !sub)
        throw new HttpError(400, `Bundle entry with an unsupported request: ${m ?? "?"} ${url}`, "invalid");
      checkScopes(scopes, sub, m, undefined);
    }
    return;
  }
  const type = route.resourceType ?? "*";
  if (!allows(scopes, type, route.permission)) {
    const verb = { c: "create", r: "read", u: "update", d: "delete", s: "search" }[route.permission];
    throw forbidden(`${verb} on ${type === "*" ? "all resource types" : type}`);
  }
}

function rewriteQuery(resourceType: string | null, query: URLSearchParams, ownBases: string[]): URLSearchParams {
  return resourceType ? rewriteSearchParams(resourceType, query, ownBases) : query;
}

function pageParams(query: URLSearchParams, endpoint: FhirEndpoint): { count: number; offset: number } {
  const rawCount = Number.parseInt(query.get("_count") ?? "", 10);
  const rawOffset = Number.parseInt(query.get("_offset") ?? "", 10);
  const count =
    Number.isFinite(rawCount) && rawCount >= 0 ? Math.min(rawCount, endpoint.maxPageSize) : endpoint.defaultPageSize;
  const offset = Number.isFinite(rawOffset) && rawOffset > 0 ? rawOffset : 0;
  query.set("_count", String(count));
  if (offset > 0) query.set("_offset", String(offset));
  else query.delete("_offset");
  return { count, offset };
}

function withFullUrls(bundle: Bundle, base: string, searchMode: boolean): void {
  for (const entry of bundle.entry ?? []) {
    const r = entry.resource;
    if (r?.id) entry.fullUrl = `${base}/${r.resourceType}/${r.id}`;
    if (searchMode && r) entry.search = { mode: "match" };
  }
}

function pageLinks(
  base: string,
  path: string,
  query: URLSearchParams,
  count: number,
  offset: number,
  total: number | undefined,
  shown: number,
): BundleLink[] {
  const url = (q: URLSearchParams): string => `${base}/${path}${q.size ? `?${q.toString()}` : ""}`;
  const at = (o: number): URLSearchParams => {
    const q = new URLSearchParams(query);
    if (o > 0) q.set("_offset", String(o));
    else q.delete("_offset");
    return q;
  };
  const links: BundleLink[] = [{ relation: "self", url: url(query) }];
  const more = total !== undefined ? offset + shown < total : shown === count && count > 0;
  if (count > 0 && (offset > 0 || more)) links.push({ relation: "first", url: url(at(0)) });
  if (count > 0 && offset > 0) links.push({ relation: "previous", url: url(at(Math.max(0, offset - count))) });
  if (count > 0 && more) links.push({ relation: "next", url: url(at(offset + count)) });
  return links;
}

function resourceHeaders(r: Resource, base: string, created: boolean): Record<string, string> {
  const h: Record<string, string> = {};
  const vid = r.meta?.versionId;
  if (vid) h.ETag = `W/"${vid}"`;
  if (r.meta?.lastUpdated) h["Last-Modified"] = new Date(r.meta.lastUpdated).toUTCString();
  if (created && r.id) h.Location = `${base}/${r.resourceType}/${r.id}${vid ? `/_history/${vid}` : ""}`;
  return h;
}

function parseBody(raw: Buffer, contentType: string | undefined, method: HttpMethod): unknown {
  if (raw.length === 0) return undefined;
  const ct = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (ct === "application/x-www-form-urlencoded") return new URLSearchParams(raw.toString("utf8"));
  const jsonTypes = ["application/fhir+json", "application/json", "application/json-patch+json", ""];
  if (!jsonTypes.includes(ct)) {
    throw new HttpError(
      415,
      `Unsupported Content-Type ${ct} for ${method}: use application/fhir+json`,
      "not-supported",
    );
  }
  try {
    return JSON.parse(raw.toString("utf8")) as unknown;
  } catch {
    throw new HttpError(400, "The request body is not valid JSON", "invalid");
  }
}

/** Rewrites the reference searches inside a batch/transaction (entry.request.url, ifNoneExist). */
function rewriteBundleRequests(bundle: Bundle, ownBases: string[]): void {
  for (const entry of bundle.entry ?? []) {
    const req = entry.request;
    if (!req) continue;
    const [path = "", qs] = req.url.split("?", 2) as [string, string | undefined];
    const type = path.split("/").filter(Boolean)[0] ?? null;
    if (qs !== undefined && type && TYPE_RE.test(type)) {
      const q = rewriteQuery(type, new URLSearchParams(qs), ownBases);
      req.url = `${path}?${q.toString()}`;
    }
    if (req.ifNoneExist && type && TYPE_RE.test(type)) {
      req.ifNoneExist = rewriteQuery(type, new URLSearchParams(req.ifNoneExist), ownBases).toString();
    }
  }
}

/**
 * Handles one request under a FHIR base. `relPath` is the path after the base without the leading slash
 * ("Observation", "Patient/1", "" for the base itself); `search` the raw query string without "?".
 */
export async function handleFhir(
  req: IncomingMessage,
  res: ServerResponse,
  relPath: string,
  search: string,
  endpoint: FhirEndpoint,
): Promise<void> {
  const cors = corsHeaders(req);
  const method = (req.method ?? "GET").toUpperCase();
  if (method === "OPTIONS") return preflight(req, res);
  try {
    if (relPath === "metadata") {
      if (method !== "GET") throw new HttpError(405, "metadata is read-only", "not-supported");
      const cs = capabilityStatement({
        base: endpoint.base,
        now: endpoint.now(),
        ...(endpoint.smart ? { smart: endpoint.smart } : {}),
      });
      return sendFhir(res, 200, cs, { ...cors, "Cache-Control": "no-cache" });
    }
    if (!METHODS.has(method as HttpMethod))
      throw new HttpError(405, `Method ${method} is not supported`, "not-supported");
    const m = method as HttpMethod;
    const segments = relPath.split("/").filter(Boolean);
    const route = classify(m, segments);
    if (!route) throw new HttpError(404, `Unknown FHIR route: ${m} ${relPath || "/"}`, "not-found");

    let scopes: ParsedScopes | null = null;
    if (endpoint.authenticate) {
      const auth = endpoint.authenticate(req);
      if (!auth.ok) {
        const www = `Bearer realm="spine-met-qol-sandbox", error="${auth.error}", error_description="${auth.description}"`;
        return sendOutcome(res, 401, outcome("error", "login", auth.description), { ...cors, "WWW-Authenticate": www });
      }
      scopes = auth.scopes;
    }

    let body = ["POST", "PUT", "PATCH"].includes(m)
      ? parseBody(await readBody(req), req.headers["content-type"], m)
      : undefined;
    if (scopes) checkScopes(scopes, route, m, body);

    let query = new URLSearchParams(search);
    let method2: HttpMethod = m;
    let path = segments.join("/");
    if (route.kind === "type" && segments[1] === "_search") {
      // Search by POST: form body + URL query, answered like a GET search.
      if (body instanceof URLSearchParams) for (const [k, v] of body) query.append(k, v);
      body = undefined;
      method2 = "GET";
      path = route.resourceType ?? "";
    } else if (body instanceof URLSearchParams) {
      throw new HttpError(415, "Form bodies are accepted only by POST [type]/_search", "not-supported");
    }
    if (route.isSearch) {
      query = rewriteQuery(route.resourceType, query, endpoint.ownBases);
    }
    const isSearch = method2 === "GET" && (route.kind === "type" || route.kind === "system");
    const page = isSearch ? pageParams(query, endpoint) : null;
    if (route.kind === "system" && m === "POST" && body && typeof body === "object") {
      rewriteBundleRequests(body as Bundle, endpoint.ownBases);
    }

    const headers: IncomingHttpHeaders = { ...req.headers };
    const ifNoneExist = req.headers["if-none-exist"];
    if (typeof ifNoneExist === "string" && route.resourceType) {
      headers["if-none-exist"] = rewriteQuery(
        route.resourceType,
        new URLSearchParams(ifNoneExist),
        endpoint.ownBases,
      ).toString();
    }

    const cacheable = page !== null && ![...query.keys()].some((k) => UNCACHEABLE.has(k));
    const url = `${path}${query.size ? `?${query.toString()}` : ""}`;
    const [oo, resource] = cacheable
      ? await endpoint.engine.searchAll(path, query)
      : await endpoint.engine.handle(method2, url, body, headers);
    const status = getStatus(oo);
    if (!resource) return sendOutcome(res, status, oo as unknown as OperationOutcome, cors);
    const r = resource as unknown as Resource;
    if (r.resourceType === "Bundle") {
      let bundle = r as Bundle;
      if (cacheable && page) {
        // A page of the full (cached) result: new entry objects, the cached resources are not modified.
        const all = bundle.entry ?? [];
        const entry = all.slice(page.offset, page.offset + page.count).map((e) => ({ ...e }));
        bundle = { resourceType: "Bundle", type: "searchset", total: all.length, ...(entry.length ? { entry } : {}) };
      }
      withFullUrls(bundle, endpoint.base, bundle.type === "searchset");
      if (bundle.type === "searchset" && page) {
        const shown = bundle.entry?.length ?? 0;
        bundle.link = pageLinks(endpoint.base, path, query, page.count, page.offset, bundle.total, shown);
      }
      return sendFhir(res, status, bundle, cors);
    }
    return sendFhir(res, status, r, { ...cors, ...resourceHeaders(r, endpoint.base, status === 201) });
  } catch (err) {
    if (err instanceof HttpError) {
      return sendOutcome(res, err.status, outcome("error", err.code, err.message), cors);
    }
    // No request details in the log: bodies may hold (synthetic) patient data.
    console.error(`[sandbox] FHIR ${method} ${relPath.split("/")[0] ?? ""} failed: ${(err as Error).message}`);
    return sendOutcome(res, 500, outcome("fatal", "exception", "Internal error in the sandbox FHIR server"), cors);
  }
}
