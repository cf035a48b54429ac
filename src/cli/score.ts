/**
 * `npm run --silent score -- <path> [--value-set <id>] [--format json|table] [--now <date>]`
 *
 * Reads a FHIR Bundle, an NDJSON file, or a folder of them; prints a JSON array of ScoreReports, one per
 * Patient found (diagnostics inside the reports), exit 0. Unreadable input: one line on stderr naming the file
 * and the problem, exit 2.
 */
import { parseArgs } from "node:util";
import { DEFAULT_VALUE_SET, valueSets } from "../scores";
import { scorePatients } from "./pipeline";
import { InputError, loadInput, type PatientInput } from "./read";
import { formatRows, reportRow } from "./table";

const USAGE = "usage: score <file-or-folder> [--value-set <id>] [--format json|table] [--now <YYYY-MM-DD>]";

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

  let input: PatientInput;
  try {
    input = loadInput(path);
  } catch (e) {
    if (e instanceof InputError) fail(`${e.file}: ${e.problem}`);
    fail(`${path}: cannot be read`);
  }
  if (format === "table") {
    const rows: string[][] = [];
    for (const report of scorePatients(input, now, valueSetId)) rows.push(reportRow(report));
    process.stdout.write(formatRows(rows));
    return;
  }
  // One report at a time: memory stays bounded by the largest patient, not the whole input.
  let first = true;
  process.stdout.write("[");
  for (const report of scorePatients(input, now, valueSetId)) {
    process.stdout.write(`${first ? "\n" : ",\n"}  ${JSON.stringify(report, null, 2).replace(/\n/g, "\n  ")}`);
    first = false;
  }
  process.stdout.write(first ? "]\n" : "\n]\n");
}

main(process.argv.slice(2));
