/**
 * The sandboxes of one browser-test run, in their own Node process (started by global-setup.ts with tsx, which
 * loads the sandbox's JSON imports that Playwright's loader refuses): the sandbox EHR serving the production build
 * given as the first argument, and a second sandbox serving a plain fhirclient reference page. Prints one line
 * "E2E_SANDBOXES=<json>" once both listen; closes them and exits when stdin ends (the runner is gone) or on SIGTERM.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startSandbox, type Sandbox } from "../../sandbox/server";
import { E2E_SANDBOXES, sandboxInfo, type E2eSandboxes } from "./sandboxes";

const here = dirname(fileURLToPath(import.meta.url));

/** The reference SMART page: the fixture's HTML and scripts plus fhirclient's browser bundle. */
function fixtureDist(): string {
  const dir = mkdtempSync(join(tmpdir(), "e2e-smart-app-"));
  const src = join(here, "fixtures", "smart-app");
  for (const f of readdirSync(src)) copyFileSync(join(src, f), join(dir, f));
  const require = createRequire(import.meta.url);
  const bundle = join(dirname(require.resolve("fhirclient/package.json")), "build", "fhir-client.min.js");
  copyFileSync(bundle, join(dir, "fhir-client.min.js"));
  return dir;
}

const distDir = resolve(process.argv[2] ?? join(here, "..", "..", "dist"));
const fixtureDir = fixtureDist();
const started: Sandbox[] = [];
let closing = false;

async function closeAndExit(code: number): Promise<void> {
  if (closing) return;
  closing = true;
  await Promise.all(started.map((s) => s.close().catch(() => undefined)));
  rmSync(fixtureDir, { recursive: true, force: true });
  process.exit(code);
}

process.on("SIGTERM", () => void closeAndExit(0));
process.on("SIGINT", () => void closeAndExit(0));
process.stdin.on("end", () => void closeAndExit(0));
process.stdin.resume();

try {
  const sandbox = await startSandbox({ port: 0, distDir });
  started.push(sandbox);
  // Access tokens shorter than fhirclient's 10 s safety margin: the reference client refreshes before every
  // request, so the refresh grant (with rotation) is exercised in the browser too.
  const fixture = await startSandbox({ port: 0, distDir: fixtureDir, accessTokenTtlSeconds: 8 });
  started.push(fixture);
  const info: E2eSandboxes = { sandbox: sandboxInfo(sandbox), fixture: sandboxInfo(fixture), distDir };
  process.stdout.write(`${E2E_SANDBOXES}=${JSON.stringify(info)}\n`);
} catch (err) {
  console.error(`e2e sandboxes failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  await closeAndExit(1);
}
