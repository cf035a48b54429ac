/**
 * The size budget of the main view: the JavaScript index.html loads before anything lazy (its module script, its
 * modulepreloads and their static imports) must stay within 120 kB gzip. Lazy chunks (the extraction engine, the
 * clinician view, the QOL charts, the questionnaires, fhirclient) are not counted, and must stay lazy.
 *
 * The first screen (issue 14, item 12): the verdict strip and the score cards are painted without waiting for
 * the QOL charts, whose chunk is fetched early but rendered after the first paint.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { htmlScripts, initialJs, INITIAL_JS_BUDGET_GZIP_BYTES, kB, staticImports } from "../bundle-size";
import { launchPatient } from "../app";
import { expect, test } from "../harness";

const CHARTS_CHUNK = /\/app\/assets\/QolCourse-[\w-]+\.js$/;
const FIGURES = ["segment-group", "applicability", "sins-category", "tokuhashi-prognosis"] as const;

test("size: the main view's initial JavaScript is at most 120 kB gzip", async ({ distDir }) => {
  // The parser: static imports and re-exports count, dynamic import() and strings do not.
  expect.equal(
    staticImports('import{a as e,t}from"./rt.js";import"./side.js";export{x}from"./re.js";const l=()=>import("./lazy.js");const s="./no.js";').join(),
    "./rt.js,./side.js,./re.js",
    "static imports found in minified code",
  );
  expect.equal(
    htmlScripts('<script type="module" crossorigin src="./assets/main.js"></script><link rel="modulepreload" href="./assets/a.js"><link rel="stylesheet" href="./assets/m.css"><script src="https://cdn/x.js"></script>').join(),
    "./assets/main.js,./assets/a.js",
    "module script and modulepreloads of the HTML",
  );

  const initial = initialJs(distDir, "index.html");
  const listing = initial.files.map((f) => `${f.file} ${kB(f.gzipBytes)}`).join(", ");
  expect.ok(initial.files.some((f) => /^assets\/main-[\w-]+\.js$/.test(f.file)), `the entry chunk is counted (${listing})`);
  const lazy = readdirSync(join(distDir, "assets")).filter((f) => /^(ClinicianView|QolCourse|engine|FormsPanel|browser|session|scores)-[\w-]+\.js$/.test(f));
  expect.ok(lazy.length >= 4, `lazy chunks exist in the build (${lazy.join(", ")})`);
  expect.none(
    initial.files.filter((f) => lazy.includes(f.file.replace(/^assets\//, ""))).map((f) => f.file),
    "lazy chunks loaded statically by index.html",
  );
  expect.ok(
    initial.gzipBytes <= INITIAL_JS_BUDGET_GZIP_BYTES,
    `initial JS ${kB(initial.gzipBytes)} gzip ≤ ${kB(INITIAL_JS_BUDGET_GZIP_BYTES)} (${listing})`,
  );
  console.log(`      initial JS of index.html: ${kB(initial.gzipBytes)} gzip (${kB(initial.bytes)} raw) of ${kB(INITIAL_JS_BUDGET_GZIP_BYTES)}: ${listing}`);
});

test("first screen: the verdict strip and the cards show while the charts' chunk is still loading", async ({ page, sandbox }) => {
  let release = (): void => undefined;
  const held = new Promise<void>((ok) => {
    release = ok;
  });
  const chartRequests: string[] = [];
  await page.route(CHARTS_CHUNK, async (route) => {
    chartRequests.push(new URL(route.request().url()).pathname);
    await held;
    await route.continue();
  });
  await launchPatient(page, sandbox, "fig2-cervical-c3");
  expect.equal(chartRequests.length, 1, "the charts' chunk was asked for (preloaded) before the figures showed");
  for (const id of FIGURES) expect.ok(await page.getByTestId("verdict-strip").getByTestId(id).isVisible(), `${id} on the strip`);
  expect.ok(await page.getByTestId("segment-card").isVisible(), "the segment group card is shown");
  expect.ok(await page.locator('[data-testid^="item-sins-"]').first().isVisible(), "the SINS card's items are shown");
  expect.ok(await page.locator('[data-testid^="item-tokuhashi-"]').first().isVisible(), "the Tokuhashi card's items are shown");
  expect.equal(await page.getByTestId("qol-card").count(), 0, "no chart while their chunk loads");
  expect.equal(await page.getByTestId("qol-pending").getAttribute("aria-busy"), "true", "the QOL card says it is loading");
  release();
  await page.getByTestId("course-eq5dIndex").waitFor({ timeout: 15_000 });
  expect.equal(await page.getByTestId("qol-pending").count(), 0, "the placeholder is gone once the charts are in");
});

test("first screen: the charts are not in the commit that shows the figures, even with their chunk loaded", async ({ page, sandbox }) => {
  // Before the app's scripts: note, when the strip's figures first enter the DOM, whether the charts came with them.
  await page.addInitScript(`(() => {
    if (!location.pathname.endsWith("/app/index.html")) return;
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[data-testid="verdict-strip"] [data-testid="tokuhashi-prognosis"]')) return;
      observer.disconnect();
      window.__firstCommit = {
        charts: document.querySelectorAll('[data-testid="qol-card"]').length,
        chunkLoaded: performance.getEntriesByType("resource").some((e) => /\\/QolCourse-[\\w-]+\\.js$/.test(e.name)),
      };
    });
    observer.observe(document, { childList: true, subtree: true });
  })();`);
  await launchPatient(page, sandbox, "fig2-cervical-c3");
  const first = await page.evaluate(() => (window as unknown as { __firstCommit?: { charts: number; chunkLoaded: boolean } }).__firstCommit);
  expect.ok(first, "the figures' first commit was seen");
  expect.ok(first?.chunkLoaded, "the charts' chunk was loaded (preloaded) when the figures were committed");
  expect.equal(first?.charts, 0, "charts rendered in the same commit as the figures");
  await page.getByTestId("course-eq5dIndex").waitFor({ timeout: 15_000 });
});
