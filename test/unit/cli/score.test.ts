/** The score CLI, spawned as `tsx src/cli/score.ts` (what `npm run --silent score --` runs). */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { reportRow } from "../../../src/cli/table";
import type { ScoreReport } from "../../../src/report/types";
import { writeTransaction } from "./transaction";

const ROOT = join(__dirname, "../../..");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const PATIENTS = join(ROOT, "test/fixtures/patients");
const tmp = mkdtempSync(join(tmpdir(), "score-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function score(...args: string[]) {
  const r = spawnSync(TSX, [join(ROOT, "src/cli/score.ts"), ...args, "--now", "2025-01-01"], {
    encoding: "utf8",
    cwd: ROOT,
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function reports(stdout: string): ScoreReport[] {
  return JSON.parse(stdout) as ScoreReport[];
}

describe("score CLI", { timeout: 60_000 }, () => {
  it("a Bundle → one ScoreReport per patient, exit 0", () => {
    const r = score(join(PATIENTS, "cervical-c7-t1.json"));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const out = reports(r.stdout);
    expect(out).toHaveLength(1);
    expect(out[0]?.patient).toMatchObject({ id: "cervical-c7-t1", age: 67 });
    expect(out[0]?.segmentGroup.group).toBe("cervical");
    expect(out[0]?.tokuhashi).toMatchObject({ min: 6, max: 13 });
  });

  it("an NDJSON file", () => {
    const bundle = JSON.parse(readFileSync(join(PATIENTS, "tl-t10-t11.json"), "utf8")) as {
      entry: { resource: unknown }[];
    };
    const file = join(tmp, "export.ndjson");
    writeFileSync(file, bundle.entry.map((e) => JSON.stringify(e.resource)).join("\n") + "\n");
    const r = score(file);
    expect(r.code).toBe(0);
    const out = reports(r.stdout);
    expect(out.map((x) => x.patient.id)).toEqual(["tl-t10-t11"]);
    expect(out[0]?.segmentGroup.levels).toEqual(["T10", "T11"]);
  });

  it("a folder of bundles → every patient", () => {
    const r = score(PATIENTS);
    expect(r.code).toBe(0);
    const ids = reports(r.stdout).map((x) => x.patient.id);
    expect(ids).toHaveLength(16);
    expect(ids).toEqual(expect.arrayContaining(["coccyx", "no-data", "four-levels-l1-l4", "coding-snomed"]));
  });

  it("a broken file → one line on stderr naming the file, exit 2, nothing on stdout", () => {
    const file = join(tmp, "broken.json");
    writeFileSync(file, '{"resourceType": "Bundle", "entry": [');
    const r = score(file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/not valid JSON/);
  });

  it("a missing path and a bad NDJSON line → exit 2", () => {
    expect(score(join(tmp, "nope.json"))).toMatchObject({ code: 2, stdout: "" });
    const file = join(tmp, "bad.ndjson");
    writeFileSync(file, '{"resourceType":"Patient","id":"a"}\n{oops\n');
    const r = score(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 2 is not valid JSON/);
  });

  it("an empty bundle → [] and exit 0", () => {
    const file = join(tmp, "empty.json");
    writeFileSync(file, JSON.stringify({ resourceType: "Bundle", type: "searchset", total: 0 }));
    const r = score(file);
    expect(r.code).toBe(0);
    expect(reports(r.stdout)).toEqual([]);
  });

  it("a transaction bundle with urn:uuid references", () => {
    const file = writeTransaction(join(tmp, "tx.json"), [
      {
        fullUrl: "urn:uuid:pt-1",
        resource: { resourceType: "Patient", birthDate: "1950-01-01" },
        request: { method: "POST", url: "Patient" },
      },
      {
        fullUrl: "urn:uuid:c-1",
        resource: {
          resourceType: "Condition",
          code: { coding: [{ system: "http://snomed.info/sct", code: "94222008" }] },
          bodySite: [{ coding: [{ system: "http://snomed.info/sct", code: "73071006" }] }],
          subject: { reference: "urn:uuid:pt-1" },
        },
        request: { method: "POST", url: "Condition" },
      },
    ]);
    const out = reports(score(file).stdout);
    expect(out.map((x) => x.patient.id)).toEqual(["pt-1"]);
    expect(out[0]).toMatchObject({ patient: { age: 75 }, segmentGroup: { group: "thoracic", levels: ["T4"] } });
  });

  it("--value-set picks the EQ-5D value set; an unknown one is refused", () => {
    const file = join(PATIENTS, "questionnaire-newer.json");
    const usa = reports(score(file, "--value-set", "USA").stdout);
    const eq = usa[0]?.qol.timepoints.find((t) => t.eq5d)?.eq5d;
    expect(eq?.valueSet).toBe("USA");
    expect(eq?.index).toBeCloseTo(0.681, 3);
    const bad = score(file, "--value-set", "Atlantis");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Atlantis/);
  });

  it("--format table: a header and one row per patient", () => {
    const r = score(PATIENTS, "--format", "table");
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^patient\s+name\s+age\/sex\s+segment/);
    expect(lines).toHaveLength(2 + 16);
    const cervical = lines.find((l) => l.startsWith("cervical-c7-t1"));
    expect(cervical).toMatch(/Cervical\s+C7,T1\s+yes\s+3–18\s+6–13/);
  });

  it("--format table: the view's English words for the group, the SINS class and the predicted survival", () => {
    const [r] = reports(score(join(PATIENTS, "questionnaire-newer.json")).stdout);
    if (!r) throw new Error("no report");
    const known = {
      ...r,
      sins: { ...r.sins, total: 11, category: "potentially-unstable" as const },
      tokuhashi: { ...r.tokuhashi, total: 13, prognosis: ">=12m" as const },
    };
    expect(reportRow(known).slice(3, 9)).toEqual([
      "TL/L/S",
      "L5",
      "yes",
      "11 Potentially unstable",
      "13 ≥ 1 year",
      "0.685",
    ]);
  });

  describe("a bad argument → one problem on stderr (usage for a flag parseArgs refuses), nothing on stdout, exit 2", () => {
    const file = join(PATIENTS, "cervical-c7-t1.json");
    /** Without score()'s trailing --now, so a flag can be the last argument. */
    function run(...args: string[]) {
      const r = spawnSync(TSX, [join(ROOT, "src/cli/score.ts"), ...args], {
        encoding: "utf8",
        cwd: ROOT,
        timeout: 60_000,
      });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    }
    const DAYS = "expected a whole number of days, 1-3650";

    it.each([
      [["--ps-max-age-days", "abc"], `score: --ps-max-age-days abc: ${DAYS}\n`],
      [["--ps-max-age-days", "1.5"], `score: --ps-max-age-days 1.5: ${DAYS}\n`],
      [["--ps-max-age-days", "0"], `score: --ps-max-age-days 0: ${DAYS}\n`],
      [["--palsy-max-age-days", "3651"], `score: --palsy-max-age-days 3651: ${DAYS}\n`],
      [["--palsy-max-age-days=-3"], `score: --palsy-max-age-days -3: ${DAYS}\n`],
      [["--format", "xml"], "score: --format xml: expected json or table\n"],
      [["--now", "someday"], "score: --now someday: not a date\n"],
      [
        ["--max-file-bytes", "0"],
        "score: --max-file-bytes 0: expected a positive number of bytes (e.g. 536870912 or 512M)\n",
      ],
    ])("%j", (args, message) => {
      expect(run(file, ...args)).toEqual({ code: 2, stdout: "", stderr: message });
    });

    it("the day limits are inclusive: 1 and 3650 are taken", () => {
      const r = run(file, "--ps-max-age-days", "1", "--palsy-max-age-days", "3650", "--now", "2025-01-01");
      expect(r.code).toBe(0);
      expect(reports(r.stdout)).toHaveLength(1);
    });

    it("a disabled value set says why", () => {
      const r = run(file, "--value-set", "Germany");
      expect(r).toMatchObject({ code: 2, stdout: "" });
      expect(r.stderr).toMatch(/^score: --value-set Germany: disabled \(.+\)\n$/);
    });

    it("an unknown flag and a flag without its value: parseArgs' problem, then the usage", () => {
      const unknown = run(file, "--max-age", "30");
      expect(unknown).toMatchObject({ code: 2, stdout: "" });
      expect(unknown.stderr).toMatch(/^score: Unknown option '--max-age'.*\nusage: score <file-or-folder> /);
      const missing = run(file, "--palsy-max-age-days");
      expect(missing).toMatchObject({ code: 2, stdout: "" });
      expect(missing.stderr).toMatch(
        /^score: Option '--palsy-max-age-days <value>' argument missing\nusage: score <file-or-folder> /,
      );
    });

    it("no path, or two: the usage alone", () => {
      for (const args of [[], [file, file]]) {
        const r = run(...args);
        expect(r).toMatchObject({ code: 2, stdout: "" });
        expect(r.stderr).toMatch(/^score: usage: score <file-or-folder> .*\n$/);
      }
    });
  });
});
