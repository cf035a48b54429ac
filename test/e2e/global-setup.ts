/**
 * Playwright's global setup for the browser suite (playwright.config.ts): starts the sandboxes once per run, in a
 * child process (sandbox-process.ts under tsx), and hands their addresses to the test workers in the environment
 * (E2E_SANDBOXES, read by fixtures.ts). One sandbox for the whole run, even when a failed test makes Playwright
 * start a new worker: specs that write run after the ones that read (docs/SANDBOX.md). Returns the teardown.
 *
 * The build is dist/, or the folder named by E2E_DIST.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { E2E_SANDBOXES } from "./sandboxes";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const STARTUP_MS = 60_000;

export default async function globalSetup(): Promise<() => Promise<void>> {
  const distDir = resolve(root, process.env.E2E_DIST ?? "dist");
  if (!existsSync(join(distDir, "index.html"))) {
    console.error(`No production build in ${distDir}: run "npx vite build" first (npm run test:e2e does).`);
  }
  const child = spawn(process.execPath, ["--import", "tsx", join(here, "sandbox-process.ts"), distDir], {
    cwd: root,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const lines = createInterface({ input: child.stdout });
  const info = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the sandboxes did not start within ${STARTUP_MS} ms`)), STARTUP_MS);
    child.once("exit", (code) =>
      fail(new Error(`the sandbox process exited (code ${code ?? "?"}) before it listened`)),
    );
    lines.on("line", (line) => {
      if (line.startsWith(`${E2E_SANDBOXES}=`)) {
        clearTimeout(timer);
        done(line.slice(E2E_SANDBOXES.length + 1));
      } else console.log(line);
    });
  }).catch((err: unknown) => {
    child.kill("SIGTERM");
    throw err;
  });
  process.env[E2E_SANDBOXES] = info;
  return async () => {
    child.stdin.end();
    child.kill("SIGTERM");
    await exited;
  };
}
