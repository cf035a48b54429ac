/** The CDS Hooks 2.0 service (issue 15): see ./service.ts and docs/CDS-HOOKS.md. */
export { createCdsHandler, startCdsService, CDS_PATH, type CdsHandler, type CdsServiceOptions, type RunningCdsService } from "./service";
export { parseCdsConfig, loadCdsConfig, CdsConfigError, type CdsConfig, type CdsConfigInput, type TrustedClient } from "./config";
export { discoveryDocument, prefetchTemplates } from "./discovery";
export { answerHook, type HookOutcome } from "./hook";
export { buildCard, summaryText, SUMMARY_MAX } from "./card";
export type { CdsCard, CdsResponse, CdsDiscovery, PrefetchKey } from "./types";
