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
import type { ClinicianEntries, ScoreReport } from "../../../src/report/types";
import { SaveAssessment } from "../../../src/ui/SaveAssessment";
import { appQuestionnaire } from "../../../src/writeback/questionnaires";
import { server } from "../../setup/msw-server";
import { BASE, FakeFhir, testSend, type FakeFhirOptions } from "../writeback/fake-fhir";
import { MemoryStorage } from "../writeback/helpers";

afterEach(cleanup);

const NOW = new Date("2026-11-27T00:00:00Z");
const context = { serverUrl: BASE, patientId: "cervical-c7-t1", encounterId: null, fhirUser: "Practitioner/dr-1" };
const entries: ClinicianEntries = { sins: { location: "C7", pain: "mechanical" } };

function report(): ScoreReport {
  const bundle = JSON.parse(readFileSync(join(__dirname, "../../fixtures/patients/cervical-c7-t1.json"), "utf8")) as Bundle;
  return buildReport((bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : [])), context.patientId, { now: NOW, clinician: entries });
}

function renderSave(onSave: ((r: ScoreReport, e: ClinicianEntries) => Promise<void>) | undefined, locale: Locale = "en") {
  return render(
    <TranslatorProvider translator={createTranslator(locale)}>
      <SaveAssessment report={report()} entries={entries} onSave={onSave} />
    </TranslatorProvider>,
  );
}

function saver(options: FakeFhirOptions, canWrite = true) {
  const fake = new FakeFhir(options);
  server.use(...fake.handlers());
  const { send } = testSend({ maxRetries: 0 });
  let n = 0;
  const clock = { now: () => NOW, newId: () => `00000000-0000-4000-a000-${String(++n).padStart(12, "0")}` };
  return { fake, save: makeAssessmentSaver({ send, context, mayCreateQuestionnaire: false, canWrite, storage: new MemoryStorage(), clock }) };
}

describe("Save assessment says why", () => {
  it("item 13: without a write scope the button is off and says the forms panel's words, in English and Japanese", () => {
    renderSave(undefined);
    expect(screen.getByRole("button", { name: "Save assessment" })).toBeDisabled();
    expect(screen.getByText("This launch did not grant permission to save to the patient's record, so nothing is sent. What you enter stays on this page.")).toBeInTheDocument();
    cleanup();
    renderSave(undefined, "ja");
    expect(screen.getByText("この起動では患者の記録への保存が許可されていないため、何も送信しません。入力内容はこのページに残ります。")).toBeInTheDocument();
  });

  it("item 12: a Questionnaire search with 0 hits does not stop the save", async () => {
    const { fake, save } = saver({});
    renderSave(save);
    await userEvent.setup().click(screen.getByRole("button", { name: "Save assessment" }));
    expect(await screen.findByText("Assessment saved to the record.")).toBeInTheDocument();
    expect(fake.questionnaireSearches).toBe(2);
    expect(fake.responses.map((r) => r.questionnaire)).toEqual([
      "https://spine-met-qol.example.org/fhir/Questionnaire/sins|1.0.0",
      "https://spine-met-qol.example.org/fhir/Questionnaire/tokuhashi|1.0.0",
    ]);
  });

  it("item 12: refused because of the Questionnaire: says what the installer must load, not 'try again'", async () => {
    const { save } = saver({
      fault: () => ({
        kind: "reject",
        status: 422,
        outcome: { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "invalid", diagnostics: "Questionnaire could not be resolved" }] },
      }),
    });
    renderSave(save);
    await userEvent.setup().click(screen.getByRole("button", { name: "Save assessment" }));
    expect(
      await screen.findByText(
        "The EHR refused the answers because it does not have this app's questionnaires. Sending again will not help: ask your EHR administrators to load the app's Questionnaires (installation guide docs/INTEGRATION.md, \"Loading the app's Questionnaires\"). The answers are kept as a draft in this tab.",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/try again/)).toBeNull();
  });

  it("an outage still says 'try again'", async () => {
    const { save } = saver({ questionnaires: INSTRUMENTS.map((i) => appQuestionnaire(i)), fault: () => ({ kind: "server-error", status: 503 }) });
    renderSave(save);
    await userEvent.setup().click(screen.getByRole("button", { name: "Save assessment" }));
    expect(await screen.findByText("The assessment could not be saved. Your entries are kept on this page; try again.")).toBeInTheDocument();
  });
});
