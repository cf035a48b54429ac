/**
 * Writes the synthetic patients to sandbox/patients/*.json (deterministic; the output is committed).
 *   node_modules/.bin/tsx sandbox/generate-patients.ts [outDir]
 * test/unit/sandbox/patients.test.ts fails when the committed files differ from this output.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { LONG_HISTORY_ID } from "./patients-src/long-history";
import { formatBundle } from "./patients-src/format";
import { allPatients } from "./patients-src/patients";
import { DEFAULT_PATIENTS_DIR } from "./server";

export function renderPatients(): [file: string, text: string][] {
  return allPatients().map(([file, bundle]) => [
    file,
    formatBundle(bundle, bundle.id === `sandbox-${LONG_HISTORY_ID}`),
  ]);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? "")) {
  const out = resolve(process.argv[2] ?? DEFAULT_PATIENTS_DIR);
  mkdirSync(out, { recursive: true });
  for (const [file, text] of renderPatients()) {
    writeFileSync(join(out, file), text);
    console.log(`${join(out, file)} (${Math.round(text.length / 1024)} kB)`);
  }
}
