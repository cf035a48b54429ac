import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * EuroQol's EQ-5D-5L wording is licensed (docs/EQ5D-WORDING.md): no shipped file may carry it. The phrases are
 * stored base64-encoded so that this test does not ship them either; they include the ones the team's
 * before-stop hook greps for, and the EQ VAS anchors.
 */
const PHRASES = [
  "bm8gcHJvYmxlbXMgaW4gd2Fsa2luZyBhYm91dA==",
  "dW5hYmxlIHRvIHdhbGsgYWJvdXQ=",
  "bm8gcHJvYmxlbXMgd2FzaGluZyBvciBkcmVzc2luZw==",
  "dGhlIGJlc3QgaGVhbHRoIHlvdSBjYW4gaW1hZ2luZQ==",
  "dGhlIHdvcnN0IGhlYWx0aCB5b3UgY2FuIGltYWdpbmU=",
  "c2xpZ2h0IHByb2JsZW1zIGluIHdhbGtpbmcgYWJvdXQ=",
].map((b64) => Buffer.from(b64, "base64").toString("utf8"));

const ROOT = join(__dirname, "../../..");
const SHIPPED = ["src", "fhir-mappings", "public", "launch", "docs", "index.html", "launch.html", "README.md"];
const TEXT = /\.(ts|tsx|js|json|md|html|css|txt|csv|tsv|ya?ml)$/;

function files(path: string): string[] {
  let st;
  try {
    st = statSync(path);
  } catch {
    return [];
  }
  if (st.isFile()) return TEXT.test(path) ? [path] : [];
  return readdirSync(path).flatMap((name) =>
    name === "node_modules" || name.startsWith(".") ? [] : files(join(path, name)),
  );
}

describe("licensed EQ-5D-5L wording", () => {
  it("the phrase list is what the team's check looks for (decoding works)", () => {
    expect(PHRASES[0]).toMatch(/^no problems in walking/);
    expect(PHRASES).toHaveLength(6);
  });

  it("appears in no shipped file", () => {
    const scanned = SHIPPED.flatMap((p) => files(join(ROOT, p)));
    expect(scanned.length).toBeGreaterThan(50);
    const hits: string[] = [];
    for (const file of scanned) {
      const text = readFileSync(file, "utf8").toLowerCase().replace(/\s+/g, " ");
      for (const phrase of PHRASES)
        if (text.includes(phrase)) hits.push(`${relative(ROOT, file)}: "${phrase.slice(0, 12)}…"`);
    }
    expect(hits).toEqual([]);
  });

  it("the EQ-5D-5L Questionnaire's options are the neutral '<dimension> — level n' labels only", () => {
    const q = JSON.parse(readFileSync(join(ROOT, "fhir-mappings/questionnaires/eq5d5l.json"), "utf8")) as {
      item: {
        linkId: string;
        text: string;
        answerOption?: {
          valueCoding: { display: string; _display: { extension: { extension: { valueString?: string }[] }[] } };
        }[];
      }[];
    };
    for (const item of q.item) {
      for (const o of item.answerOption ?? []) {
        if (!item.linkId.startsWith("eq5d-")) continue;
        expect(o.valueCoding.display).toMatch(new RegExp(`^${item.text.replace("/", "\\/")} — level [1-5]$`));
        expect(o.valueCoding._display.extension[0]?.extension[1]?.valueString).toMatch(/ — レベル[1-5]$/);
      }
    }
  });
});
