/**
 * scripts/: scripts a maintainer runs by hand (`npm run screenshots`). Not part of the app, the tests or CI.
 *
 * The screenshots of docs/screenshots/ (what a surgeon sees), taken from a production build: `npm run screenshots`
 * (= tsx scripts/screenshots.ts [--dist <dir>] [--out <dir>] [--pdf]). Builds nothing: it serves dist/ (or --dist)
 * from a sandbox on a free port, drives Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH) with
 * playwright-core and writes, at device scale 1:
 *
 *   main-1024x768.png           the clinician view as it opens on a 1024 × 768 clinic PC (no scrolling)
 *   print-en.png, print-ja.png  the tumour-board sheet as printed (print media, one A4 page at 96 dpi)
 *   print-en.pdf, print-ja.pdf  the same as A4 PDFs (with --pdf)
 *   tablet-1-handover.png       the clinician hands the tablet over (timepoint and code)
 *   tablet-2-question.png       the patient's first question, one per screen
 *   tablet-3-exit.png           "Return to clinician": leaving needs the clinician's code
 *
 * Everything shown is the sandbox's synthetic data; the dates move with the day the sandbox starts.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { startSandbox, type Sandbox } from "../sandbox/server";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The patients shown: every score known (main view); ranges, suggestions and QOL values (print); a pain VAS only (tablet). */
const MAIN_PATIENT = "breast-t11-t12-complete";
const PRINT_PATIENT = "fig2-cervical-c3";
const TABLET_PATIENT = "breast-t4-l2-noncontiguous";
/** A4 at 96 dpi, and the sheet's @page margins (src/ui/styles/print.css: 8 mm top and bottom, 10 mm at the sides). */
const A4 = { width: Math.round((210 / 25.4) * 96), height: Math.round((297 / 25.4) * 96) };
const MARGIN = { x: Math.round((10 / 25.4) * 96), y: Math.round((8 / 25.4) * 96) };
const TABLET = { width: 768, height: 1024 };

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The EHR page's Launch link of a patient, then the app until its figures are shown. */
async function launch(page: Page, sandbox: Sandbox, patientId: string): Promise<void> {
  await page.goto(sandbox.url);
  await page.getByTestId(`launch-${patientId}`).click();
  await page.waitForURL((u) => u.pathname === "/app/index.html", { timeout: 30_000 });
  await page
    .locator('[data-testid="tokuhashi-total"], [data-testid="tokuhashi-range"]')
    .first()
    .waitFor({ timeout: 30_000 });
}

async function newPage(browser: Browser, viewport: { width: number; height: number }, locale = "en-GB"): Promise<Page> {
  const context = await browser.newContext({ viewport, locale, deviceScaleFactor: 1 });
  return context.newPage();
}

async function mainView(browser: Browser, sandbox: Sandbox, out: string): Promise<void> {
  const page = await newPage(browser, { width: 1024, height: 768 });
  await launch(page, sandbox, MAIN_PATIENT);
  // The charts render after the first paint: wait for them so the shot is the settled view.
  await page.getByTestId("qol-card").waitFor();
  await page.screenshot({ path: join(out, "main-1024x768.png") });
  await page.context().close();
}

async function printSheet(
  browser: Browser,
  sandbox: Sandbox,
  out: string,
  locale: "en" | "ja",
  pdf: boolean,
): Promise<void> {
  const page = await newPage(browser, { width: 1280, height: 900 }, locale === "ja" ? "ja-JP" : "en-GB");
  // The app opens the browser's print dialog: here it prints to a PNG and a PDF instead.
  await page.addInitScript(() => {
    window.print = () => undefined;
  });
  await launch(page, sandbox, PRINT_PATIENT);
  const language = page.locator(".locale-switch select");
  if ((await language.inputValue()) !== locale) await language.selectOption(locale);
  await page.getByTestId("print-button").click();
  await page.getByTestId("tumour-board-sheet").waitFor({ state: "attached" });
  await page.emulateMedia({ media: "print" });
  if (pdf) writeFileSync(join(out, `print-${locale}.pdf`), await page.pdf({ format: "A4", printBackground: true }));
  // The PNG: one A4 page at 96 dpi, the page's margins drawn as padding (the printed area keeps its width).
  await page.setViewportSize(A4);
  // Through the CSSOM (the app's Content-Security-Policy refuses inline style sheets).
  await page.evaluate(({ x, y }) => {
    document.body.style.boxSizing = "border-box";
    document.body.style.padding = `${y}px ${x}px`;
  }, MARGIN);
  await page.screenshot({ path: join(out, `print-${locale}.png`) });
  await page.context().close();
}

async function tabletFlow(browser: Browser, sandbox: Sandbox, out: string): Promise<void> {
  const page = await newPage(browser, TABLET);
  await launch(page, sandbox, TABLET_PATIENT);
  await page.getByRole("button", { name: "Open questionnaires" }).click();
  await page.getByRole("button", { name: "Hand to patient" }).click();
  const setup = page.getByTestId("handover-setup");
  await setup.waitFor();
  await setup.locator('fieldset[id$="-timepoint"] input[type="radio"][value="timepoint.preop"]').check();
  await setup.getByLabel("Code", { exact: true }).fill("2468");
  await setup.getByLabel("Code again", { exact: true }).fill("2468");
  await setup.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(out, "tablet-1-handover.png") });
  await setup.getByRole("button", { name: "Start" }).click();
  const mode = page.getByTestId("patient-mode");
  await mode.getByTestId("pm-progress").waitFor();
  await page.screenshot({ path: join(out, "tablet-2-question.png") });
  await mode.getByRole("button", { name: "Return to clinician" }).click();
  await page.getByRole("dialog", { name: "Leave patient self-report?" }).waitFor();
  await page.screenshot({ path: join(out, "tablet-3-exit.png") });
  await page.context().close();
}

async function main(): Promise<number> {
  const distDir = resolve(arg("--dist") ?? join(root, "dist"));
  const out = resolve(arg("--out") ?? join(root, "docs", "screenshots"));
  const pdf = process.argv.includes("--pdf");
  if (!existsSync(join(distDir, "index.html"))) {
    console.error(`screenshots: no production build in ${distDir}: run "npm run build" first (or pass --dist <dir>).`);
    return 2;
  }
  if (!existsSync(CHROMIUM)) {
    console.error(
      `screenshots: Chromium not found at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM_PATH).`,
    );
    return 2;
  }
  mkdirSync(out, { recursive: true });
  const sandbox = await startSandbox({ port: 0, distDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    await mainView(browser, sandbox, out);
    for (const locale of ["en", "ja"] as const) await printSheet(browser, sandbox, out, locale, pdf);
    await tabletFlow(browser, sandbox, out);
  } finally {
    await browser.close();
    await sandbox.close();
  }
  console.log(`screenshots: written to ${out}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`screenshots: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
