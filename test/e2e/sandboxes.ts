/**
 * What a browser test knows of the sandboxes global-setup.ts started: their addresses and patient ids, passed from
 * the runner process to the test workers as JSON in the environment.
 */
import type { Sandbox } from "../../sandbox/server";

/** A running sandbox as the specs see it (the server itself lives in the runner process). */
export type SandboxInfo = Pick<Sandbox, "url" | "fhirBase" | "openFhirBase" | "port" | "patientIds">;

export interface E2eSandboxes {
  /** The sandbox serving the production build at /app/. */
  sandbox: SandboxInfo;
  /** A second sandbox serving a plain fhirclient reference page at /app/ (test/e2e/fixtures/smart-app). */
  fixture: SandboxInfo;
  /** The production build the sandbox serves (dist/, or E2E_DIST). */
  distDir: string;
}

/** The environment variable that carries E2eSandboxes as JSON. */
export const E2E_SANDBOXES = "E2E_SANDBOXES";

export const sandboxInfo = (s: SandboxInfo): SandboxInfo => ({
  url: s.url,
  fhirBase: s.fhirBase,
  openFhirBase: s.openFhirBase,
  port: s.port,
  patientIds: [...s.patientIds],
});

export function readSandboxes(): E2eSandboxes {
  const raw = process.env[E2E_SANDBOXES];
  if (!raw)
    throw new Error(
      `${E2E_SANDBOXES} is not set: run the browser specs with "npx playwright test" (playwright.config.ts starts the sandboxes)`,
    );
  return JSON.parse(raw) as E2eSandboxes;
}
