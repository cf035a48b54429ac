/**
 * Writes only the long-history patient (≥ 2 000 Observations, fixed seed) to sandbox/patients/.
 *   node_modules/.bin/tsx sandbox/generate-long.ts [outDir]
 * The generator itself is sandbox/patients-src/long-history.ts; generate-patients.ts writes it with the others.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { formatBundle } from "./patients-src/format";
import { buildLongHistoryPatient } from "./patients-src/long-history";
import { DEFAULT_PATIENTS_DIR } from "./server";

export const LONG_HISTORY_FILE = "11-breast-t10-long-history.json";

const out = resolve(process.argv[2] ?? DEFAULT_PATIENTS_DIR);
mkdirSync(out, { recursive: true });
const bundle = buildLongHistoryPatient();
const observations = (bundle.entry ?? []).filter((e) => e.resource?.resourceType === "Observation").length;
writeFileSync(join(out, LONG_HISTORY_FILE), formatBundle(bundle, true));
console.log(`${join(out, LONG_HISTORY_FILE)}: ${observations} Observations`);
