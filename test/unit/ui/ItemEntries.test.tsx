// @vitest-environment jsdom
/**
 * Issue 14 items 3, 5 and 6 on the score items: the options as radios with their points and the record's value
 * marked; a same-day conflict and a failed search on the item itself; the evidence in plain words.
 * Reports from the sandbox's own patients (sandbox/patients), scored as the view scores them.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { extractEvidence, scoreReport } from "../../../src/extract";
import { createTranslator, type Locale } from "../../../src/i18n";
import { TranslatorProvider } from "../../../src/i18n/react";
import type { ClinicianEntries, ScoreReport } from "../../../src/report/types";
import type { UnavailableSearch } from "../../../src/ui/faults";
import { TokuhashiCard } from "../../../src/ui/score/TokuhashiCard";

afterEach(() => cleanup());

function reportOf(file: string): ScoreReport {
  const bundle = JSON.parse(readFileSync(resolve("sandbox/patients", file), "utf8")) as {
    entry: { resource: { resourceType: string; id: string } }[];
  };
  const resources = bundle.entry.map((e) => e.resource);
  const patient = resources.find((r) => r.resourceType === "Patient");
  const evidence = extractEvidence(resources, patient?.id ?? "");
  return scoreReport(evidence, { now: new Date("2025-06-30T00:00:00Z") });
}

function showTokuhashi(
  report: ScoreReport,
  opts: {
    locale?: Locale;
    unavailable?: UnavailableSearch[];
    onRetry?: () => void;
    entries?: ClinicianEntries["tokuhashi"];
    onEntry?: () => void;
  } = {},
) {
  return render(
    <TranslatorProvider translator={createTranslator(opts.locale ?? "en")}>
      <TokuhashiCard
        tokuhashi={report.tokuhashi}
        entries={opts.entries}
        onEntry={opts.onEntry ?? (() => undefined)}
        unavailable={opts.unavailable}
        onRetry={opts.onRetry}
      />
    </TranslatorProvider>,
  );
}

const renal = () => reportOf("06-renal-c7-t1-ecog-conflict.json");

describe("the item's options (issue 14 item 3)", () => {
  it("radios with words and points; the record's value preselected and marked; a click on it confirms it", async () => {
    const user = userEvent.setup();
    const onEntry = vi.fn();
    showTokuhashi(renal(), { onEntry });
    const group = screen.getByRole("group", { name: "Primary site of the cancer: clinician's entry" });
    const kidney = within(group).getByRole("radio", { name: "Kidney · 3 from the record" });
    expect(kidney).toBeChecked();
    expect(
      within(group)
        .getAllByRole("radio")
        .filter((r) => (r as HTMLInputElement).checked),
    ).toHaveLength(1);
    await user.click(kidney);
    expect(onEntry).toHaveBeenCalledWith("primarySite", "kidney");
  });

  it("in Japanese", () => {
    showTokuhashi(renal(), { locale: "ja" });
    const group = screen.getByRole("group", { name: /^原発巣.*：臨床医の入力$/ });
    expect(within(group).getByText("記録より")).toBeInTheDocument();
  });

  it("an entry can be cleared back to the record", async () => {
    const user = userEvent.setup();
    const onEntry = vi.fn();
    showTokuhashi(renal(), { onEntry, entries: { primarySite: "lung" } });
    expect(screen.getByRole("radio", { name: "Lung · 0" })).toBeChecked();
    await user.click(screen.getByRole("button", { name: "Clear my entry for Primary site of the cancer" }));
    expect(onEntry).toHaveBeenCalledWith("primarySite", null);
  });
});

describe("conflicts and read failures on the item (issue 14 item 5)", () => {
  it("a same-day ECOG 1 vs 2 shows both values with their day on the item", () => {
    showTokuhashi(renal());
    expect(screen.getByTestId("tokuhashi-generalCondition-same-day")).toHaveTextContent(
      /^Different values on the same day: ECOG 1 \(18 Jun 2025\), ECOG 2 \(18 Jun 2025\)\.$/,
    );
  });

  it("a failed Observation search: the KPS item says it could not be read, not 'no KPS on file'; try again", async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    const report = reportOf("05-prostate-t8-partial.json");
    // Without its Observations (the search failed) the prostate patient has no KPS.
    const bare = reportOf("01-fig2-cervical-c3.json");
    const unavailable: UnavailableSearch[] = [
      { search: "Observation", fault: { kind: "server-error", status: 503, attempts: 3 } as never },
    ];
    showTokuhashi(
      {
        ...report,
        tokuhashi: {
          ...report.tokuhashi,
          items: { ...report.tokuhashi.items, generalCondition: bare.tokuhashi.items.generalCondition },
        },
      },
      { unavailable, onRetry },
    );
    const row = screen.getByTestId("item-tokuhashi-generalCondition");
    expect(screen.getByTestId("tokuhashi-generalCondition-unread")).toHaveTextContent(
      /^! The observations could not be read\. Try again$/,
    );
    expect(within(row).queryByText(/No Karnofsky performance status \(KPS\) on file/)).toBeNull();
    await user.click(within(row).getByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    // A known item fed by the same search is not flagged; nor an item the search does not feed.
    expect(screen.queryByTestId("tokuhashi-primarySite-unread")).toBeNull();
  });

  it("without a reload offered: the words only", () => {
    const bare = reportOf("01-fig2-cervical-c3.json");
    showTokuhashi(bare, { unavailable: [{ search: "Observation", fault: { kind: "network" } as never }] });
    expect(screen.getByTestId("tokuhashi-generalCondition-unread")).toHaveTextContent(
      /^! The observations could not be read — try again\.$/,
    );
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
  });

  it("in Japanese", () => {
    const bare = reportOf("01-fig2-cervical-c3.json");
    showTokuhashi(bare, {
      locale: "ja",
      unavailable: [{ search: "Observation", fault: { kind: "network" } as never }],
    });
    expect(screen.getByTestId("tokuhashi-generalCondition-unread")).toHaveTextContent(
      /^! 観察値（Observation）を読み込めませんでした。再試行してください。$/,
    );
  });
});

describe("provenance in plain words (issue 14 item 6)", () => {
  it("what · where · day; technical details folded; the KPS with its band", async () => {
    const user = userEvent.setup();
    showTokuhashi(renal());
    const primary = screen.getByTestId("item-tokuhashi-primarySite");
    expect(primary.querySelector(".provenance-line")).toHaveTextContent(
      /^Malignant neoplasm of right kidney, except renal pelvis · problem list · 19 Jul 2022$/,
    );
    expect(within(primary).getByText("Condition/renal-c7-t1-ecog-conflict-primary")).not.toBeVisible();
    await user.click(within(primary).getByText("Technical details"));
    expect(within(primary).getByText("Condition/renal-c7-t1-ecog-conflict-primary")).toBeVisible();
    expect(within(primary).getByText("http://hl7.org/fhir/sid/icd-10-cm")).toBeVisible();
    const lines = [
      ...screen
        .getByTestId("item-tokuhashi-generalCondition")
        .querySelectorAll("td[data-label='Source'] .provenance-line"),
    ].map((l) => l.textContent);
    expect(lines).toEqual([
      "ECOG 1 · observation · 18 Jun 2025",
      "ECOG 2 · observation · 18 Jun 2025",
      "KPS 60 → moderate · observation · 9 Jun 2025",
    ]);
  });

  it("the carcinoid note of a lung primary only where it applies", () => {
    showTokuhashi(reportOf("01-fig2-cervical-c3.json"));
    const row = screen.getByTestId("item-tokuhashi-primarySite");
    expect(row.querySelector(".item-context")?.textContent).toBe(
      "Primary cancer on file: Malignant neoplasm of unspecified part of unspecified bronchus or lung (Condition/fig2-cervical-c3-primary: lung).",
    );
  });
});
