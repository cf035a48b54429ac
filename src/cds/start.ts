/**
 * `npm run cds`: the CDS Hooks service alone.
 *   CDS_CONFIG=<path to JSON>   the configuration (docs/CDS-HOOKS.md); required
 *   CDS_HOST, CDS_PORT (or PORT) override host and port
 * Refuses to start on an invalid configuration, one line per problem (exit 2).
 */
import { CdsConfigError, loadCdsConfig } from "./config";
import { runServer, type Closable } from "./run-server";
import { startCdsService } from "./service";

async function main(): Promise<Closable> {
  let config;
  try {
    config = loadCdsConfig(process.env.CDS_CONFIG);
  } catch (e) {
    if (e instanceof CdsConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const service = await startCdsService({ config });
  console.log(
    `CDS Hooks service: ${service.url} (discovery), service "${config.serviceId}", cards in ${config.locale}`,
  );
  console.log(
    `  trusted clients: ${config.trustedClients.map((c) => c.iss).join(", ") || "none (every hook call is refused)"}`,
  );
  console.log(`  FHIR servers it may fetch from: ${config.fhirServerAllowlist.join(", ") || "none (prefetch only)"}`);
  if (!config.baseUrl) console.log("  baseUrl not set: a JWT's aud is checked against the Host header of each call");
  if (config.allowUnauthenticated) {
    console.warn(
      "  WARNING: allowUnauthenticated is on: hook and feedback calls without a JWT are answered. Sandbox use only.",
    );
  }
  return service;
}

runServer("CDS Hooks service", "Port in use: set CDS_PORT to another port.", main);
