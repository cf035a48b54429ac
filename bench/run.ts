/**
 * bench/: performance measurements (`npm run bench`) on synthetic data, each against its stated goal. Not a
 * test suite (the tests check behaviour); it never writes dist/.
 *
 * `npm run bench`: extraction benchmarks (bench/extract.ts), the score CLI under load (bench/cli.ts: one patient
 * with 10^6 Observations, a hostile folder), the CDS Hooks service (bench/cds.ts: hook ÷ JSON.parse, 50 concurrent
 * calls on loopback), then the browser benchmarks when bench/browser.ts exists (it exports
 * runBrowserBench(): Promise<string>; it reads the build in dist/ and never writes it).
 *
 *   npm run bench [-- --cli-only] [-- --observations <n>]
 *
 * `--cli-only`: the peak-RSS measures of the CLI alone (no extraction table, no browser); `--observations`:
 * the one-patient file's size (default 10^6).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchCds } from "./cds";
import { benchCli, DEFAULT_OBSERVATIONS } from "./cli";
import { benchExtract, generateBundle } from "./extract";

const HERE = dirname(fileURLToPath(import.meta.url));
const SIZES = [100, 1_000, 10_000, 100_000];
const RATIO_GOAL = 1.0;
const RSS_GOAL = 3;

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function pad(cells: string[], widths: number[]): string {
  return cells.map((c, i) => c.padStart(widths[i] ?? 0)).join("  ");
}

function extractSection(): string {
  benchExtract(2_000); // JIT warm-up, not reported
  const load = loadavg()[0] ?? 0;
  const lines = [
    "Extraction + scoring vs JSON.parse of the same Bundle text (median of runs, same process, after a warm-up)",
    `machine: ${cpus().length} cores, load average ${load.toFixed(1)} (numbers are noisy when the load exceeds the cores)`,
    "",
  ];
  const header = ["resources", "bundle", "JSON.parse", "extract+score", "ratio", "µs/resource", `goal ≤ ${RATIO_GOAL}`];
  const rows: string[][] = [];
  for (const n of SIZES) {
    const b = benchExtract(n);
    rows.push([
      String(n),
      mb(b.bytes),
      `${b.parseMs.toFixed(2)} ms`,
      `${b.extractMs.toFixed(2)} ms`,
      b.ratio.toFixed(2),
      b.usPerResource.toFixed(2),
      b.ratio <= RATIO_GOAL ? "met" : "NOT met",
    ]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  lines.push(pad(header, widths), ...rows.map((r) => pad(r, widths)));
  return lines.join("\n");
}

/** Peak RSS of reading + scoring the 100 000-resource Bundle as the CLI does, in a fresh process. */
function bundleRssSection(): string {
  const lines: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), "bench-"));
  try {
    const file = join(dir, "bundle-100000.json");
    writeFileSync(file, JSON.stringify(generateBundle(100_000)));
    const size = statSync(file).size;
    const tsx = join(HERE, "../node_modules/.bin/tsx");
    const child = spawnSync(tsx, [join(HERE, "extract.ts"), "rss", file], { encoding: "utf8" });
    const rss = Number(child.stdout.trim().split(" ")[0]);
    if (child.status === 0 && Number.isFinite(rss) && rss > 0) {
      const ratio = rss / size;
      lines.push(
        `Peak RSS of scoring the 100 000-resource Bundle file as the CLI does (streamed in 1 MB chunks, one patient parsed at a time), fresh process: ${mb(rss)} for ${mb(size)} on disk = ${ratio.toFixed(2)}× (goal ≤ ${RSS_GOAL}×: ${ratio <= RSS_GOAL ? "met" : "NOT met"})`,
      );
    } else {
      lines.push(`Peak RSS: measurement failed (${child.stderr.split("\n")[0] ?? "no output"})`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines.join("\n");
}

async function browserSection(): Promise<string> {
  const path = join(HERE, "browser.ts");
  if (!existsSync(path)) return "browser benchmarks: not available";
  const mod = (await import(path)) as { runBrowserBench?: () => Promise<string> };
  return mod.runBrowserBench ? await mod.runBrowserBench() : "browser benchmarks: not available";
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const cliOnly = process.argv.includes("--cli-only");
  const n = Number(option("--observations") ?? DEFAULT_OBSERVATIONS);
  if (!cliOnly) process.stdout.write(`${extractSection()}\n\n`);
  process.stdout.write(`${bundleRssSection()}\n\n`);
  process.stdout.write(`${benchCli(Number.isSafeInteger(n) && n > 0 ? n : DEFAULT_OBSERVATIONS).text}\n\n`);
  if (!cliOnly) process.stdout.write(`${await benchCds()}\n\n`);
  if (!cliOnly) process.stdout.write(`${await browserSection()}\n`);
}

void main();
