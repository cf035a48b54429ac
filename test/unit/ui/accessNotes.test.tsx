// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createTranslator } from "../../../src/i18n";
import { TranslatorProvider } from "../../../src/i18n/react";
import type { Diagnostic } from "../../../src/report/types";
import { accessNoteText } from "../../../src/ui/accessNotes";
import { DiagnosticsDrawer } from "../../../src/ui/DiagnosticsDrawer";
import "./helpers";

const en = createTranslator("en");
const ja = createTranslator("ja");

// Shaped as src/fhir/record.ts writes them (test/unit/fhir/record.test.ts checks the params there).
const forbidden: Diagnostic = { severity: "warning", code: "search-forbidden", message: "EN forbidden", params: { search: "Observation" } };
const failed: Diagnostic = { severity: "warning", code: "search-failed", message: "EN failed", params: { search: "Condition", fault: "timeout" } };
const cut: Diagnostic = { severity: "warning", code: "page-cap", message: "EN cap", params: { search: "Observation", pages: 20 } };
const midway: Diagnostic = { severity: "warning", code: "page-failed", message: "EN midway", params: { search: "QuestionnaireResponse", page: 3, fault: "server-error" } };
const unfiltered: Diagnostic = { severity: "info", code: "fallback-unfiltered", message: "EN fallback", params: { search: "Observation" } };

describe("data-access notes in the clinician's language", () => {
  it("Japanese, with the search and the fault named in Japanese", () => {
    expect(accessNoteText(ja, forbidden)).toBe(
      "EHRがこのアプリに観察値（Observation）の読み取りを許可していません（スコープ不足）。その内容は表示されず、スコアは範囲のままです。",
    );
    expect(accessNoteText(ja, failed)).toBe(
      "診断（Condition）を読み取れませんでした（EHRサーバーが時間内に応答しませんでした）。その内容が欠けているため、スコアは範囲のままです。",
    );
    expect(accessNoteText(ja, cut)).toContain("最初の20ページのみ");
    expect(accessNoteText(ja, midway)).toContain("3ページ目が失敗しました");
    expect(accessNoteText(ja, unfiltered)).toBe(
      "EHRがコードによる観察値（Observation）の検索に対応していないため、患者の観察値（Observation）をすべて読み込み、アプリで絞り込みました。",
    );
  });

  it("English reads as a sentence", () => {
    expect(accessNoteText(en, failed)).toBe(
      "Could not read diagnoses (Conditions) (The EHR server did not answer in time): what they hold is missing and the scores stay ranges.",
    );
    expect(accessNoteText(en, cut)).toBe(
      "Only the first 20 pages of observations were read (the app's page limit); more are on file, so some may be missing and the scores stay ranges.",
    );
  });

  it("unknown codes, searches or faults fall back (null → the core's English)", () => {
    expect(accessNoteText(ja, { severity: "warning", code: "conflict", message: "x" })).toBeNull();
    expect(accessNoteText(ja, { ...forbidden, params: { search: "Encounter" } })).toBeNull();
    expect(accessNoteText(ja, { ...failed, params: { search: "Condition", fault: "gremlins" } })).toBeNull();
  });

  it("the drawer shows them in Japanese", () => {
    render(
      <TranslatorProvider translator={ja}>
        <DiagnosticsDrawer diagnostics={[forbidden]} />
      </TranslatorProvider>,
    );
    expect(screen.getByText(/観察値（Observation）の読み取りを許可していません/)).toBeInTheDocument();
    expect(screen.queryByText(/EN forbidden/)).not.toBeInTheDocument();
  });
});
