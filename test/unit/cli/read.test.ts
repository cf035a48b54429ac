/** Reading input in two passes: the streaming Bundle scanner and the large-file / NDJSON paths. */
import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateBundle } from "../../../bench/extract";
import { loadInput, materialize, readResources } from "../../../src/cli/read";
import { BundleScanner } from "../../../src/cli/scan";
import { writeTransaction } from "./transaction";

const tmp = mkdtempSync(join(tmpdir(), "score-read-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Feeds `text` to a scanner in the given chunk sizes; returns the entries and the header it found. */
function scan(text: string, sizes: number[]): { entries: unknown[]; header: unknown } | null {
  const bytes = Buffer.from(text, "utf8");
  const entries: unknown[] = [];
  const scanner = new BundleScanner((b, start, end) => {
    expect(bytes.subarray(start, end).equals(b)).toBe(true); // offsets and bytes agree
    entries.push(JSON.parse(b.toString("utf8")));
  });
  let at = 0;
  let k = 0;
  while (at < bytes.length) {
    const size = Math.max(1, sizes[k++ % sizes.length] ?? 1);
    if (!scanner.push(bytes.subarray(at, at + size), at)) return null;
    at += size;
  }
  const header = scanner.finish();
  return header === null ? null : { entries, header: JSON.parse(header) };
}

describe("BundleScanner", () => {
  it("tricky strings: braces, brackets, escaped quotes, an 'entry' value, nested 'entry' keys, unicode", () => {
    const bundle = {
      resourceType: "Bundle",
      note: 'entry ] } { [ "',
      type: "entry",
      entry: [
        { resource: { resourceType: "Observation", entry: [1, 2], text: 'a "quoted" ] }, \\ back\\\\slash 日本語 ✓' } },
        { resource: { resourceType: "Patient", id: "x" } },
        "not an object",
        42,
      ],
      link: [{ relation: "self", url: "https://x/?a=[1]" }],
    };
    for (const space of [0, 2, "\t"]) {
      const text = JSON.stringify(bundle, null, space);
      for (const sizes of [[text.length], [1], [3, 7, 2], [64]]) {
        const r = scan(text, sizes);
        expect(r?.entries).toEqual(bundle.entry);
        expect(r?.header).toEqual({ ...bundle, entry: [] });
      }
    }
  });

  it("any Bundle-shaped JSON, split at any points, gives back exactly its entries", () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 8 }),
        fc.dictionary(
          fc.string({ maxLength: 6 }).filter((k) => k !== "entry" && k !== "resourceType"),
          fc.jsonValue({ maxDepth: 2 }),
          { maxKeys: 3 },
        ),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(0, 1, 2),
        (entries, extra, sizes, space) => {
          const bundle = { resourceType: "Bundle", ...extra, entry: entries };
          const text = JSON.stringify(bundle, null, space);
          const r = scan(text, sizes);
          expect(r).not.toBeNull();
          expect(r?.entries).toEqual(JSON.parse(JSON.stringify(entries)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("refuses what it does not understand", () => {
    expect(scan('[{"resourceType":"Bundle"}]', [5])).toBeNull(); // not an object
    expect(scan('{"resourceType":"Bundle","entry":[{"a":1}', [5])).toBeNull(); // unterminated
    expect(scan('{"resourceType":"Bundle"}', [5])).toBeNull(); // no entry array
    expect(scan('{"resourceType":"Bundle","entry":[]} x', [5])).toBeNull(); // trailing garbage
  });
});

describe("large files are read entry by entry", () => {
  it("a Bundle over 4 MB gives the same resources per patient as parsing it whole", () => {
    const bundle = generateBundle(9_000);
    const file = join(tmp, "large.json");
    writeFileSync(file, JSON.stringify(bundle));
    const input = loadInput(file);
    expect(input.patients.size).toBe(450); // 20 resources per generated patient
    const first = input.patients.get("pt-0") ?? [];
    // the generator writes each patient's 20 resources together, the Patient first
    expect(materialize(first, input.alias)).toEqual(bundle.entry.slice(0, 20).map((e) => e.resource));
  });

  it("NDJSON across chunk boundaries, with CRLF and blank lines", () => {
    const resources = generateBundle(4_000).entry.map((e) => e.resource);
    const file = join(tmp, "big.ndjson");
    writeFileSync(file, resources.map((r) => JSON.stringify(r)).join("\r\n\r\n"));
    expect(readResources(file)).toEqual(resources); // 2.4 MB: several 1 MB chunks
  });

  it("a transaction whose Patient comes after the resources that reference it", () => {
    const file = writeTransaction(join(tmp, "late-patient.json"), [
      { fullUrl: "urn:uuid:c1", resource: { resourceType: "Condition", subject: { reference: "urn:uuid:p1" } } },
      { fullUrl: "urn:uuid:p1", resource: { resourceType: "Patient" } },
    ]);
    const input = loadInput(file);
    expect([...input.patients.keys()]).toEqual(["p1"]);
    const [condition] = materialize(input.patients.get("p1") ?? [], input.alias).filter(
      (r) => (r as { resourceType: string }).resourceType === "Condition",
    );
    expect(condition).toMatchObject({ id: "c1", subject: { reference: "Patient/p1" } });
  });

  it("what the streaming pass found is taken back when the file turns out not to be a Bundle (a 5 MB Patient with an 'entry' field)", () => {
    const file = join(tmp, "large-patient.json");
    const patient = {
      resourceType: "Patient",
      id: "px",
      entry: [{ resource: { resourceType: "Observation", id: "o1", subject: { reference: "Patient/px" } } }],
      note: "x".repeat(5 * 1024 * 1024),
    };
    writeFileSync(file, JSON.stringify(patient));
    const input = loadInput(file);
    expect([...input.patients.keys()]).toEqual(["px"]);
    expect(materialize(input.patients.get("px") ?? [], input.alias)).toEqual([patient]);
    expect(input.skipped).toEqual([]);
  });
});
