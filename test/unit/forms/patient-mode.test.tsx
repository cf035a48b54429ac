// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import FormsPanel from "../../../src/forms/FormsPanel";
import PatientMode from "../../../src/forms/PatientMode";
import { createTranslator } from "../../../src/i18n";
import { TranslatorProvider } from "../../../src/i18n/react";
import { INSTRUMENTS } from "../../../src/questionnaires/contract";
import { DraftStore } from "../../../src/writeback/drafts";
import { appQuestionnaire } from "../../../src/writeback/questionnaires";
import { server } from "../../setup/msw-server";
import { BASE, FakeFhir, testSend } from "../writeback/fake-fhir";
import { MemoryStorage } from "../writeback/helpers";

afterEach(cleanup);

const launch = { serverUrl: BASE, patientId: "p1", encounterId: "e1", fhirUser: "Practitioner/dr-1", canWrite: true, canWriteQuestionnaire: true };
let ids = 0;
const clock = { now: () => new Date("2026-11-27T01:00:00Z"), newId: () => `00000000-0000-4000-9000-${String(++ids).padStart(12, "0")}` };

/** The clinician's page: record data next to the forms panel, as the app shows them. */
function renderClinicianPage(storage: MemoryStorage, send: ReturnType<typeof testSend>["send"], onStored?: () => void) {
  return render(
    <TranslatorProvider translator={createTranslator("en")}>
      <section data-testid="record">
        <h2>SINS</h2>
        <p data-testid="sins-total">11</p>
      </section>
      <FormsPanel send={send} launch={launch} wordingUrl={null} storage={storage} clock={clock} {...(onStored ? { onStored } : {})} />
    </TranslatorProvider>,
  );
}

async function answerEq5d(user: ReturnType<typeof userEvent.setup>, profile: string, vas: string) {
  const dims = ["Mobility", "Self-care", "Usual activities", "Pain/discomfort", "Anxiety/depression"];
  for (const [i, dim] of dims.entries()) {
    await user.click(screen.getByRole("radio", { name: `${dim} — level ${profile[i]}` }));
  }
  await user.type(screen.getByRole("textbox", { name: /EQ VAS \(0–100\): value/ }), vas);
}

