/**
 * The data access settings of app-config.json (launch/config.ts) as request policy and load options,
 * so that the view and the write-back use the deployment's timeout, retries and paging.
 */
import type { AppConfig } from "../../launch/config";
import type { LoadOptions } from "./record";
import type { RequestPolicy } from "./request";

type DataSettings = Pick<AppConfig, "fhirTimeoutMs" | "fhirMaxRetries" | "fhirPageSize" | "fhirMaxPages">;

function requestPolicyFromConfig(config: Pick<AppConfig, "fhirTimeoutMs" | "fhirMaxRetries">): Partial<RequestPolicy> {
  return { timeoutMs: config.fhirTimeoutMs, maxRetries: config.fhirMaxRetries };
}

/**
 * LoadOptions for `loadPatientRecord`; `observationCodes` come from the extraction's code list, `patientId`
 * from the launch context (else the client's own patient).
 */
export function loadOptionsFromConfig(
  config: DataSettings,
  observationCodes: readonly string[],
  launch: { patientId?: string | null; signal?: AbortSignal } = {},
): LoadOptions {
  return {
    observationCodes,
    pageSize: config.fhirPageSize,
    maxPages: config.fhirMaxPages,
    policy: requestPolicyFromConfig(config),
    ...(launch.patientId ? { patientId: launch.patientId } : {}),
    ...(launch.signal ? { signal: launch.signal } : {}),
  };
}
