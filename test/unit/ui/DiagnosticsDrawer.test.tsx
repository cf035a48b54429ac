// @vitest-environment jsdom
/**
 * The data-access notes reach the clinician in the view's language through the one path of every diagnostic
 * (diagnosticText): a record loaded by src/fhir/record.ts from a server that refuses, fails and pages too long.
 */
import { render, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { server } from "../../setup/msw-server";
import { loadPatientRecord, type PatientRecord } from "../../../src/fhir/record";
import { createTranslator, type Locale } from "../../../src/i18n";
import { TranslatorProvider } from "../../../src/i18n/react";
import { DiagnosticsDrawer } from "../../../src/ui/DiagnosticsDrawer";
import { BASE, bundle, fastPolicy, makeClient } from "../fhir/helpers";
import "./helpers";

const kps = (id: string) => ({
  resourceType: "Observation",
  id,
  status: "final",
  code: { coding: [{ system: "http://loinc.org", code: "89243-0" }] },
});

/** Conditions refused (403), Observations beyond the page limit, QuestionnaireResponses failing (500). */
async function record(): Promise<PatientRecord> {
  server.use(
    http.get(`${BASE}/Patient/p1`, () => HttpResponse.json({ resourceType: "Patient", id: "p1" })),
    http.get(`${BASE}/Condition`, () => new HttpResponse(null, { status: 403 })),
    http.get(`${BASE}/Observation`, ({ request }) => {
      const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
      return HttpResponse.json(bundle([kps(`o${page}`)], `${BASE}/Observation?page=${page + 1}`));
    }),
    http.get(`${BASE}/QuestionnaireResponse`, () => new HttpResponse(null, { status: 500 })),
    http.get(`${BASE}/Procedure`, () => HttpResponse.json({ resourceType: "Bundle", type: "searchset", entry: [] })),
  );
  return loadPatientRecord(makeClient(), {
    observationCodes: ["http://loinc.org|89243-0"],
    maxPages: 1,
    ...fastPolicy({ maxRetries: 0 }),
  });
}

function notes(locale: Locale, r: PatientRecord): string[] {
  const { container, unmount } = render(
    <TranslatorProvider translator={createTranslator(locale)}>
      <DiagnosticsDrawer diagnostics={r.diagnostics} />
    </TranslatorProvider>,
  );
  const texts = within(container)
    .getAllByRole("listitem")
    .map((li) => li.textContent ?? "");
  unmount();
  return texts;
}

describe("the diagnostics drawer shows the data-access notes", () => {
  it("in Japanese, with the data, what it holds and the fault in Japanese", async () => {
    const r = await record();
    expect(r.diagnostics.map((d) => d.code)).toEqual(["search-forbidden", "page-cap", "search-failed"]);
    expect(notes("ja", r)).toEqual([
      "! 警告: EHRがこのアプリに診断（Condition）の読み取りを許可していません（スコープ不足）。診断（転移のレベル、原発巣、内臓転移）は表示されず、スコアは範囲のままです。",
      "! 警告: 観察値（Observation）は最初の1ページのみ読み取りました（アプリのページ上限）。記録はさらにあり、測定値（全身状態、疼痛、機能スコア）の一部が欠けている可能性があるため、スコアは範囲のままです。",
      "! 警告: 質問票の回答（QuestionnaireResponse）を読み取れませんでした：EHRのFHIRサーバーでエラーが発生しました（HTTP 500、1回試行）。このアプリで以前に保存した質問票が欠けているため、スコアは範囲のままです。",
    ]);
  });

  it("in English", async () => {
    const r = await record();
    expect(notes("en", r)[2]).toBe(
      "! Warning: QuestionnaireResponses could not be read: The EHR's FHIR server failed (HTTP 500) after 1 attempt. Questionnaires saved earlier by this app are missing and the scores stay ranges.",
    );
  });

  it("a note with a code no catalogue has shows the code, never a blank", () => {
    const loose = { severity: "info" as const, message: { code: "other.unknown" }, code: "other" };
    expect(notes("ja", { ...({} as PatientRecord), diagnostics: [loose] })).toEqual(["i 注記: other.unknown"]);
  });
});
