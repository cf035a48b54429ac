/**
 * The size budget of the main view: the JavaScript index.html loads before anything lazy (its module script, its
 * modulepreloads and their static imports) must stay within 120 kB gzip. Lazy chunks (the extraction engine, the
 * clinician view, the questionnaires, fhirclient) are not counted, and must stay lazy.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { htmlScripts, initialJs, INITIAL_JS_BUDGET_GZIP_BYTES, kB, staticImports } from "../bundle-size";
import { expect, test } from "../harness";

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
  const lazy = readdirSync(join(distDir, "assets")).filter((f) => /^(ClinicianView|engine|FormsPanel|browser|session|scores)-[\w-]+\.js$/.test(f));
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
