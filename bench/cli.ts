/**
 * The score CLI under load, as a child process (`tsx src/cli/score.ts`, what `npm run score` runs), its peak RSS
 * taken by GNU time (`/usr/bin/time -v`: the largest process of the run):
 *
 * - one patient with `n` Observations (default 10^6; bench/one-patient.ts writes the file to a temporary
 *   folder, in pieces): peak RSS ÷ file size, goal ≤ 3×;
 * - a hostile folder (a symlink loop, a `.json` link to /dev/zero, a FIFO named `.json`, and one real Bundle):
 *   the CLI must finish within TIMEOUT_MS, exit 0, score the real Bundle and name each skip on stderr.
 *
 *   tsx bench/cli.ts [--observations 1000000]
 */
import { spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateBundle } from "./extract";
import { writeOnePatientBundle } from "./one-patient";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const GNU_TIME = "/usr/bin/time";
const RSS_GOAL = 3;
export const DEFAULT_OBSERVATIONS = 1_000_000;
/** The hostile folder must be done well before this; a hang or a runaway read is killed here. */
const TIMEOUT_MS = 120_000;

interface CliRun {
  /** Exit status; null when killed. */
  code: number | null;
  signal: string | null;
  ms: number;
  /** Peak RSS in bytes (GNU time's "Maximum resident set size"); null when not measured. */
  peakRss: number | null;
  stdoutBytes: number;
  stderr: string;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Runs `score <args>` with stdout to a file; peak RSS from GNU time when it is installed. */
function runCli(args: string[], dir: string): CliRun {
  const out = join(dir, "stdout.json");
  const timeOut = join(dir, "time.txt");
  const fd = openSync(out, "w");
  const withTime = existsSync(GNU_TIME);
  const [cmd, argv] = withTime
    ? [GNU_TIME, ["-v", "-o", timeOut, TSX, join(ROOT, "src/cli/score.ts"), ...args]]
    : [TSX, [join(ROOT, "src/cli/score.ts"), ...args]];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, {
    cwd: ROOT,
    stdio: ["ignore", fd, "pipe"],
    encoding: "utf8",
    timeout: TIMEOUT_MS,
    killSignal: "SIGKILL",
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(fd);
  let peakRss: number | null = null;
  if (withTime && existsSync(timeOut)) {
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeOut, "utf8"));
    if (m) peakRss = Number(m[1]) * 1024;
  }
  return { code: r.status, signal: r.signal, ms, peakRss, stdoutBytes: statSync(out).size, stderr: r.stderr ?? "" };
}

export interface CliBenchResult {
  text: string;
  allMet: boolean;
}

/** One patient with `n` Observations: the CLI's peak RSS ÷ the file's size. */
function onePatient(n: number): { lines: string[]; met: boolean } {
  const dir = mkdtempSync(join(tmpdir(), "bench-one-patient-"));
  try {
    const file = join(dir, `one-patient-${n}.json`);
    const t0 = Date.now();
    const size = writeOnePatientBundle(file, n);
    const writeMs = Date.now() - t0;
    const r = runCli([file, "--now", "2025-01-01"], dir);
    const label = `One patient, ${n.toLocaleString("en-US").replace(/,/g, " ")} Observations (half of them tied on one day), ${mb(size)} on disk`;
    if (r.code !== 0)
      return {
        lines: [`${label}: the CLI failed (exit ${r.code ?? r.signal}; ${r.stderr.split("\n")[0] ?? ""})`],
        met: false,
      };
    const report = (
      JSON.parse(readFileSync(join(dir, "stdout.json"), "utf8")) as {
        tokuhashi: {
          min: number;
          max: number;
          items: { generalCondition: { provenance: unknown[]; provenanceOmitted?: number } };
        };
      }[]
    )[0];
    const gc = report?.tokuhashi.items.generalCondition;
    const detail = `report ${mb(r.stdoutBytes)}, general condition: ${gc?.provenance.length ?? 0} sources listed + ${gc?.provenanceOmitted ?? 0} counted; file written in ${(writeMs / 1000).toFixed(1)} s`;
    if (r.peakRss === null)
      return {
        lines: [`${label}: ${(r.ms / 1000).toFixed(1)} s, peak RSS not measured (no ${GNU_TIME}); ${detail}`],
        met: true,
      };
    const ratio = r.peakRss / size;
    const met = ratio <= RSS_GOAL;
    return {
      lines: [
        `${label}: CLI peak RSS ${mb(r.peakRss)} = ${ratio.toFixed(2)}× the file (goal ≤ ${RSS_GOAL}×: ${met ? "met" : "NOT met"}), ${(r.ms / 1000).toFixed(1)} s`,
        `  ${detail}`,
      ],
      met,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A folder with a symlink loop, a .json link to /dev/zero, a FIFO named .json and one real Bundle. */
function hostileFolder(): { lines: string[]; met: boolean } {
  const dir = mkdtempSync(join(tmpdir(), "bench-hostile-"));
  try {
    const folder = join(dir, "in");
    mkdirSync(join(folder, "sub"), { recursive: true });
    const bundle = generateBundle(1_000); // 50 patients
    writeFileSync(join(folder, "real.json"), JSON.stringify(bundle));
    symlinkSync("..", join(folder, "sub", "loop"));
    symlinkSync("/dev/zero", join(folder, "zero.json"));
    const fifo = spawnSync("mkfifo", [join(folder, "fifo.json")]);
    const parts = [
      "symlink loop",
      "/dev/zero link",
      ...(fifo.status === 0 ? ["FIFO"] : []),
      "one 1 000-resource Bundle (50 patients)",
    ];
    const r = runCli([folder, "--now", "2025-01-01"], dir);
    const skips = r.stderr.split("\n").filter((l) => l.includes(": skipped: ")).length;
    const expectedSkips = fifo.status === 0 ? 3 : 2;
    let reports = 0;
    if (r.code === 0) reports = (JSON.parse(readFileSync(join(dir, "stdout.json"), "utf8")) as unknown[]).length;
    const met = r.code === 0 && reports === 50 && skips === expectedSkips;
    const rss = r.peakRss === null ? "peak RSS not measured" : `peak RSS ${mb(r.peakRss)}`;
    return {
      lines: [
        `Hostile folder (${parts.join(", ")}): ${r.code === null ? `killed after ${TIMEOUT_MS / 1000} s` : `exit ${r.code}`} in ${(r.ms / 1000).toFixed(1)} s, ${rss}, ${reports} reports, ${skips} skips named on stderr (goal: finishes, exit 0, 50 reports, ${expectedSkips} skips: ${met ? "met" : "NOT met"})`,
      ],
      met,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function benchCli(observations = DEFAULT_OBSERVATIONS): CliBenchResult {
  const a = hostileFolder();
  const b = onePatient(observations);
  return {
    text: ["The score CLI as a child process (peak RSS by GNU time)", "", ...a.lines, ...b.lines].join("\n"),
    allMet: a.met && b.met,
  };
}

if (process.argv[1]?.endsWith("cli.ts")) {
  const i = process.argv.indexOf("--observations");
  const n = i > 0 ? Number(process.argv[i + 1]) : DEFAULT_OBSERVATIONS;
  const result = benchCli(Number.isSafeInteger(n) && n > 0 ? n : DEFAULT_OBSERVATIONS);
  process.stdout.write(`${result.text}\n`);
  process.exitCode = result.allMet ? 0 : 1;
}
