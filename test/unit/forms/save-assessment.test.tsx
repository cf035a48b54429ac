// @vitest-environment jsdom
/** "Save assessment" (src/ui/SaveAssessment.tsx) with the real saver: what it says for each way a save ends. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Bundle } from "fhir/r4";
import { afterEach, describe, expect, it } from "vitest";
import { buildReport } from "../../../src/extract";
import { makeAssessmentSaver } from "../../../src/forms/assessment";
import { createTranslator, type Locale } from "../../../src/i18n";
import { TranslatorProvider } from "../../../src/i18n/react";
import { INSTRUMENTS } from "../../../src/questionnaires/contract";
import type { AssessmentTiming, ClinicianEntries, ScoreReport } from "../../../src/report/types";
import { SaveAssessment } from "../../../src/ui/SaveAssessment";
import { appQuestionnaire } from "../../../src/writeback/questionnaires";
import {
  BASE,
  FakeFhir,
  QUESTIONNAIRE_MISSING_TEXT,
  READ_ONLY,
  rejection,
  type FakeFhirOptions,
} from "../writeback/fake-fhir";
import { MemoryStorage } from "../writeback/helpers";

afterEach(cleanup);

const NOW = new Date("2026-11-27T00:00:00Z");
const context = { serverUrl: BASE, patientId: "cervical-c7-t1", encounterId: null, fhirUser: "Practitioner/dr-1" };
// One Tokuhashi item entered too: only entered or confirmed items are saved (issue 12 item 9).
const entries: ClinicianEntries = {
  sins: { location: "C7", pain: "mechanical" },
  tokuhashi: { primarySite: "kidney" },
};

function report(clinician: ClinicianEntries = entries): ScoreReport {
  const bundle = JSON.parse(
    readFileSync(join(__dirname, "../../fixtures/patients/cervical-c7-t1.json"), "utf8"),
  ) as Bundle;
  return buildReport(
    (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : [])),
    context.patientId,
    { now: NOW, clinician },
  );
}

function renderSave(
  onSave: ((r: ScoreReport, e: ClinicianEntries, w?: AssessmentTiming) => Promise<void>) | undefined,
  locale: Locale = "en",
  withEntries: ClinicianEntries = entries,
) {
  return render(
    <TranslatorProvider translator={createTranslator(locale)}>
      <SaveAssessment
        report={report(withEntries)}
        entries={withEntries}
        onSave={onSave}
        now={new Date(2026, 10, 27, 9, 0)}
      />
    </TranslatorProvider>,
  );
}

function saver(options: FakeFhirOptions, canWrite = true) {
  const fake = new FakeFhir(options);
  const { send } = fake.serve({ maxRetries: 0 });
  let n = 0;
  const clock = { now: () => NOW, newId: () => `00000000-0000-4000-a000-${String(++n).padStart(12, "0")}` };
  return {
    fake,
    save: makeAssessmentSaver({
      send,
      context,
      ...READ_ONLY,
      canWrite,
      storage: new MemoryStorage(),
      clock,
    }),
  };
}

describe("Save assessment asks when (issue 12 item 9)", () => {
  it("timepoint radios and a date (today by default), labelled; 'Other' without a date is refused and says so", async () => {
    const calls: (AssessmentTiming | undefined)[] = [];
    renderSave((_r, _e, when) => {
      calls.push(when);
      return Promise.resolve();
    });
    const user = userEvent.setup();
    const group = screen.getByRole("group", { name: "Timepoint of this assessment" });
    expect(group).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "Before surgery" })).toBeChecked();
    const date = screen.getByLabelText("Date of the assessment");
    // Pre-op (and 1 month): dated the day of saving; the date is asked for "Other".
    expect(date).toHaveValue("2026-11-27");
    expect(date).toBeDisabled();
    expect(date).toHaveAccessibleDescription(
      'Pre-op and 1-month assessments are dated the day they are saved; choose "Other" to give another date.',
    );
    // Keyboard: arrow keys move between the radios.
    screen.getByRole("radio", { name: "Before surgery" }).focus();
    await user.keyboard("{ArrowDown}");
    expect(screen.getByRole("radio", { name: "1 month after surgery" })).toBeChecked();
    await user.click(screen.getByRole("radio", { name: "Other" }));
    expect(date).toBeEnabled();
    expect(date).toBeRequired();
    await user.clear(date);
    await user.click(screen.getByRole("button", { name: "Save assessment" }));
    expect(screen.getByRole("alert")).toHaveTextContent('Enter the date of the assessment (required for "Other").');
    expect(date).toHaveFocus();
    expect(date).toHaveAttribute("aria-invalid", "true");
    expect(calls).toEqual([]);
    await user.type(date, "2026-10-01");
    await user.click(screen.getByRole("button", { name: "Save assessment" }));
    expect(await screen.findByText("Assessment saved to the record.")).toBeInTheDocument();
    expect(calls).toEqual([{ timepoint: "other", date: "2026-10-01" }]);
  });

  it("the saved responses carry the chosen timepoint and date, and only the entered items", async () => {
    const { fake, save } = saver({});
    renderSave(save);
    const user = userEvent.setup();
    await user.click(screen.getByRole("radio", { name: "1 month after surgery" }));
    await user.click(screen.getByRole("button", { name: "Save assessment" }));
    expect(await screen.findByText("Assessment saved to the record.")).toBeInTheDocument();
    const tok = fake.responses.find((r) => r.questionnaire?.includes("/tokuhashi|"));
    // 1 month: the response is dated by itself (authored); no record value is written, only the entered primary site.
    expect(tok?.item?.map((i) => i.linkId)).toEqual(["timepoint", "tokuhashi-primary-site"]);
    expect(tok?.item?.[0]?.answer?.[0]?.valueCoding?.code).toBe("timepoint.1mo");
  });

  it.each([
    [
      "SINS items entered without a confirmed scored level",
      { sins: { pain: "mechanical" } },
      "Not saved: SINS is scored per lesion. Confirm the scored level (SINS location) to save the SINS items you entered.",
    ],
    [
      "nothing entered or confirmed",
      {},
      "Nothing to save: enter or confirm at least one item first. Values read from the record are saved only once you confirm them.",
    ],
  ] satisfies [string, ClinicianEntries, string][])(
    "%s: nothing is sent, and it says why",
    async (_case, withEntries, why) => {
      const { fake, save } = saver({});
      renderSave(save, "en", withEntries);
      await userEvent.setup().click(screen.getByRole("button", { name: "Save assessment" }));
      expect(await screen.findByText(why)).toBeInTheDocument();
      expect(fake.responses).toEqual([]);
    },
  );
});

describe("Save assessment says why", () => {
  it("item 13: without a write scope the button is off and says the forms panel's words, in English and Japanese", () => {
    renderSave(undefined);
    expect(screen.getByRole("button", { name: "Save assessment" })).toBeDisabled();
    expect(
      screen.getByText(
        "This launch did not grant permission to save to the patient's record, so nothing is sent. What you enter stays on this page.",
      ),
    ).toBeInTheDocument();
    cleanup();
    renderSave(undefined, "ja");
    expect(
      screen.getByText(
        "この起動では患者の記録への保存が許可されていないため、何も送信しません。入力内容はこのページに残ります。",
      ),
    ).toBeInTheDocument();
  });

  it("item 12: a Questionnaire search with 0 hits does not stop the save", async () => {
    const { fake, save } = saver({});
    renderSave(save);
    await userEvent.setup().click(screen.getByRole("button", { name: "Save assessment" }));
    expect(await screen.findByText("Assessment saved to the record.")).toBeInTheDocument();
    expect(fake.questionnaireSearches).toBe(2);
    expect(fake.responses.map((r) => r.questionnaire)).toEqual([
      "https://w3id.org/spine-met-qol/fhir/Questionnaire/sins|1.0.0",
      "https://w3id.org/spine-met-qol/fhir/Questionnaire/tokuhashi|1.0.0",
    ]);
  });

  it("item 12: refused because of the Questionnaire: says what the installer must load, not 'try again'", async () => {
    const { save } = saver({
      fault: () => rejection(422, { code: "invalid", diagnostics: "Questionnaire could not be resolved" }),
    });
    renderSave(save);
    await userEvent.setup().click(screen.getByRole("button", { name: "Save assessment" }));
    expect(await screen.findByText(QUESTIONNAIRE_MISSING_TEXT)).toBeInTheDocument();
    expect(screen.queryByText(/try again/)).toBeNull();
  });

  it("an outage still says 'try again'", async () => {
    const { save } = saver({
      questionnaires: INSTRUMENTS.map((i) => appQuestionnaire(i)),
      fault: () => ({ kind: "server-error", status: 503 }),
    });
    renderSave(save);
    await userEvent.setup().click(screen.getByRole("button", { name: "Save assessment" }));
    expect(
      await screen.findByText("The assessment could not be saved. Your entries are kept on this page; try again."),
    ).toBeInTheDocument();
  });
});
