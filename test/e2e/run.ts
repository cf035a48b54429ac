/**
 * Browser end-to-end tests: `npm run test:e2e` (= vite build && tsx test/e2e/run.ts).
 *   tsx test/e2e/run.ts [--grep <text>] [--dist <dir>]
 * Starts the sandbox EHR on a free port with the production build (dist/), a second sandbox with a plain
 * fhirclient reference page, and Debian's Chromium headless; runs every test/e2e/specs/*.spec.ts; writes
 * screenshots to test-results/e2e/; prints "N passed, M failed" last and exits non-zero on any failure.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { startSandbox, type Sandbox } from "../../sandbox/server";
import { setCurrentFile, tests, watchPage, type E2eContext } from "./harness";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const RESULTS = join(root, "test-results", "e2e");

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 80);

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

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function main(): Promise<number> {
  const grep = arg("--grep");
  const distDir = resolve(arg("--dist") ?? join(root, "dist"));
  if (!existsSync(CHROMIUM)) {
    console.error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
    return 2;
  }
  if (!existsSync(join(distDir, "index.html"))) {
    console.error(`No production build in ${distDir}: run "npx vite build" first (npm run test:e2e does).`);
  }
  const specDir = join(here, "specs");
  for (const file of readdirSync(specDir).filter((f) => f.endsWith(".spec.ts")).sort()) {
    setCurrentFile(file);
    await import(pathToFileURL(join(specDir, file)).href);
  }
  const selected = tests.filter((t) => !grep || `${t.file} ${t.name}`.includes(grep));
  mkdirSync(RESULTS, { recursive: true });

  let sandbox: Sandbox | undefined;
  let fixture: Sandbox | undefined;
  let browser: Browser | undefined;
  const fixtureDir = fixtureDist();
  let passed = 0;
  let failed = 0;
  try {
    sandbox = await startSandbox({ port: 0, distDir });
    // Access tokens shorter than fhirclient's 10 s safety margin: the reference client refreshes before every
    // request, so the refresh grant (with rotation) is exercised in the browser too.
    fixture = await startSandbox({ port: 0, distDir: fixtureDir, accessTokenTtlSeconds: 8 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    console.log(`e2e: sandbox ${sandbox.url} · fixture ${fixture.url} · ${selected.length} tests`);
    for (const t of selected) {
      const started = Date.now();
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
      const page = await context.newPage();
      const problems: string[] = [];
      watchPage(page, problems);
      const base = `${slug(t.file.replace(/\.spec\.ts$/, ""))}--${slug(t.name)}`;
      const ctx: E2eContext = {
        browser,
        context,
        page,
        sandbox,
        fixture,
        distDir,
        problems,
        async screenshot(name) {
          const path = join(RESULTS, `${base}--${slug(name)}.png`);
          await page.screenshot({ path, fullPage: true });
          return path;
        },
      };
      try {
        await withTimeout(t.fn(ctx), t.timeoutMs, t.name);
        passed += 1;
        console.log(`  ✓ ${t.file} › ${t.name} (${Date.now() - started} ms)`);
      } catch (err) {
        failed += 1;
        const message = err instanceof Error ? err.message : String(err);
        console.log(`  ✗ ${t.file} › ${t.name} (${Date.now() - started} ms)\n      ${message.split("\n").join("\n      ")}`);
        if (problems.length) console.log(`      page problems:\n        ${problems.slice(0, 10).join("\n        ")}`);
        console.log(`      at ${page.url()}`);
      } finally {
        await page.screenshot({ path: join(RESULTS, `${base}.png`), fullPage: true }).catch(() => undefined);
        await context.close().catch(() => undefined);
      }
    }
  } catch (err) {
    failed += 1;
    console.error(`e2e harness failed: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await sandbox?.close().catch(() => undefined);
    await fixture?.close().catch(() => undefined);
    rmSync(fixtureDir, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 || passed === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
