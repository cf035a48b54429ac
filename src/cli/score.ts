/**
 * src/cli: `npm run score`, the command-line face over FHIR files on disk (Node). It reads files only: no
 * network, no FHIR server, no React.
 *
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
import { z } from "zod/mini";
import { EVIDENCE_MAX_AGE_DAYS_LIMIT, evidenceMaxAgeDaysSchema } from "../report/evidence-age";
import { DEFAULT_EVIDENCE_MAX_AGE_DAYS } from "../report/types";
import { DEFAULT_VALUE_SET, valueSets } from "../scores";
import { scorePatients } from "./pipeline";
import { DEFAULT_MAX_FILE_BYTES, InputError, loadInput, type PatientInput } from "./read";
import { formatRows, reportRow } from "./table";
import { reportInWords } from "../i18n/core";

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

/** What each flag's value must be, as the one line on stderr says it: `--<flag> <value>: <problem>`. */
const DAYS_PROBLEM = `expected a whole number of days, ${EVIDENCE_MAX_AGE_DAYS_LIMIT.min}-${EVIDENCE_MAX_AGE_DAYS_LIMIT.max}`;
const PROBLEM: Record<string, string> = {
  format: "expected json or table",
  now: "not a date",
  "max-file-bytes": "expected a positive number of bytes (e.g. 536870912 or 512M)",
  "ps-max-age-days": DAYS_PROBLEM,
  "palsy-max-age-days": DAYS_PROBLEM,
};

/** A window in days: digits (spaces around allowed), within the limit app-config.json's evidenceMaxAgeDays has. */
const daysFlag = (fallback: number) =>
  z._default(
    z.pipe(z.pipe(z.string().check(z.regex(/^\s*\d+\s*$/)), z.transform(Number)), evidenceMaxAgeDaysSchema),
    fallback,
  );

/** The value set: one of valueSets(), and enabled (the message says which are known, or why it is disabled). */
const valueSetFlag = z._default(
  z.string().check(
    z.superRefine((id, ctx) => {
      const vs = valueSets().find((v) => v.id === id);
      const known = valueSets()
        .filter((v) => v.enabled)
        .map((v) => v.id)
        .join(", ");
      if (!vs) ctx.addIssue({ code: "custom", input: id, message: `unknown value set (known: ${known})` });
      else if (!vs.enabled)
        ctx.addIssue({ code: "custom", input: id, message: `disabled (${vs.disabledReason ?? "not available"})` });
    }),
  ),
  DEFAULT_VALUE_SET,
);

/**
 * The score CLI's flags after node:util's parseArgs (which refuses unknown flags and a flag without its value):
 * each value checked and turned into what the run needs, its default when absent. CliArgs adds the one path.
 */
const CliFlags = z.object({
  format: z._default(z.enum(["json", "table"]), "json"),
  "value-set": valueSetFlag,
  // An empty --now is "today", as no --now is.
  now: z._default(
    z.pipe(
      z.pipe(
        z.string(),
        z.transform((t) => (t === "" ? new Date() : new Date(t))),
      ),
      z.date(),
    ),
    () => new Date(),
  ),
  "max-file-bytes": z._default(z.pipe(z.pipe(z.string(), z.transform(parseBytes)), z.number()), DEFAULT_MAX_FILE_BYTES),
  "ps-max-age-days": daysFlag(DEFAULT_EVIDENCE_MAX_AGE_DAYS.performanceStatus),
  "palsy-max-age-days": daysFlag(DEFAULT_EVIDENCE_MAX_AGE_DAYS.palsy),
});
const CliArgs = z.object({ positionals: z.tuple([z.string()]), values: CliFlags });

/** The first problem with the arguments, as one line: the usage when the path is missing or doubled. */
function argumentProblem(issues: readonly z.core.$ZodIssue[], values: Record<string, unknown>): string {
  const issue = issues[0];
  if (!issue) return USAGE;
  const [where, flag] = issue.path;
  if (where !== "values" || typeof flag !== "string") return USAGE;
  const given = values[flag];
  const text = typeof given === "string" ? given : "";
  const problem = issue.code === "custom" ? issue.message : (PROBLEM[flag] ?? issue.message);
  return `--${flag} ${text}: ${problem}`;
}

function main(argv: string[]): void {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      // Every flag of CliFlags takes a value; parseArgs refuses any other flag, and a flag without its value.
      options: {
        ...Object.fromEntries(Object.keys(CliFlags.shape).map((flag) => [flag, { type: "string" } as const])),
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    fail(`${e instanceof Error ? e.message.split("\n")[0] : "bad arguments"}\n${USAGE}`);
  }
  if (args.values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const parsed = z.safeParse(CliArgs, args);
  if (!parsed.success) fail(argumentProblem(parsed.error.issues, args.values));
  const {
    positionals: [path],
    values: { format, "value-set": valueSetId, now, "max-file-bytes": maxFileBytes },
  } = parsed.data;
  const evidenceMaxAgeDays = {
    performanceStatus: parsed.data.values["ps-max-age-days"],
    palsy: parsed.data.values["palsy-max-age-days"],
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
      process.stdout.write(
        `${first ? "\n" : ",\n"}  ${JSON.stringify(reportInWords(report), null, 2).replace(/\n/g, "\n  ")}`,
      );
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
