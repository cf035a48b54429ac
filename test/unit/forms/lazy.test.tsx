// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import FHIR from "fhirclient/lib/entry/browser";
import type { Bundle } from "fhir/r4";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildReport } from "../../../src/extract";
import { assessmentSaver, formsPanelLoader } from "../../../src/forms/lazy";
import { createTranslator } from "../../../src/i18n";
import { TranslatorProvider } from "../../../src/i18n/react";
import { INSTRUMENTS } from "../../../src/questionnaires/contract";
import { appQuestionnaire } from "../../../src/writeback/questionnaires";
import { clientSend } from "../../../src/writeback/transport";
import { server } from "../../setup/msw-server";
import { BASE, FakeFhir, launchContext } from "../writeback/fake-fhir";

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const context = launchContext({ patientId: "cervical-c7-t1", canWrite: true, canReadQuestionnaire: true });

/** The resources of the cervical-c7-t1 fixture patient. */
function cervicalPatient() {
  const bundle = JSON.parse(
    readFileSync(join(__dirname, "../../fixtures/patients/cervical-c7-t1.json"), "utf8"),
  ) as Bundle;
  return (bundle.entry ?? []).map((e) => e.resource);
}

function send() {
  return clientSend(
    FHIR.client({
      serverUrl: BASE,
      tokenResponse: { access_token: "t", token_type: "Bearer", patient: "cervical-c7-t1" },
    }),
  );
}

describe("lazy wiring for the app", () => {
  it("formsPanelLoader binds the launch: the panel saves through the launch's client and calls onStored", async () => {
    const fake = new FakeFhir({ questionnaires: INSTRUMENTS.map((i) => appQuestionnaire(i)) });
    server.use(
      ...fake.handlers(),
      http.get("*/eq5d5l-wording.json", () => new HttpResponse(null, { status: 404 })),
    );
    const { default: Panel } = await formsPanelLoader({ send: send(), context })();
    const onStored = vi.fn();
    const user = userEvent.setup();
    render(
      <TranslatorProvider translator={createTranslator("en")}>
        <Panel onStored={onStored} />
      </TranslatorProvider>,
    );
    await user.selectOptions(screen.getByRole("combobox", { name: "Questionnaire" }), "frankel");
    const form = screen.getByTestId("form-frankel");
    await user.click(within(form).getByRole("radio", { name: "Before surgery" }));
    await user.click(within(form).getByRole("radio", { name: /^Frankel D/ }));
    await user.click(within(form).getByRole("button", { name: "Submit" }));
    expect(await screen.findByText("Saved to the patient's record.")).toBeInTheDocument();
    expect(onStored).toHaveBeenCalledTimes(1);
    expect(fake.responses[0]?.subject).toEqual({ reference: "Patient/cervical-c7-t1" });
  });

  it("assessmentSaver saves the report's SINS and Tokuhashi through the launch's client", async () => {
    const fake = new FakeFhir({ questionnaires: INSTRUMENTS.map((i) => appQuestionnaire(i)) });
    server.use(...fake.handlers());
    const entries = {
      sins: { location: "T1" as const, pain: "none" as const },
      tokuhashi: { primarySite: "kidney" as const },
    };
    const report = buildReport(cervicalPatient(), "cervical-c7-t1", {
      now: new Date("2026-11-27T00:00:00Z"),
      clinician: entries,
    });
    await assessmentSaver({ send: send(), context })(report, entries);
    expect(fake.responses.map((r) => r.questionnaire?.split("|")[0]?.split("/").pop()).sort()).toEqual([
      "sins",
      "tokuhashi",
    ]);
    // A missing Questionnaire may not be created with these scopes: looked up, never posted.
    expect(fake.questionnairePosts).toBe(0);
  });

  it("without Questionnaire read or create scopes assessmentSaver sends no Questionnaire request", async () => {
    const fake = new FakeFhir();
    server.use(...fake.handlers());
    const entries = { sins: { location: "T1" as const, pain: "none" as const } };
    const report = buildReport(cervicalPatient(), "cervical-c7-t1", {
      now: new Date("2026-11-27T00:00:00Z"),
      clinician: entries,
    });
    const noQuestionnaireAccess = { ...context, canReadQuestionnaire: false, canWriteQuestionnaire: false };
    await assessmentSaver({ send: send(), context: noQuestionnaireAccess })(report, entries);
    expect(fake.responses.map((r) => r.questionnaire?.split("|")[0]?.split("/").pop())).toEqual(["sins"]);
    expect(fake.questionnaireRequests()).toEqual([]);
  });
});