describe("patient self-report mode", () => {
  it("covers the record, shows no scores, and records the Patient as source of both responses", async () => {
    const fake = new FakeFhir({ questionnaires: INSTRUMENTS.map((i) => appQuestionnaire(i)) });
    server.use(...fake.handlers());
    const { send } = testSend();
    const user = userEvent.setup();
    renderClinicianPage(new MemoryStorage(), send);
    await user.click(screen.getByRole("button", { name: "Hand to patient" }));

    const mode = screen.getByTestId("patient-mode");
    // Everything else on the page is inert and hidden from assistive technology.
    const appRoot = screen.getByTestId("record").parentElement as HTMLElement;
    expect(appRoot.closest("[inert]")).not.toBeNull();
    expect(screen.queryByRole("heading", { name: "SINS" })).toBeNull(); // aria-hidden: not in the accessibility tree
    expect(mode.closest("[inert]")).toBeNull();

    // The clinician picks the timepoint first.
    await user.click(within(mode).getByRole("button", { name: "Start" }));
    expect(within(mode).getByRole("link", { name: "Timepoint: Please answer this question." })).toBeInTheDocument();
    await user.click(within(mode).getByRole("radio", { name: "Before surgery" }));
    await user.click(within(mode).getByRole("button", { name: "Start" }));

    // Part 1: EQ-5D-5L and EQ VAS; no timepoint, no index, no points.
    expect(within(mode).getByText("Part 1 of 2")).toBeInTheDocument();
    expect(within(mode).queryByRole("radio", { name: "Before surgery" })).toBeNull();
    await user.click(within(mode).getByRole("button", { name: "Next" }));
    expect(within(mode).getAllByRole("link").length).toBe(6);
    await answerEq5d(user, "21232", "55");
    expect(within(mode).queryByTestId("calculated-eq5d-index")).toBeNull();
    expect(mode).not.toHaveTextContent(/index|0\.685| pt\b|SINS|Tokuhashi/i);
    await user.click(within(mode).getByRole("button", { name: "Next" }));

    // Part 2: pain VAS.
    expect(within(mode).getByText("Part 2 of 2")).toBeInTheDocument();
    await user.type(within(mode).getByRole("textbox", { name: /Pain VAS \(mm\): value/ }), "40");
    await user.click(within(mode).getByRole("button", { name: "Finish" }));
    expect(await within(mode).findByText("Thank you. Please hand the device back to your clinician.")).toBeInTheDocument();

    await waitFor(() => expect(fake.responses).toHaveLength(2));
    for (const qr of fake.responses) {
      expect(qr.source).toEqual({ reference: "Patient/p1" });
      expect(qr.author).toEqual({ reference: "Practitioner/dr-1" });
      expect(qr.item?.[0]).toMatchObject({ linkId: "timepoint", answer: [{ valueCoding: { code: "timepoint.preop" } }] });
    }
    const eq5d = fake.responses.find((r) => r.questionnaire?.includes("/eq5d5l|"));
    // The index is stored (calculated), though the patient never saw it.
    // 21232, Japan cTTO (reference/EQ5D.md): 1 − 0.060924 − 0.063865 − 0 − 0.050407 − 0.068178 − 0.071779 = 0.684847.
    expect(eq5d?.item?.find((i) => i.linkId === "eq5d-index")?.answer?.[0]?.valueDecimal).toBeCloseTo(0.684847, 6);
    expect(eq5d?.item?.find((i) => i.linkId === "eq-vas")?.answer).toEqual([{ valueInteger: 55 }]);
    expect(fake.responses.find((r) => r.questionnaire?.includes("/pain-vas|"))?.item?.find((i) => i.linkId === "pain-vas")?.answer).toEqual([{ valueInteger: 40 }]);
  });

  it("re-reads the record (onStored) only after the clinician is back, not while the patient holds the device", async () => {
    const fake = new FakeFhir({ questionnaires: INSTRUMENTS.map((i) => appQuestionnaire(i)) });
    server.use(...fake.handlers());
    const { send } = testSend();
    const onStored = vi.fn();
    const user = userEvent.setup();
    renderClinicianPage(new MemoryStorage(), send, onStored);
    await user.click(screen.getByRole("button", { name: "Hand to patient" }));
    const mode = screen.getByTestId("patient-mode");
    await user.click(within(mode).getByRole("radio", { name: "Before surgery" }));
    await user.click(within(mode).getByRole("button", { name: "Start" }));
    await answerEq5d(user, "11111", "90");
    await user.click(within(mode).getByRole("button", { name: "Next" }));
    await user.type(within(mode).getByRole("textbox", { name: /Pain VAS \(mm\): value/ }), "10");
    await user.click(within(mode).getByRole("button", { name: "Finish" }));
    await waitFor(() => expect(fake.responses).toHaveLength(2));
    await within(mode).findByText("Thank you. Please hand the device back to your clinician.");
    expect(onStored).not.toHaveBeenCalled();

    await user.click(within(mode).getByRole("button", { name: "Return to clinician" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "I am the clinician: leave" }));
    expect(onStored).toHaveBeenCalledTimes(1);
    expect(screen.getByText("Saved to the patient's record.")).toBeInTheDocument();
  });

  it("leaving needs the clinician's confirmation in an accessible dialog; unfinished answers stay a draft", async () => {
    const { send } = testSend();
    const storage = new MemoryStorage();
    const user = userEvent.setup();
    renderClinicianPage(storage, send);
    await user.click(screen.getByRole("button", { name: "Hand to patient" }));
    const mode = screen.getByTestId("patient-mode");
    await user.click(within(mode).getByRole("radio", { name: "1 month after surgery" }));
    await user.click(within(mode).getByRole("button", { name: "Start" }));
    await user.click(within(mode).getByRole("radio", { name: "Mobility — level 3" }));

    const exit = within(mode).getByRole("button", { name: "Return to clinician" });
    await user.click(exit);
    const dialog = screen.getByRole("dialog", { name: "Leave patient self-report?" });
    expect(dialog).toHaveAttribute("aria-modal", "true");
    expect(dialog).toHaveAccessibleDescription(/For the clinician/);
    const stay = within(dialog).getByRole("button", { name: "Stay" });
    expect(stay).toHaveFocus();
    // Tab stays inside the dialog.
    await user.tab();
    expect(within(dialog).getByRole("button", { name: "I am the clinician: leave" })).toHaveFocus();
    await user.tab();
    expect(stay).toHaveFocus();
    // Escape = stay.
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByTestId("patient-mode")).toBeInTheDocument();
    expect(exit).toHaveFocus();

    await user.click(exit);
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "I am the clinician: leave" }));
    expect(screen.queryByTestId("patient-mode")).toBeNull();
    expect(screen.getByRole("heading", { name: "SINS" })).toBeInTheDocument();
    expect(document.querySelector("[inert]")).toBeNull();

    // The unfinished self-report is listed for the clinician, as a patient self-report.
    const list = screen.getByRole("heading", { name: "Unsent answers" }).closest("section") as HTMLElement;
    expect(within(list).getAllByText("patient self-report").length).toBeGreaterThanOrEqual(1);
    const drafts = new DraftStore({ serverUrl: BASE, patientId: "p1", userId: "Practitioner/dr-1" }, storage).list();
    expect(drafts.find((d) => d.instrument === "eq5d5l")).toMatchObject({ selfReport: true, answers: { "eq5d-mo": [{ valueCoding: { code: "eq5d.level.3" } }] } });
  });

  it("is usable on its own (default export) with large targets and onExit after confirmation", async () => {
    const { send } = testSend();
    const onExit = vi.fn();
    const user = userEvent.setup();
    render(
      <TranslatorProvider translator={createTranslator("ja")}>
        <PatientMode send={send} context={{ serverUrl: BASE, patientId: "p1", encounterId: null, fhirUser: null }} mayCreateQuestionnaire={false} canWrite onExit={onExit} storage={new MemoryStorage()} clock={clock} />
      </TranslatorProvider>,
    );
    const mode = screen.getByTestId("patient-mode");
    expect(mode).toHaveClass("pm");
    expect(within(mode).getByRole("heading", { name: "患者さんによる自己記入" })).toHaveFocus();
    await user.click(within(mode).getByRole("button", { name: "担当者に戻す" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "担当者です：終了する" }));
    expect(onExit).toHaveBeenCalledTimes(1);
  });
});
