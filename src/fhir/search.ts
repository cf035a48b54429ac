/**
 * A FHIR search with every `next` link followed, page by page through `fhirRequest` (so each page has
 * its own retries and timeout), up to a page cap. A failure on the first page throws; a failure later
 * keeps what was read and says so (the data is then partial, never silently short). So does a last page
 * whose `Bundle.total` is larger than the matches read ("incomplete").
 */
import type Client from "fhirclient/lib/Client";
import { FhirFaultError, isFatalFault, type FhirFault } from "./faults";
import { fhirRequest, type RequestPolicy } from "./request";

export interface SearchOptions {
  /** `_count` asked of the server (servers may send fewer). */
  pageSize: number;
  /** Pages read at most; a `next` link left over is reported as "capped". */
  maxPages: number;
  policy?: Partial<RequestPolicy>;
  signal?: AbortSignal;
}

export type SearchResult =
  | { status: "complete"; resources: unknown[]; pages: number }
  /** The page cap was reached with a `next` link still to follow. */
  | { status: "capped"; resources: unknown[]; pages: number }
  /** A page after the first failed (after its retries): `resources` are the earlier pages only. */
  | { status: "failed-midway"; resources: unknown[]; pages: number; fault: FhirFault }
  /**
   * No `next` link is left, but the server's `Bundle.total` (of the last page that gave one) counts more
   * matches than were read: the server dropped a page or its link. Partial, never complete.
   */
  | { status: "incomplete"; resources: unknown[]; pages: number; total: number };

/** "Observation?patient=123&code=…&_count=100", every value encoded by URLSearchParams. */
export function searchUrl(resourceType: string, params: URLSearchParams, pageSize: number): string {
  const query = new URLSearchParams(params);
  query.set("_count", String(pageSize));
  return `${resourceType}?${query.toString()}`;
}

interface BundleLike {
  resourceType: "Bundle";
  total?: unknown;
  entry?: { resource?: unknown; search?: { mode?: unknown } }[];
  link?: { relation?: unknown; url?: unknown }[];
}

function asBundle(body: unknown): BundleLike | null {
  if (typeof body !== "object" || body === null) return null;
  if ((body as { resourceType?: unknown }).resourceType !== "Bundle") return null;
  const { entry, link } = body as { entry?: unknown; link?: unknown };
  if (entry !== undefined && !Array.isArray(entry)) return null;
  if (link !== undefined && !Array.isArray(link)) return null;
  return body as BundleLike;
}

function nextLink(bundle: BundleLike): string | null {
  for (const l of bundle.link ?? []) {
    if (typeof l === "object" && l !== null && l.relation === "next" && typeof l.url === "string" && l.url !== "")
      return l.url;
  }
  return null;
}

/** `Bundle.total` when it is a count (a non-negative integer); null otherwise. */
function totalOf(bundle: BundleLike): number | null {
  const t = bundle.total;
  return typeof t === "number" && Number.isSafeInteger(t) && t >= 0 ? t : null;
}

/** The resources of the searched type that matched (not `_include`d ones, not OperationOutcome entries). */
function matches(bundle: BundleLike, resourceType: string): unknown[] {
  const out: unknown[] = [];
  for (const e of bundle.entry ?? []) {
    if (typeof e !== "object" || e === null) continue;
    const mode = e.search?.mode;
    if (mode === "include" || mode === "outcome") continue;
    const r = e.resource;
    if (typeof r === "object" && r !== null && (r as { resourceType?: unknown }).resourceType === resourceType)
      out.push(r);
  }
  return out;
}

/**
 * A `next` link must stay on the FHIR server the app was launched against: fhirclient would send the
 * access token to whatever URL it is given.
 */
function sameServer(next: string, serverUrl: string): boolean {
  try {
    const base = new URL(serverUrl);
    const url = new URL(next, base.href.endsWith("/") ? base.href : `${base.href}/`);
    return url.origin === base.origin;
  } catch {
    return false;
  }
}

function key(resource: unknown): string | null {
  const { resourceType, id } = resource as { resourceType?: unknown; id?: unknown };
  return typeof resourceType === "string" && typeof id === "string" ? `${resourceType}/${id}` : null;
}

/**
 * Runs `resourceType?params` and follows every `next` link (at most `maxPages` pages).
 * Resources seen twice (servers whose pages shift while being read) are kept once.
 * Throws `FhirFaultError` when the first page fails, or when a later page ends the session.
 */
export async function searchAll(
  client: Client,
  resourceType: string,
  params: URLSearchParams,
  options: SearchOptions,
): Promise<SearchResult> {
  const serverUrl = String(client.getState("serverUrl") ?? "");
  const seen = new Set<string>();
  const visited = new Set<string>();
  const resources: unknown[] = [];
  let url: string | null = searchUrl(resourceType, params, options.pageSize);
  let pages = 0;
  let total: number | null = null;

  while (url !== null) {
    if (pages >= options.maxPages) return { status: "capped", resources, pages };
    let bundle: BundleLike | null;
    try {
      const res = await fhirRequest(
        client,
        { url, ...(options.signal ? { signal: options.signal } : {}) },
        options.policy,
      );
      bundle = asBundle(res.body);
      if (bundle === null) throw new FhirFaultError({ kind: "invalid-response", detail: "not a Bundle" });
    } catch (error) {
      if (!(error instanceof FhirFaultError) || pages === 0 || isFatalFault(error.fault)) throw error;
      return { status: "failed-midway", resources, pages, fault: error.fault };
    }
    pages += 1;
    visited.add(url);
    total = totalOf(bundle) ?? total;
    for (const r of matches(bundle, resourceType)) {
      const k = key(r);
      if (k !== null) {
        if (seen.has(k)) continue;
        seen.add(k);
      }
      resources.push(r);
    }
    const next = nextLink(bundle);
    if (next !== null && !sameServer(next, serverUrl)) {
      return {
        status: "failed-midway",
        resources,
        pages,
        fault: { kind: "invalid-response", detail: "a next-page link points to another server" },
      };
    }
    if (next !== null && visited.has(next)) {
      return {
        status: "failed-midway",
        resources,
        pages,
        fault: { kind: "invalid-response", detail: "next-page links loop" },
      };
    }
    url = next;
  }
  // Matches without an id cannot be told apart from repeats; each counts once here.
  if (total !== null && total > resources.length) return { status: "incomplete", resources, pages, total };
  return { status: "complete", resources, pages };
}
