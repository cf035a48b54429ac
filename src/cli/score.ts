/**
 * `npm run --silent score -- <path> [--value-set <id>] [--format json|table] [--now <date>] [--max-file-bytes <n>]
 *   [--ps-max-age-days <n>] [--palsy-max-age-days <n>]`
 *
 * The two windows mark an item stale when its deciding evidence is older (ReportItem.stale; defaults
 * DEFAULT_EVIDENCE_MAX_AGE_DAYS, the same as app-config.json's evidenceMaxAgeDays).
 *
 * Reads a FHIR Bundle, an NDJSON file, or a folder of them; prints a JSON array of ScoreReports, one per
 * Patient found (diagnostics inside the reports), exit 0. Unreadable input: one line on stderr naming the file
 * and the problem, exit 2.
 *
 * In a folder, what is not read is skipped with one line on stderr (`score: <path>: skipped: <reason>`) and the
 * rest is scored (exit 0): links to folders (never followed), broken links, named pipes, sockets and devices
 * (never opened), a file reached twice (read once), a file over `--max-file-bytes` (default 512 MiB, by its
 * size and while reading). Named as the input itself, such a file is unreadable input (exit 2).
 */
import { parseArgs } from "node:util";
import { DEFAULT_EVIDENCE_MAX_AGE_DAYS } from "../report/types";
import { DEFAULT_VALUE_SET, valueSets } from "../scores";
import { scorePatients } from "./pipeline";
import { DEFAULT_MAX_FILE_BYTES, InputError, loadInput, type PatientInput } from "./read";
import { formatRows, reportRow } from "./table";

const USAGE =
  "usage: score <file-or-folder> [--value-set <id>] [--format json|table] [--now <YYYY-MM-DD>] [--max-file-bytes <bytes, or with K/M/G; default 512M>] [--ps-max-age-days <days; default 30>] [--palsy-max-age-days <days; default 7>]";

/** "536870912", "512M", "1G", "64K" (binary multiples) → bytes; null when not a positive whole number. */
export function parseBytes(text: string): number | null {
  const m = /^(\d+)([KMG])?$/i.exec(text.trim());
  if (!m) return null;
  const unit = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[(m[2] ?? "").toUpperCase() as "K" | "M" | "G"] ?? 1;
  const n = Number(m[1]) * unit;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

function fail(message: string): never {
  process.stderr.write(`score: ${message}\n`);
  process.exit(2);
}

function main(argv: string[]): void {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        "value-set": { type: "string" },
        format: { type: "string", default: "json" },
        now: { type: "string" },
        "max-file-bytes": { type: "string" },
        "ps-max-age-days": { type: "string" },
        "palsy-max-age-days": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    fail(`${e instanceof Error ? e.message.split("\n")[0] : "bad arguments"}\n${USAGE}`);
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const path = args.positionals[0];
  if (path === undefined || args.positionals.length > 1) fail(USAGE);
  const format = args.values.format;
  if (format !== "json" && format !== "table") fail(`--format ${format}: expected json or table`);

  const valueSetId = args.values["value-set"] ?? DEFAULT_VALUE_SET;
  const vs = valueSets().find((v) => v.id === valueSetId);
  if (!vs) fail(`--value-set ${valueSetId}: unknown value set (known: ${valueSets().filter((v) => v.enabled).map((v) => v.id).join(", ")})`);
  if (!vs.enabled) fail(`--value-set ${valueSetId}: disabled (${vs.disabledReason ?? "not available"})`);

  const now = args.values.now ? new Date(args.values.now) : new Date();
  if (Number.isNaN(now.getTime())) fail(`--now ${args.values.now ?? ""}: not a date`);

  const maxText = args.values["max-file-bytes"];
  const maxFileBytes = maxText === undefined ? DEFAULT_MAX_FILE_BYTES : parseBytes(maxText);
  if (maxFileBytes === null) fail(`--max-file-bytes ${maxText ?? ""}: expected a positive number of bytes (e.g. 536870912 or 512M)`);

  const days = (flag: "ps-max-age-days" | "palsy-max-age-days", fallback: number): number => {
    const text = args.values[flag];
    if (text === undefined) return fallback;
    const n = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
    if (!Number.isSafeInteger(n) || n < 1 || n > 3650) fail(`--${flag} ${text}: expected a whole number of days, 1-3650`);
    return n;
  };
  const evidenceMaxAgeDays = {
    performanceStatus: days("ps-max-age-days", DEFAULT_EVIDENCE_MAX_AGE_DAYS.performanceStatus),
    palsy: days("palsy-max-age-days", DEFAULT_EVIDENCE_MAX_AGE_DAYS.palsy),
  };

  let input: PatientInput;
  try {
    input = loadInput(path, { maxFileBytes });
  } catch (e) {
    if (e instanceof InputError) fail(`${e.file}: ${e.problem}`);
    fail(`${path}: cannot be read`);
  }
  for (const s of input.skipped) process.stderr.write(`score: ${s.path}: skipped: ${s.reason}\n`);
  try {
    if (format === "table") {
      const rows: string[][] = [];
      for (const report of scorePatients(input, now, valueSetId, { evidenceMaxAgeDays })) rows.push(reportRow(report));
      process.stdout.write(formatRows(rows));
      return;
    }
    // One report at a time: memory stays bounded by the largest patient, not the whole input.
    let first = true;
    process.stdout.write("[");
    for (const report of scorePatients(input, now, valueSetId, { evidenceMaxAgeDays })) {
      process.stdout.write(`${first ? "\n" : ",\n"}  ${JSON.stringify(report, null, 2).replace(/\n/g, "\n  ")}`);
      first = false;
    }
    process.stdout.write(first ? "]\n" : "\n]\n");
  } catch (e) {
    // A file changed between the two passes (replaced by a pipe, removed): named, exit 2.
    if (e instanceof InputError) fail(`${e.file}: ${e.problem}`);
    throw e;
  }
}

main(process.argv.slice(2));
