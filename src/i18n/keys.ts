/**
 * Every key of the catalogue: the union of the sections' keys (types only: importing this adds no words to a
 * page). A section a page has not registered reads in English, else as its key (./translate.ts).
 */
import type { Section } from "./catalogue";
import type { appStrings } from "./sections/app";
import type { CdsKey } from "./sections/cds";
import type { CoreKey } from "./sections/core";
import type { FaultKey } from "./sections/faults";
import type { FhirKey } from "./sections/fhir";
import type { formStrings } from "./sections/forms";
import type { LaunchKey } from "./sections/launch";
import type { PrintKey } from "./sections/print";

type KeysOf<S> = S extends Section<infer K> ? K : never;

export type MessageKey =
  KeysOf<typeof appStrings> | KeysOf<typeof formStrings> | FaultKey | CoreKey | CdsKey | LaunchKey | FhirKey | PrintKey;
