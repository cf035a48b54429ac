/**
 * Fetching what the prefetch did not bring, from the hook's `fhirServer` with the hook's
 * `fhirAuthorization.access_token`:
 *
 * - the server must pass the app's own rule (launch/servers.ts checkServerUrl) against the service's
 *   `fhirServerAllowlist`, which is empty by default: then nothing is ever fetched;
 * - `next` links are followed only when they lie under the same base (same origin, whole-segment path prefix),
 *   so the token never leaves the server it was issued for; redirects are not followed;
 * - every request has a timeout, every search a page cap, and all responses of one hook call share a byte cap;
 * - nothing about the data or the token is logged; errors name the step only.
 */
import { checkServerUrl, parseServerUrl, serverAllowed } from "../../launch/servers";
import { isObject } from "../extract/fhir";

export interface FetchLimits {
  timeoutMs: number;
  maxPages: number;
  pageSize: number;
  maxBytes: number;
}

export interface FhirAccess {
  /** The FHIR base without a trailing slash. */
  base: string;
  token: string;
  limits: FetchLimits;
  /** Bytes still allowed for this hook call (shared by every request). */
  budget: { bytes: number };
  fetchImpl?: typeof fetch;
}

export type AccessCheck = { ok: true; access: FhirAccess } | { ok: false; why: "no-access" | "not-allowed" };

/** Whether the hook's fhirServer + fhirAuthorization may be used, and how. */
export function fhirAccess(
  fhirServer: string | undefined,
  accessToken: string | undefined,
  allowlist: readonly string[],
  limits: FetchLimits,
  fetchImpl?: typeof fetch,
): AccessCheck {
  if (!fhirServer || !accessToken) return { ok: false, why: "no-access" };
  const check = checkServerUrl(fhirServer, allowlist);
  if (!check.ok) return { ok: false, why: "not-allowed" };
  return {
    ok: true,
    access: {
      base: check.url.href.replace(/\/+$/, ""),
      token: accessToken,
      limits,
      budget: { bytes: limits.maxBytes },
      ...(fetchImpl ? { fetchImpl } : {}),
    },
  };
}

class FetchFailure extends Error {}

/** Whether `url` lies under the FHIR base (same origin, whole-segment path prefix, the app's rule). */
function underBase(url: string, base: string): boolean {
  const target = parseServerUrl(url.split(/[?#]/)[0] ?? "");
  if (!target.ok) return false;
  return serverAllowed(target, [base]);
}

async function readCapped(res: Response, budget: { bytes: number }): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      budget.bytes -= value.byteLength;
      if (budget.bytes < 0) {
        void reader.cancel().catch(() => undefined);
        throw new FetchFailure("response larger than the configured byte cap");
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function getJson(access: FhirAccess, url: string): Promise<unknown> {
  if (!underBase(url, access.base)) throw new FetchFailure("a link outside the FHIR server was not followed");
  const f = access.fetchImpl ?? fetch;
  let res: Response;
  try {
    res = await f(url, {
      headers: { Accept: "application/fhir+json", Authorization: `Bearer ${access.token}` },
      redirect: "manual",
      signal: AbortSignal.timeout(access.limits.timeoutMs),
    });
  } catch (e) {
    throw new FetchFailure(
      (e as Error).name === "TimeoutError"
        ? "the FHIR server did not answer in time"
        : "the FHIR server could not be reached",
    );
  }
  if (res.status !== 200) {
    await readCapped(res, access.budget).catch(() => ""); // drained (capped), so the connection can be reused
    throw new FetchFailure(`the FHIR server answered ${res.status}`);
  }
  const text = await readCapped(res, access.budget);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new FetchFailure("the FHIR server's answer is not JSON");
  }
}

/** A read (`Patient/<id>`): the resource, or a FetchFailure. */
export async function fetchRead(access: FhirAccess, path: string): Promise<unknown> {
  return getJson(access, `${access.base}/${path}`);
}

export interface SearchResult {
  resources: unknown[];
  /** False when the page cap stopped the paging. */
  complete: boolean;
}

/** The entries of a searchset Bundle (outcome entries dropped). */
export function bundleResources(bundle: Record<string, unknown>): unknown[] {
  const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
  const out: unknown[] = [];
  for (const e of entries) {
    const r: unknown = isObject(e) ? e.resource : e;
    if (isObject(e) && isObject(e.search) && e.search.mode === "outcome") continue;
    if (isObject(r) && r.resourceType === "OperationOutcome") continue;
    out.push(r);
  }
  return out;
}

/** The Bundle's `next` link, if any. */
export function nextLink(bundle: Record<string, unknown>): string | null {
  const links = Array.isArray(bundle.link) ? bundle.link : [];
  for (const l of links) {
    if (isObject(l) && l.relation === "next" && typeof l.url === "string") return l.url;
  }
  return null;
}

/** Follows `next` from a Bundle already in hand (a prefetched first page, or a fetched page). */
export async function followPages(
  access: FhirAccess,
  first: Record<string, unknown>,
  pagesRead: number,
): Promise<SearchResult> {
  const resources = bundleResources(first);
  let next = nextLink(first);
  let pages = pagesRead;
  while (next) {
    if (pages >= access.limits.maxPages) return { resources, complete: false };
    const page = await getJson(access, next);
    if (!isObject(page) || page.resourceType !== "Bundle")
      throw new FetchFailure("a page of the search is not a Bundle");
    pages++;
    for (const r of bundleResources(page)) resources.push(r);
    next = nextLink(page);
  }
  return { resources, complete: true };
}

/** A search (`Condition?patient=123`): every page up to the cap. */
export async function fetchSearch(access: FhirAccess, query: string): Promise<SearchResult> {
  const sep = query.includes("?") ? "&" : "?";
  const first = await getJson(access, `${access.base}/${query}${sep}_count=${access.limits.pageSize}`);
  if (!isObject(first) || first.resourceType !== "Bundle") throw new FetchFailure("the search answer is not a Bundle");
  return followPages(access, first, 1);
}
