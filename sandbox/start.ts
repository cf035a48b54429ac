/**
 * sandbox/: the local EHR for development and the browser tests (Medplum in-memory FHIR + SMART server),
 * synthetic patients only. Node code, never part of the app's build or a hospital deployment.
 *
 * `npm start` (after `vite build`): the local sandbox EHR on http://127.0.0.1:$PORT/.
 *   PORT=0 picks a free port.  --patients <dir> (or SANDBOX_PATIENTS) loads another folder of bundles.
 *   --no-shift-dates (or SANDBOX_SHIFT_DATES=0) keeps the bundles' dates as written.
 */
import { resolve } from "node:path";
import { runServer, type Closable } from "../src/cds/run-server";
import { startSandbox } from "./server";

function arg(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

async function main(): Promise<Closable> {
  const portText = process.env.PORT ?? "8080";
  const port = Number.parseInt(portText, 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number (0 for any free port), got "${portText}"`);
    process.exit(2);
  }
  const patients = arg("--patients") ?? process.env.SANDBOX_PATIENTS;
  const shiftDates = !process.argv.includes("--no-shift-dates") && process.env.SANDBOX_SHIFT_DATES !== "0";
  const sandbox = await startSandbox({
    port,
    ...(patients ? { patientsDir: resolve(patients) } : {}),
    shiftDates,
  });
  for (const e of sandbox.loadErrors) console.error(`[sandbox] load: ${e}`);
  console.log(`Sandbox EHR: ${sandbox.url}`);
  console.log(`  SMART FHIR base: ${sandbox.fhirBase}   open FHIR base: ${sandbox.openFhirBase}`);
  console.log(`  ${sandbox.patientIds.length} synthetic patients loaded. Ctrl+C to stop.`);
  console.log(
    `  CDS Hooks service: ${sandbox.url}cds-services (discovery); /patient/<id> shows a chart with its card.`,
  );
  console.warn(
    "  The sandbox's CDS service also accepts calls WITHOUT a JWT (sandbox only, so that any CDS client can try it); a bad JWT is refused.",
  );
  return sandbox;
}

runServer("Sandbox", "Port in use: set PORT to another port (PORT=0 picks a free one).", main);
