// @vitest-environment jsdom
/**
 * The tumour-board sheet's words (src/ui/print): who printed it (a name or "not available", never a reference),
 * suggestions and same-day conflicts marked and kept out of the value, the patient named where the EHR hides the
 * view's banner, the decision box, in English and Japanese. Layout and page count are the browser's (e2e 06).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import TumourBoardSheet from "../../../src/ui/print/TumourBoardSheet";
import { createTranslator, type Locale } from "../../../src/i18n";
import { TranslatorProvider } from "../../../src/i18n/react";
import { rescore } from "./fixtures/reports";

afterEach(() => cleanup());

const PRINTED_AT = new Date("2026-12-03T14:05:00Z");

function renderSheet(opts: { userName?: string | null; showBanner?: boolean; locale?: Locale } = {}) {
  const onReady = vi.fn();
  render(
    <TranslatorProvider translator={createTranslator(opts.locale ?? "en")}>
      <TumourBoardSheet
        printedAt={PRINTED_AT}
        userName={opts.userName === undefined ? "Dr Hanako Sato" : opts.userName}
        report={rescore()}
        showBanner={opts.showBanner ?? true}
        onReady={onReady}
      />
    </TranslatorProvider>,
  );
  return onReady;
}

describe("the tumour-board sheet", () => {
  it("names who printed it and when, and tells the caller it is ready to print", () => {
    const onReady = renderSheet();
    expect(screen.getByTestId("print-printed-by")).toHaveTextContent(
      /^Printed 3 Dec 2026, \d\d:\d\d by Dr Hanako Sato$/,
    );
    expect(onReady).toHaveBeenCalledTimes(1);
  });

  it("says in words when no name could be read (English and Japanese)", () => {
    renderSheet({ userName: null });
    expect(screen.getByTestId("print-printed-by")).toHaveTextContent("printed by: name not available");
    cleanup();
    renderSheet({ userName: null, locale: "ja" });
    expect(screen.getByTestId("print-printed-by")).toHaveTextContent("印刷者：氏名を取得できません");
  });

  it("tags a suggestion and keeps the item's value unknown", () => {
    renderSheet();
    // The fixture's visceral metastases: nothing on file, "none" suggested.
    expect(screen.getByTestId("print-value-tokuhashi-visceralMets")).toHaveTextContent(/^Unknown$/);
    expect(screen.getByTestId("print-suggestion-tokuhashi-visceralMets")).toHaveTextContent(
      /^Suggested, not counted: No metastases$/,
    );
  });

  it("names a same-day conflict, not counted, and marks confirmed values", () => {
    renderSheet();
    expect(screen.getByTestId("print-value-sins-collapse")).toHaveTextContent(
      /^Unknown: one of > 50 % collapse and < 50 % collapse$/,
    );
    expect(screen.getByTestId("print-conflict-sins-collapse")).toHaveTextContent(
      "Different values on the same day, not counted: > 50 % collapse (28 Feb 2024), < 50 % collapse (28 Feb 2024)",
    );
    expect(screen.getByTestId("print-value-sins-location")).toHaveTextContent(/^✓ T6/);
    expect(screen.getByTestId("print-item-sins-location")).toHaveTextContent("Record, 20 Feb 2024");
  });

  it("names the patient itself only where the view's banner is hidden (the EHR shows its own)", () => {
    renderSheet({ showBanner: true });
    expect(screen.queryByTestId("patient-banner")).toBeNull();
    cleanup();
    renderSheet({ showBanner: false });
    expect(screen.getByTestId("tumour-board-header")).toContainElement(screen.getByTestId("patient-banner"));
  });

  it("has a box for the board's decision, date and attendees, in Japanese too", () => {
    renderSheet({ locale: "ja" });
    const box = screen.getByTestId("board-decision");
    for (const words of ["腫瘍カンファレンスの決定", "決定事項", "日付", "出席者"])
      expect(box).toHaveTextContent(words);
    expect(box.querySelectorAll(".tb-line").length).toBeGreaterThanOrEqual(4);
  });
});
