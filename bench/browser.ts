/**
 * Browser timing budget: from a click on the EHR page's Launch link to the clinician view's figures, in headless
 * Chromium against the local sandbox and the production build (dist/).
 *
 *   npm run bench                              (bench/run.ts calls runBrowserBench())
 *   node_modules/.bin/tsx bench/browser.ts [--runs 3] [--dist dir] [--check]
 *
 * Per patient, median of the runs: launch → /app/index.html (authorize + token), launch → `segment-group` shown,
 * launch → SINS and Tokuhashi figures shown, the FHIR requests and bytes the app read, and the JavaScript it
 * loaded (uncompressed; the sandbox does not compress). Goals are for this sandbox on a developer machine;
 * `--check` exits 1 when one is not met.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { startSandbox, type Sandbox } from "../sandbox/server";

const HERE = dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The patients measured and the goal for "launch → figures shown" (ms). */
export const BUDGETS: { patient: string; label: string; goalMs: number }[] = [
  { patient: "fig2-cervical-c3", label: "typical record", goalMs: 3000 },
  { patient: "hcc-t9-t12-four-levels", label: "out of study, 4 levels", goalMs: 3000 },
  { patient: "breast-t10-long-history", label: "2 060 Observations", goalMs: 6000 },
];
/** JavaScript loaded by launch.html + index.html, uncompressed. */
export const JS_GOAL_BYTES = 1000 * 1024;

const FIGURES = '[data-testid="sins-total"], [data-testid="sins-range"]';
const TOKUHASHI = '[data-testid="tokuhashi-total"], [data-testid="tokuhashi-range"]';

export interface BrowserRun {
  toAppMs: number;
  toSegmentGroupMs: number;
  toFiguresMs: number;
  fhirRequests: number;
  fhirBytes: number;
  jsBytes: number;
}

async function oneRun(browser: Browser, sandbox: Sandbox, patient: string): Promise<BrowserRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page: Page = await context.newPage();
  let fhirRequests = 0;
  let fhirBytes = 0;
  let jsBytes = 0;
  page.on("response", (r) => {
    const u = new URL(r.url());
    const size = Number(r.headers()["content-length"] ?? 0);
    if (u.pathname.startsWith("/fhir/")) {
      fhirRequests += 1;
      fhirBytes += size;
    } else if (u.pathname.startsWith("/app/") && u.pathname.endsWith(".js")) jsBytes += size;
  });
  try {
    await page.goto(sandbox.url);
    const start = Date.now();
    await page.getByTestId(`launch-${patient}`).click();
    await page.waitForURL((u) => u.pathname === "/app/index.html", { timeout: 60_000 });
    const toAppMs = Date.now() - start;
    await page.getByTestId("segment-group").waitFor({ timeout: 60_000 });
    const toSegmentGroupMs = Date.now() - start;
    await page.locator(FIGURES).first().waitFor({ timeout: 60_000 });
    await page.locator(TOKUHASHI).first().waitFor({ timeout: 60_000 });
    const toFiguresMs = Date.now() - start;
    return { toAppMs, toSegmentGroupMs, toFiguresMs, fhirRequests, fhirBytes, jsBytes };
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

const kb = (n: number): string => `${(n / 1024).toFixed(0)} kB`;

export interface BrowserBenchResult {
  text: string;
  allMet: boolean;
}

export async function measureBrowser(opts: { runs?: number; distDir?: string } = {}): Promise<BrowserBenchResult> {
  const distDir = resolve(opts.distDir ?? join(HERE, "..", "dist"));
  const title = "Browser: click Launch on the sandbox EHR → clinician view (headless Chromium, median of runs)";
  if (!existsSync(join(distDir, "index.html"))) return { text: `${title}\n  not measured: no build in ${distDir} (run vite build)`, allMet: false };
  if (!existsSync(CHROMIUM)) return { text: `${title}\n  not measured: Chromium not found at ${CHROMIUM}`, allMet: false };
  const runs = Math.max(1, opts.runs ?? 3);
  let sandbox: Sandbox | undefined;
  let browser: Browser | undefined;
  const lines = [title, ""];
  let allMet = true;
  try {
    sandbox = await startSandbox({ port: 0, distDir });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    const header = ["patient", "", "→ app", "→ group", "→ figures", "goal", "", "FHIR req", "FHIR bytes", "JS"];
    const rows: string[][] = [];
    let js = 0;
    for (const b of BUDGETS) {
      const results: BrowserRun[] = [];
      let failure: string | null = null;
      for (let i = 0; i < runs; i += 1) {
        try {
          results.push(await oneRun(browser, sandbox, b.patient));
        } catch (err) {
          failure = err instanceof Error ? err.message.split("\n")[0] ?? "failed" : String(err);
          break;
        }
      }
      if (failure || results.length === 0) {
        allMet = false;
        rows.push([b.patient, b.label, "—", "—", "—", `${b.goalMs} ms`, "NOT met", "—", "—", `failed: ${failure ?? "no run"}`]);
        continue;
      }
      const figures = median(results.map((r) => r.toFiguresMs));
      const met = figures <= b.goalMs;
      allMet &&= met;
      js = Math.max(js, ...results.map((r) => r.jsBytes));
      rows.push([
        b.patient,
        b.label,
        `${median(results.map((r) => r.toAppMs)).toFixed(0)} ms`,
        `${median(results.map((r) => r.toSegmentGroupMs)).toFixed(0)} ms`,
        `${figures.toFixed(0)} ms`,
        `≤ ${b.goalMs} ms`,
        met ? "met" : "NOT met",
        String(median(results.map((r) => r.fhirRequests))),
        kb(median(results.map((r) => r.fhirBytes))),
        kb(Math.max(...results.map((r) => r.jsBytes))),
      ]);
    }
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
    const pad = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
    lines.push(pad(header), ...rows.map(pad), "");
    const jsMet = js > 0 && js <= JS_GOAL_BYTES;
    allMet &&= jsMet;
    lines.push(`JavaScript loaded (launch + app, uncompressed): ${kb(js)} (goal ≤ ${kb(JS_GOAL_BYTES)}: ${jsMet ? "met" : "NOT met"})`);
    lines.push(`${runs} run(s) per patient; each run in a fresh browser context (cold cache), sandbox on loopback.`);
  } finally {
    await browser?.close().catch(() => undefined);
    await sandbox?.close().catch(() => undefined);
  }
  return { text: lines.join("\n"), allMet };
}

/** For bench/run.ts. */
export async function runBrowserBench(): Promise<string> {
  return (await measureBrowser()).text;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const runs = Number.parseInt(value("--runs") ?? "3", 10);
  const dist = value("--dist");
  measureBrowser({ runs, ...(dist ? { distDir: dist } : {}) }).then(
    (r) => {
      console.log(r.text);
      process.exit(argv.includes("--check") && !r.allMet ? 1 : 0);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
