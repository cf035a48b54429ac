/** CDS Hooks 2.0 shapes the service produces and reads (https://cds-hooks.hl7.org/2.0/). */
import type { SegmentGroup, SinsCategory, SpinalLevel, TokuhashiPrognosis } from "../scores/types";

export interface CdsServiceDefinition {
  hook: string;
  title: string;
  description: string;
  id: string;
  prefetch: Record<PrefetchKey, string>;
  usageRequirements?: string;
}

export interface CdsDiscovery {
  services: CdsServiceDefinition[];
}

interface CdsSource {
  label: string;
  url?: string;
}

interface CdsLink {
  label: string;
  url: string;
  type: "absolute" | "smart";
  appContext?: string;
}

/** Machine-readable figures of the card (CDS Hooks `extension`), for EHR integrations and tests. */
interface CardFigures {
  levels: SpinalLevel[];
  segmentGroup: SegmentGroup | null;
  inStudyPopulation: boolean | null;
  sins: { total: number | null; min: number; max: number; categories: SinsCategory[]; atLeast7: boolean };
  tokuhashi: { total: number | null; min: number; max: number; prognoses: TokuhashiPrognosis[] };
  partial: boolean;
  /** Prefetch keys whose data the service had neither from prefetch nor from the FHIR server. */
  missing: PrefetchKey[];
}

export interface CdsCard {
  uuid: string;
  summary: string;
  detail: string;
  indicator: "info" | "warning" | "critical";
  source: CdsSource;
  links: CdsLink[];
  extension: { "spine-met-qol": CardFigures };
}

export interface CdsResponse {
  cards: CdsCard[];
}

/** The service's prefetch keys, in the order the card lists them. */
export const PREFETCH_KEYS = ["patient", "conditions", "observations", "procedures", "questionnaireResponses"] as const;
export type PrefetchKey = (typeof PREFETCH_KEYS)[number];

/** How one prefetch key's data came to the service. */
export type DataState =
  | { state: "prefetch" | "fetched"; complete: boolean }
  | { state: "missing"; why: "not-sent" | "null" | "wrong-type" | "no-access" | "not-allowed" | "fetch-failed" };
