// @vitest-environment jsdom
import { StrictMode } from "react";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { QuestionnaireResponse } from "fhir/r4";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import FormsPanel, { type FormsPanelProps } from "../../../src/forms/FormsPanel";
import type { SessionClock } from "../../../src/forms/form-session";
import { createTranslator } from "../../../src/i18n";
import { TranslatorProvider } from "../../../src/i18n/react";
import { INSTRUMENTS } from "../../../src/questionnaires/contract";
import type { Draft } from "../../../src/writeback/drafts";
import { appQuestionnaire } from "../../../src/writeback/questionnaires";
import { buildQuestionnaireResponse } from "../../../src/writeback/build";
import { server } from "../../setup/msw-server";
import { wordingFile } from "../../fixtures/wording";
import { FakeFhir, LAUNCH, QUESTIONNAIRE_MISSING_TEXT, rejection, testSend } from "../writeback/fake-fhir";
import { MemoryStorage, draftStore } from "../writeback/helpers";

afterEach(cleanup);

const launch: FormsPanelProps["launch"] = LAUNCH;

let ids = 0;
const clock: SessionClock = {
  now: () => new Date("2026-11-27T01:00:00Z"),
  newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, "0")}`,
};

function renderPanel(
  props: Partial<FormsPanelProps> & { send: FormsPanelProps["send"]; storage: MemoryStorage },
  strict = false,
) {
  const ui = (
    <TranslatorProvider translator={createTranslator("en")}>
      <FormsPanel launch={launch} wordingUrl={null} clock={clock} {...props} />
    </TranslatorProvider>
  );
  return render(strict ? <StrictMode>{ui}</StrictMode> : ui);
}

const allQuestionnaires = INSTRUMENTS.map((i) => appQuestionnaire(i));

async function fillPainVas(user: ReturnType<typeof userEvent.setup>, value = "35") {
  await user.selectOptions(screen.getByRole("combobox", { name: "Questionnaire" }), "pain-vas");
  const form = screen.getByTestId("form-pain-vas");
  await user.click(within(form).getByRole("radio", { name: "1 month after surgery" }));
  await user.type(within(form).getByRole("textbox", { name: /Pain VAS \(mm\): value/ }), value);
  return form;
}

/** Renders the panel with `props`, fills the pain VAS (35) and submits it. */
async function submitPainVas(props: Parameters<typeof renderPanel>[0]) {
  const user = userEvent.setup();
  renderPanel(props);
  const form = await fillPainVas(user);
  await user.click(within(form).getByRole("button", { name: "Submit" }));
  return { user, form };
}

describe("FormsPanel", () => {
  it("fills and submits a questionnaire: one conditional create, author = the user, status in words", async () => {
    const fake = new FakeFhir({ questionnaires: allQuestionnaires });
    const { send } = fake.serve();
    const onStored = vi.fn();
    await submitPainVas({ send, storage: new MemoryStorage(), onStored });
    expect(await screen.findByText("Saved to the patient's record.")).toBeInTheDocument();
    expect(fake.responses).toHaveLength(1);
    const qr = fake.responses[0] as QuestionnaireResponse;
    expect(qr).toMatchObject({
      author: { reference: "Practitioner/dr-1" },
      subject: { reference: "Patient/p1" },
      encounter: { reference: "Encounter/e1" },
    });
    expect(qr.source).toBeUndefined();
    expect(qr.item?.find((i) => i.linkId === "pain-vas")?.answer).toEqual([{ valueInteger: 35 }]);
    expect(onStored).toHaveBeenCalledWith(expect.objectContaining({ identifier: qr.identifier }));
    expect(screen.queryByTestId("form-pain-vas")).toBeNull();
    expect(screen.queryByRole("heading", { name: "Unsent answers" })).toBeNull();
  });

  it("sends nothing while answers are missing and says what", async () => {
    const fake = new FakeFhir({ questionnaires: allQuestionnaires });
    const { send } = fake.serve();
    const user = userEvent.setup();
    renderPanel({ send, storage: new MemoryStorage() });
    await user.selectOptions(screen.getByRole("combobox", { name: "Questionnaire" }), "ecog");
    await user.click(screen.getByRole("button", { name: "Submit" }));
    expect(await screen.findByText("Not sent: some answers need attention.")).toBeInTheDocument();
    expect(
      screen.getByRole("link", { name: "ECOG performance status: Please answer this question." }),
    ).toBeInTheDocument();
    expect(fake.responsePosts + fake.questionnaireSearches).toBe(0);
  });

  it("shows a 4xx OperationOutcome in words and keeps the answers as a draft", async () => {
    const fake = new FakeFhir({
      questionnaires: allQuestionnaires,
      fault: () => rejection(422, { code: "business-rule", details: { text: "Encounter is closed" } }),
    });
    const { send } = fake.serve();
    const storage = new MemoryStorage();
    await submitPainVas({ send, storage });
    const alert = await screen.findByText(
      "The EHR refused the answers: Encounter is closed. The answers are kept as a draft in this tab.",
    );
    expect(alert).toHaveAttribute("role", "alert");
    expect(fake.responses).toHaveLength(0);
    const drafts = draftStore([], storage).list();
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      instrument: "pain-vas",
      lastFailure: "rejected",
      failureMessage: "Encounter is closed",
    });
  });

  it("item 12: a Questionnaire the server lacks and the app may not load (403) does not stop the save", async () => {
    const fake = new FakeFhir({ forbidQuestionnaireCreate: true });
    const { send } = fake.serve();
    await submitPainVas({ send, storage: new MemoryStorage() });
    expect(await screen.findByText("Saved to the patient's record.")).toBeInTheDocument();
    expect(fake.responsePosts).toBe(1);
  });

  it.each([
    [
      "item 12: a Questionnaire read grant (looked up, not found)",
      { canWriteQuestionnaire: false },
      ["GET Questionnaire"],
    ],
    [
      'questionnaireAccess "none" (no Questionnaire request)',
      { canReadQuestionnaire: false, canWriteQuestionnaire: false },
      [],
    ],
  ])(
    "%s: when the server refuses the response because of the Questionnaire, it says what the installer must load",
    async (_access, grants, questionnaireRequests) => {
      const fake = new FakeFhir({
        fault: () => rejection(400, { code: "processing", diagnostics: "Questionnaire not found" }),
      });
      const { send } = fake.serve();
      await submitPainVas({ send, storage: new MemoryStorage(), launch: { ...launch, ...grants } });
      const alert = await screen.findByText(QUESTIONNAIRE_MISSING_TEXT);
      expect(alert).toHaveAttribute("role", "alert");
      expect(screen.queryByText(/try again/i)).toBeNull();
      expect(fake.questionnaireRequests()).toEqual(questionnaireRequests);
      expect(fake.log.filter((r) => r === "POST QuestionnaireResponse")).toHaveLength(1);
    },
  );

  it("item 13: a launch without a write scope: the form sends nothing, one message says why, never 'Saved'", async () => {
    const fake = new FakeFhir({ questionnaires: allQuestionnaires });
    const { send } = fake.serve();
    const storage = new MemoryStorage();
    const user = userEvent.setup();
    renderPanel({ send, storage, launch: { ...launch, canWrite: false } });
    const NO_WRITE =
      "This launch did not grant permission to save to the patient's record, so nothing is sent. What you enter stays on this page.";
    expect(screen.getAllByText(NO_WRITE)).toHaveLength(1);
    const form = await fillPainVas(user);
    await user.click(within(form).getByRole("button", { name: "Submit" }));
    await waitFor(() => expect(screen.getAllByText(NO_WRITE)).toHaveLength(2));
    expect(screen.getByRole("alert")).toHaveTextContent(NO_WRITE);
    expect(screen.queryByText(/Saved to the patient's record|Already in the patient's record|not allowed/)).toBeNull();
    expect(fake.log).toEqual([]);
    expect(draftStore([], storage).list()).toMatchObject([{ instrument: "pain-vas", lastFailure: "not-permitted" }]);
  });

  it("item 8: a form opened after a failed save shows the pending draft rather than creating another", async () => {
    const fake = new FakeFhir({
      questionnaires: allQuestionnaires,
      fault: () => ({ kind: "server-error", status: 503 }),
    });
    const { send } = fake.serve({ maxRetries: 0 });
    const storage = new MemoryStorage();
    const { user, form } = await submitPainVas({ send, storage });
    expect(await screen.findByText(/^Not saved yet: the EHR could not be reached or was busy\./)).toBeInTheDocument();
    await user.click(within(form).getByRole("button", { name: "Close the questionnaire" }));

    await user.selectOptions(screen.getByRole("combobox", { name: "Questionnaire" }), "pain-vas");
    expect(screen.queryByTestId("form-pain-vas")).toBeNull();
    expect(screen.getByRole("alert")).toHaveTextContent(
      "This questionnaire already has answers waiting to be saved (listed below): send them again or discard them before starting another.",
    );
    const store = draftStore([], storage);
    expect(store.list()).toHaveLength(1);
    expect(screen.getByTestId(`draft-${store.list()[0]?.id ?? ""}`)).toHaveTextContent(
      "submitted, waiting to be saved",
    );
  });

  it("after a reload, a submitted draft is sent once (also under StrictMode's double effects) and an open one is offered", async () => {
    const fake = new FakeFhir({ questionnaires: allQuestionnaires });
    const { send } = fake.serve();
    const storage = new MemoryStorage();
    const store = draftStore([], storage);
    const q = appQuestionnaire("frankel");
    const answers = {
      timepoint: [{ valueCoding: q.item?.[0]?.answerOption?.[0]?.valueCoding ?? {} }],
      frankel: [{ valueCoding: q.item?.[2]?.answerOption?.[3]?.valueCoding ?? {} }],
    };
    const pending: Draft = {
      id: "11111111-1111-4111-8111-111111111111",
      instrument: "frankel",
      selfReport: false,
      answers,
      updatedAt: "2026-11-27T00:00:00Z",
      response: buildQuestionnaireResponse(q, answers, {
        identifier: "11111111-1111-4111-8111-111111111111",
        patientId: "p1",
        fhirUser: "Practitioner/dr-1",
        selfReport: false,
        authored: "2026-11-27T09:00:00+09:00",
      }),
      lastFailure: "unsent",
    };
    const editing: Draft = {
      id: "22222222-2222-4222-8222-222222222222",
      instrument: "barthel",
      selfReport: false,
      answers: { timepoint: answers.timepoint },
      updatedAt: "2026-11-27T00:00:00Z",
      response: null,
      lastFailure: null,
    };
    store.put(pending);
    store.put(editing);

    renderPanel({ send, storage }, true);
    expect(await screen.findByText("Saved to the patient's record.")).toBeInTheDocument();
    expect(fake.responsePosts).toBe(1);
    expect(fake.responses[0]?.identifier?.value).toBe(pending.id);
    const list = screen.getByRole("heading", { name: "Unsent answers" }).closest("section") as HTMLElement;
    const row = within(list).getByTestId(`draft-${editing.id}`);
    expect(row).toHaveTextContent("Barthel index");
    expect(row).toHaveTextContent("being filled in");
    expect(within(list).queryByTestId(`draft-${pending.id}`)).toBeNull();
    // Continuing keeps the form session's identifier.
    await userEvent.setup().click(within(row).getByRole("button", { name: "Continue" }));
    expect(screen.getByTestId("form-barthel")).toBeInTheDocument();
    expect(within(screen.getByTestId("form-barthel")).getByRole("radio", { name: "Before surgery" })).toBeChecked();
  });

  it("an unsent draft can be sent again, not edited", async () => {
    let fail = true;
    const fake = new FakeFhir({
      questionnaires: allQuestionnaires,
      fault: () => (fail ? { kind: "server-error", status: 503 } : { kind: "none" }),
    });
    const { send } = fake.serve({ maxRetries: 1 });
    const storage = new MemoryStorage();
    const { user, form } = await submitPainVas({ send, storage });
    expect(await screen.findByText(/^Not saved yet: the EHR could not be reached or was busy\./)).toBeInTheDocument();
    expect(fake.responsePosts).toBe(2);
    await user.click(within(form).getByRole("button", { name: "Close the questionnaire" }));
    const list = screen.getByRole("heading", { name: "Unsent answers" }).closest("section") as HTMLElement;
    expect(within(list).getByText("submitted, waiting to be saved")).toBeInTheDocument();
    // An unknown outcome must not be edited (it may be stored already): only send again or discard.
    expect(within(list).queryByRole("button", { name: "Continue" })).toBeNull();
    fail = false;
    await user.click(within(list).getByRole("button", { name: "Send again" }));
    expect(await screen.findByText("Saved to the patient's record.")).toBeInTheDocument();
    expect(fake.responses).toHaveLength(1);
    expect(screen.queryByRole("heading", { name: "Unsent answers" })).toBeNull();
  });

  it("discarding a draft asks a second time", async () => {
    const { send } = testSend();
    const storage = new MemoryStorage();
    const store = draftStore([], storage);
    const q = appQuestionnaire("ecog");
    store.put({
      id: "33333333-3333-4333-8333-333333333333",
      instrument: "ecog",
      selfReport: true,
      answers: { timepoint: [{ valueCoding: q.item?.[0]?.answerOption?.[1]?.valueCoding ?? {} }] },
      updatedAt: "2026-11-27T00:00:00Z",
      response: null,
      lastFailure: null,
    });
    const user = userEvent.setup();
    renderPanel({ send, storage });
    const row = screen.getByTestId("draft-33333333-3333-4333-8333-333333333333");
    expect(row).toHaveTextContent("patient self-report");
    await user.click(within(row).getByRole("button", { name: "Discard" }));
    await user.click(within(row).getByRole("button", { name: "Keep" }));
    expect(store.list()).toHaveLength(1);
    await user.click(within(row).getByRole("button", { name: "Discard" }));
    await user.click(within(row).getByRole("button", { name: "Discard for good" }));
    expect(screen.queryByTestId("draft-33333333-3333-4333-8333-333333333333")).toBeNull();
    expect(draftStore([], storage).list()).toEqual([]);
  });

  it("warns before the page closes while answers are unsent", async () => {
    const { send } = testSend();
    const user = userEvent.setup();
    renderPanel({ send, storage: new MemoryStorage() });
    const quiet = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(quiet);
    expect(quiet.defaultPrevented).toBe(false);
    await user.selectOptions(screen.getByRole("combobox", { name: "Questionnaire" }), "frankel");
    await user.click(screen.getByRole("radio", { name: "Before surgery" }));
    const warned = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(warned);
    expect(warned.defaultPrevented).toBe(true);
  });

  it("loads the deployment's EQ-5D-5L wording from beside the app when there is one", async () => {
    server.use(http.get("*/eq5d5l-wording.json", () => HttpResponse.json(wordingFile("Deployment", "wording", false))));
    const { send } = testSend();
    const user = userEvent.setup();
    renderPanel({ send, storage: new MemoryStorage(), wordingUrl: "eq5d5l-wording.json" });
    await waitFor(async () => {
      await user.selectOptions(screen.getByRole("combobox", { name: "Questionnaire" }), "eq5d5l");
      expect(screen.getByText("Deployment notice")).toBeInTheDocument();
    });
    expect(screen.getByRole("radio", { name: "MO wording 2" })).toBeInTheDocument();
    expect(screen.queryByText(/neutral labels are shown/)).toBeNull();
  });

  it("without the wording file: neutral labels and a note saying so", async () => {
    server.use(http.get("*/eq5d5l-wording.json", () => new HttpResponse(null, { status: 404 })));
    const { send } = testSend();
    const user = userEvent.setup();
    renderPanel({ send, storage: new MemoryStorage(), wordingUrl: "eq5d5l-wording.json" });
    await user.selectOptions(screen.getByRole("combobox", { name: "Questionnaire" }), "eq5d5l");
    expect(
      screen.getByText("The licensed EQ-5D-5L wording is not installed here, so neutral labels are shown."),
    ).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "Mobility — level 2" })).toBeInTheDocument();
  });

  it("without a patient in context it says so instead of a form", () => {
    const { send } = testSend();
    render(
      <TranslatorProvider translator={createTranslator("ja")}>
        <FormsPanel
          send={send}
          launch={{ ...launch, patientId: null }}
          wordingUrl={null}
          storage={new MemoryStorage()}
        />
      </TranslatorProvider>,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("起動時に患者が選択されていないため");
  });
});
