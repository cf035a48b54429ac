// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it, vi } from "vitest";
import FormsPanel from "../../../src/forms/FormsPanel";
import { FIRST_LOCK_MS, HANDOVER_KEY, readHandover, sha256Hex } from "../../../src/forms/handover";
import { createTranslator } from "../../../src/i18n";
import { TranslatorProvider } from "../../../src/i18n/react";
import { INSTRUMENTS } from "../../../src/questionnaires/contract";
import { appQuestionnaire } from "../../../src/writeback/questionnaires";
import { server } from "../../setup/msw-server";
import { FakeFhir, LAUNCH, testSend } from "../writeback/fake-fhir";
import { PLACEHOLDER_WORDING } from "../../fixtures/wording";
import { MemoryStorage, draftStore } from "../writeback/helpers";

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  vi.useRealTimers();
});

const launch = LAUNCH;
let ids = 0;
const clock = {
  now: () => new Date("2026-11-27T01:00:00Z"),
  newId: () => `00000000-0000-4000-9000-${String(++ids).padStart(12, "0")}`,
};

/** The clinician's page: record data next to the forms panel. */
function renderClinicianPage(
  storage: MemoryStorage,
  send: ReturnType<typeof testSend>["send"],
  opts: { onStored?: () => void; wording?: boolean } = {},
) {
  if (opts.wording) server.use(http.get("*/eq5d5l-wording.json", () => HttpResponse.json(PLACEHOLDER_WORDING)));
  return render(
    <TranslatorProvider translator={createTranslator("en")}>
      <section data-testid="record">
        <h2>SINS</h2>
        <p data-testid="sins-total">11</p>
      </section>
      <FormsPanel
        send={send}
        launch={launch}
        wordingUrl={opts.wording ? "eq5d5l-wording.json" : null}
        storage={storage}
        clock={clock}
        {...(opts.onStored ? { onStored: opts.onStored } : {})}
      />
    </TranslatorProvider>,
  );
}

type User = ReturnType<typeof userEvent.setup>;

/** The clinician's page on a fake FHIR server that knows the app's Questionnaires; the fake and a user to act. */
function clinicianPageOnFakeFhir(opts: Parameters<typeof renderClinicianPage>[2] = {}): { fake: FakeFhir; user: User } {
  const fake = new FakeFhir({ questionnaires: INSTRUMENTS.map((i) => appQuestionnaire(i)) });
  const { send } = fake.serve();
  const user = userEvent.setup();
  renderClinicianPage(new MemoryStorage(), send, opts);
  return { fake, user };
}

async function handOver(user: User, code = "2468", timepoint = "Before surgery"): Promise<HTMLElement> {
  await user.click(screen.getByRole("button", { name: "Hand to patient" }));
  const setup = screen.getByTestId("handover-setup");
  await user.click(within(setup).getByRole("radio", { name: timepoint }));
  await user.type(within(setup).getByLabelText("Code"), code);
  await user.type(within(setup).getByLabelText("Code again"), code);
  await user.click(within(setup).getByRole("button", { name: "Start" }));
  return screen.getByTestId("patient-mode");
}

async function leave(user: User, code: string): Promise<void> {
  await user.click(within(screen.getByTestId("patient-mode")).getByRole("button", { name: "Return to clinician" }));
  const dialog = screen.getByRole("dialog", { name: "Leave patient self-report?" });
  await user.type(within(dialog).getByLabelText("Clinician's code"), code);
  await user.click(within(dialog).getByRole("button", { name: "I am the clinician: leave" }));
}

const setSlider = (mode: HTMLElement, name: RegExp, value: number): void => {
  fireEvent.change(within(mode).getByRole("slider", { name }), { target: { value: String(value) } });
};

describe("patient self-report mode: what is handed over", () => {
  it("without the licensed wording: no EQ-5D-5L for the patient, the clinician sees why; the pain VAS alone is stored with the Patient as source", async () => {
    const { fake, user } = clinicianPageOnFakeFhir();
    await user.click(screen.getByRole("button", { name: "Hand to patient" }));
    const setup = screen.getByTestId("handover-setup");
    expect(within(setup).getByTestId("handover-offered")).toHaveTextContent(/^Pain VAS$/);
    expect(within(setup).getByTestId("handover-eq5d-withheld")).toHaveTextContent(
      "The EQ-5D-5L is not offered to the patient: the licensed EQ-5D-5L wording is not installed here (see docs/EQ5D-WORDING.md)",
    );
    expect(setup).toHaveTextContent(
      "The clinician-rated scores (Barthel, ECOG, Frankel, SINS, Tokuhashi) are never handed to a patient.",
    );
    await user.click(within(setup).getByRole("button", { name: "Cancel" }));

    const mode = await handOver(user);
    expect(within(mode).getByTestId("pm-progress")).toHaveTextContent("Question 1 of 1");
    expect(within(mode).queryByRole("radio", { name: /Mobility/ })).toBeNull();
    expect(mode).not.toHaveTextContent(/EQ-5D|EQ VAS|Mobility|level 3/);
    setSlider(mode, /^Pain VAS \(mm\)/, 40);
    await user.click(within(mode).getByRole("button", { name: "Finish" }));
    expect(
      await within(mode).findByText("Thank you. Please hand the device back to your clinician."),
    ).toBeInTheDocument();

    await waitFor(() => expect(fake.responses).toHaveLength(1));
    const [qr] = fake.responses;
    expect(qr?.questionnaire).toContain("/pain-vas|");
    expect(qr?.source).toEqual({ reference: "Patient/p1" });
    expect(qr?.author).toEqual({ reference: "Practitioner/dr-1" });
    expect(qr?.item?.find((i) => i.linkId === "pain-vas")?.answer).toEqual([{ valueInteger: 40 }]);
    expect(qr?.item?.[0]).toMatchObject({
      linkId: "timepoint",
      answer: [{ valueCoding: { code: "timepoint.preop" } }],
    });
  });

  it("with the licensed wording (test fixture): one question per screen with progress, Back keeps answers, the EQ VAS vertical with the file's anchors", async () => {
    const { fake, user } = clinicianPageOnFakeFhir({ wording: true });
    await user.click(screen.getByRole("button", { name: "Hand to patient" }));
    await waitFor(() =>
      expect(screen.getByTestId("handover-offered")).toHaveTextContent(
        "EQ-5D-5L (five questions) and the EQ VAS, in the licensed wording",
      ),
    );
    expect(screen.queryByTestId("handover-eq5d-withheld")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    const mode = await handOver(user);

    // Screen 1 of 7: one question only.
    expect(within(mode).getByTestId("pm-progress")).toHaveTextContent("Question 1 of 7");
    expect(within(mode).getAllByRole("radiogroup")).toHaveLength(1);
    expect(within(mode).getByRole("radiogroup", { name: /^Placeholder MO/ })).toBeInTheDocument();
    expect(within(mode).getByText("Placeholder notice")).toBeInTheDocument();
    expect(within(mode).queryByRole("button", { name: "Back" })).toBeNull();
    // Next without an answer stays and says why.
    await user.click(within(mode).getByRole("button", { name: "Next" }));
    expect(within(mode).getByTestId("pm-progress")).toHaveTextContent("Question 1 of 7");
    expect(
      within(mode).getByRole("link", { name: "Placeholder MO: Please answer this question." }),
    ).toBeInTheDocument();

    const profile = [1, 2, 3, 4, 5];
    for (const [i, dim] of ["MO", "SC", "UA", "PD", "AD"].entries()) {
      expect(within(mode).getByTestId("pm-progress")).toHaveTextContent(`Question ${i + 1} of 7`);
      await user.click(within(mode).getByRole("radio", { name: `${dim} placeholder ${profile[i]}` }));
      await user.click(within(mode).getByRole("button", { name: "Next" }));
    }
    // Back twice: the answers are still there.
    await user.click(within(mode).getByRole("button", { name: "Back" }));
    expect(within(mode).getByTestId("pm-progress")).toHaveTextContent("Question 5 of 7");
    expect(within(mode).getByRole("radio", { name: "AD placeholder 5" })).toBeChecked();
    await user.click(within(mode).getByRole("button", { name: "Back" }));
    expect(within(mode).getByRole("radio", { name: "PD placeholder 4" })).toBeChecked();
    await user.click(within(mode).getByRole("button", { name: "Next" }));
    await user.click(within(mode).getByRole("button", { name: "Next" }));

    // Screen 6: the EQ VAS, vertical, 100 at the top with the file's top anchor, 0 at the bottom with its bottom anchor.
    expect(within(mode).getByTestId("pm-progress")).toHaveTextContent("Question 6 of 7");
    const vas = within(mode).getByRole("slider", { name: /^Placeholder VAS instruction/ });
    expect(vas).toHaveAttribute("aria-orientation", "vertical");
    expect(vas).toHaveClass("qf-slider-vertical");
    expect(vas).toHaveAccessibleDescription(/Placeholder top anchor.*Placeholder bottom anchor/);
    const column = vas.closest(".qf-vas-column") as HTMLElement;
    const order = Array.from(column.querySelectorAll(".qf-vas-end, input")).map((el) =>
      el instanceof HTMLInputElement ? "slider" : el.textContent,
    );
    expect(order).toEqual(["100Placeholder top anchor", "slider", "0Placeholder bottom anchor"]);
    expect(vas.closest(".qf-field")?.querySelector("label")).toHaveAttribute("for", vas.id);
    expect(within(mode).queryByRole("textbox")).toBeNull(); // the patient answers on the scale, no number field
    setSlider(mode, /^Placeholder VAS instruction/, 70);
    await user.click(within(mode).getByRole("button", { name: "Next" }));

    // Screen 7: the pain VAS (the app's own wording), horizontal.
    expect(within(mode).getByTestId("pm-progress")).toHaveTextContent("Question 7 of 7");
    expect(within(mode).getByRole("slider", { name: /^Pain VAS/ })).not.toHaveAttribute("aria-orientation");
    setSlider(mode, /^Pain VAS/, 30);
    expect(mode).not.toHaveTextContent(/index|0\.47| pt\b|SINS|Tokuhashi/i);
    await user.click(within(mode).getByRole("button", { name: "Finish" }));
    await waitFor(() => expect(fake.responses).toHaveLength(2));
    const eq5d = fake.responses.find((r) => r.questionnaire?.includes("/eq5d5l|"));
    // 12345, Japan cTTO (Shiroiwa 2016): 1 − 0.060924 − 0 − 0.043632 − 0.091131 − 0.131436 − 0.195961 = 0.476916.
    expect(eq5d?.item?.find((i) => i.linkId === "eq5d-index")?.answer?.[0]?.valueDecimal).toBeCloseTo(0.476916, 6);
    expect(eq5d?.item?.find((i) => i.linkId === "eq-vas")?.answer).toEqual([{ valueInteger: 70 }]);
    // Stored with the neutral displays, never the licensed text.
    expect(JSON.stringify(eq5d)).not.toContain("placeholder");
    expect(eq5d?.item?.find((i) => i.linkId === "eq5d-mo")?.answer?.[0]?.valueCoding?.display).toBe(
      "Mobility — level 1",
    );
  });
});

describe("patient self-report mode: the VAS", () => {
  it("has no handle and no answer until touched, and refuses Finish untouched", async () => {
    const { fake, user } = clinicianPageOnFakeFhir();
    const mode = await handOver(user);
    const slider = within(mode).getByRole("slider", { name: /^Pain VAS \(mm\)/ });
    expect(slider).toHaveClass("qf-slider-unanswered"); // forms.css hides the thumb of an unanswered scale
    expect(slider).toHaveAttribute("aria-valuetext", "Not answered");
    expect(slider).toHaveAttribute("aria-required", "true");
    await user.click(within(mode).getByRole("button", { name: "Finish" }));
    expect(within(mode).getByRole("link", { name: "Pain VAS (mm): Please answer this question." })).toBeInTheDocument();
    expect(within(mode).queryByText("Thank you. Please hand the device back to your clinician.")).toBeNull();
    expect(fake.responses).toHaveLength(0);

    setSlider(mode, /^Pain VAS \(mm\)/, 51);
    const touched = within(mode).getByRole("slider", { name: /^Pain VAS \(mm\)/ });
    expect(touched).not.toHaveClass("qf-slider-unanswered");
    expect(touched).toHaveAttribute("aria-valuetext", "51 mm");
    await user.click(within(mode).getByRole("button", { name: "Finish" }));
    await waitFor(() => expect(fake.responses).toHaveLength(1));
    expect(fake.responses[0]?.item?.find((i) => i.linkId === "pain-vas")?.answer).toEqual([{ valueInteger: 51 }]);
  });
});

describe("patient self-report mode: leaving needs the clinician's code", () => {
  it("the setup refuses a code that is not 4–6 digits or typed differently", async () => {
    const { send } = testSend();
    const user = userEvent.setup();
    renderClinicianPage(new MemoryStorage(), send);
    await user.click(screen.getByRole("button", { name: "Hand to patient" }));
    const setup = screen.getByTestId("handover-setup");
    await user.click(within(setup).getByRole("radio", { name: "Before surgery" }));
    await user.type(within(setup).getByLabelText("Code"), "12");
    await user.type(within(setup).getByLabelText("Code again"), "12");
    await user.click(within(setup).getByRole("button", { name: "Start" }));
    expect(within(setup).getByText("Enter 4 to 6 digits.")).toBeInTheDocument();
    expect(screen.queryByTestId("patient-mode")).toBeNull();
    await user.clear(within(setup).getByLabelText("Code"));
    await user.type(within(setup).getByLabelText("Code"), "1234");
    await user.clear(within(setup).getByLabelText("Code again"));
    await user.type(within(setup).getByLabelText("Code again"), "1243");
    await user.click(within(setup).getByRole("button", { name: "Start" }));
    expect(within(setup).getByText("The two codes are not the same.")).toBeInTheDocument();
    expect(screen.queryByTestId("patient-mode")).toBeNull();
    expect(sessionStorage.getItem(HANDOVER_KEY)).toBeNull();
  });

  it("'Return to clinician' then 'I am the clinician: leave' without the code stays; a wrong code stays with no hint; the right one leaves", async () => {
    const { send } = testSend();
    const storage = new MemoryStorage();
    const user = userEvent.setup();
    renderClinicianPage(storage, send);
    const mode = await handOver(user, "4711", "1 month after surgery");
    setSlider(mode, /^Pain VAS/, 20);
    // The clinician's panel is not rendered while handed over (only patient mode is).
    expect(screen.queryByRole("combobox", { name: "Questionnaire" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Hand to patient" })).toBeNull();

    const exit = within(mode).getByRole("button", { name: "Return to clinician" });
    await user.click(exit);
    const dialog = screen.getByRole("dialog", { name: "Leave patient self-report?" });
    expect(dialog).toHaveAttribute("aria-modal", "true");
    expect(dialog).toHaveAccessibleDescription(/For the clinician: enter the code you set when handing over/);
    const code = within(dialog).getByLabelText("Clinician's code");
    expect(code).toHaveFocus();
    expect(code).toHaveAttribute("type", "password");
    // Leave with no code: nothing happens.
    await user.click(within(dialog).getByRole("button", { name: "I am the clinician: leave" }));
    expect(screen.getByTestId("patient-mode")).toBeInTheDocument();
    expect(within(dialog).getByRole("alert")).toHaveTextContent("The code was not accepted.");
    // A wrong code: still in patient mode, the same words (no hint about the code).
    await user.type(code, "4712");
    await user.click(within(dialog).getByRole("button", { name: "I am the clinician: leave" }));
    expect(screen.getByTestId("patient-mode")).toBeInTheDocument();
    expect(within(dialog).getByRole("alert")).toHaveTextContent(/^The code was not accepted\.$/);
    expect(code).toHaveValue("");
    // Tab stays inside the dialog; Escape = stay.
    await user.tab();
    await user.tab();
    await user.tab();
    expect(code).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(exit).toHaveFocus();
    expect(screen.queryByTestId("record")?.closest("[inert]")).not.toBeNull();

    await leave(user, "4711");
    expect(screen.queryByTestId("patient-mode")).toBeNull();
    expect(sessionStorage.getItem(HANDOVER_KEY)).toBeNull();
    expect(screen.getByRole("heading", { name: "SINS" })).toBeInTheDocument();
    expect(document.querySelector("[inert]")).toBeNull();
    // The unfinished self-report is listed for the clinician.
    const list = screen.getByRole("heading", { name: "Unsent answers" }).closest("section") as HTMLElement;
    expect(within(list).getByText("patient self-report")).toBeInTheDocument();
    const drafts = draftStore([], storage).list();
    expect(drafts.find((d) => d.instrument === "pain-vas")).toMatchObject({
      selfReport: true,
      answers: { "pain-vas": [{ valueInteger: 20 }] },
    });
  });

  it("three wrong codes lock the exit for 30 s, also after a reload; no code in clear is kept", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-27T01:00:00Z"));
    const { send } = testSend();
    const storage = new MemoryStorage();
    const user = userEvent.setup();
    const first = renderClinicianPage(storage, send);
    await handOver(user, "13579");
    const kept = sessionStorage.getItem(HANDOVER_KEY) ?? "";
    expect(kept).not.toContain("13579");
    const h = readHandover();
    expect(h?.codeHash).toBe(sha256Hex(`${h?.salt ?? ""}:13579`));
    expect(h?.salt).toMatch(/^[0-9a-f]{32}$/);

    for (const wrong of ["11111", "22222", "33333"]) await leave(user, wrong);
    const dialog = screen.getByRole("dialog");
    expect(within(dialog).getByRole("alert")).toHaveTextContent("Too many attempts. Try again in 30 s.");
    // Locked: even the right code does not leave now.
    await user.type(within(dialog).getByLabelText("Clinician's code"), "13579");
    await user.click(within(dialog).getByRole("button", { name: "I am the clinician: leave" }));
    expect(screen.getByTestId("patient-mode")).toBeInTheDocument();

    // A reload (the panel mounted again with the same tab storage) keeps the lock and the count.
    first.unmount();
    renderClinicianPage(storage, send);
    expect(screen.getByTestId("patient-mode")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Hand to patient" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Return to clinician" }));
    expect(within(screen.getByRole("dialog")).getByRole("alert")).toHaveTextContent(
      /Too many attempts\. Try again in \d+ s\./,
    );
    await user.keyboard("{Escape}");

    act(() => {
      vi.setSystemTime(Date.now() + FIRST_LOCK_MS + 1000);
    });
    // A fourth wrong code after the wait locks for twice as long.
    await leave(user, "44444");
    expect(within(screen.getByRole("dialog")).getByRole("alert")).toHaveTextContent(
      "Too many attempts. Try again in 60 s.",
    );
    act(() => {
      vi.setSystemTime(Date.now() + 2 * FIRST_LOCK_MS + 1000);
    });
    await user.type(within(screen.getByRole("dialog")).getByLabelText("Clinician's code"), "13579");
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "I am the clinician: leave" }));
    expect(screen.queryByTestId("patient-mode")).toBeNull();
    expect(screen.getByRole("button", { name: "Hand to patient" })).toBeInTheDocument();
  });

  it("a reload keeps the patient at the same question with the answers given", async () => {
    const { send } = testSend();
    const storage = new MemoryStorage();
    const user = userEvent.setup();
    server.use(http.get("*/eq5d5l-wording.json", () => HttpResponse.json(PLACEHOLDER_WORDING)));
    const first = renderClinicianPage(storage, send, { wording: true });
    await user.click(screen.getByRole("button", { name: "Hand to patient" }));
    await waitFor(() => expect(screen.getByTestId("handover-offered")).toHaveTextContent("EQ-5D-5L"));
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    let mode = await handOver(user);
    await user.click(within(mode).getByRole("radio", { name: "MO placeholder 2" }));
    await user.click(within(mode).getByRole("button", { name: "Next" }));
    await user.click(within(mode).getByRole("radio", { name: "SC placeholder 3" }));
    first.unmount();

    renderClinicianPage(storage, send, { wording: true });
    mode = screen.getByTestId("patient-mode");
    expect(await within(mode).findByTestId("pm-progress")).toHaveTextContent("Question 2 of 7");
    expect(within(mode).getByRole("radio", { name: "SC placeholder 3" })).toBeChecked();
    await user.click(within(mode).getByRole("button", { name: "Back" }));
    expect(within(mode).getByRole("radio", { name: "MO placeholder 2" })).toBeChecked();
    expect(screen.queryByRole("button", { name: "Hand to patient" })).toBeNull();
  });

  it("re-reads the record (onStored) only after the clinician is back, not while the patient holds the device", async () => {
    const onStored = vi.fn();
    const { fake, user } = clinicianPageOnFakeFhir({ onStored });
    const mode = await handOver(user);
    setSlider(mode, /^Pain VAS/, 10);
    await user.click(within(mode).getByRole("button", { name: "Finish" }));
    await waitFor(() => expect(fake.responses).toHaveLength(1));
    await within(mode).findByText("Thank you. Please hand the device back to your clinician.");
    expect(onStored).not.toHaveBeenCalled();
    await leave(user, "2468");
    expect(onStored).toHaveBeenCalledTimes(1);
    expect(screen.getByText("Saved to the patient's record.")).toBeInTheDocument();
  });

  it("speaks Japanese: the setup, the question and the exit", async () => {
    const { send } = testSend();
    const user = userEvent.setup();
    render(
      <TranslatorProvider translator={createTranslator("ja")}>
        <FormsPanel send={send} launch={launch} wordingUrl={null} storage={new MemoryStorage()} clock={clock} />
      </TranslatorProvider>,
    );
    await user.click(screen.getByRole("button", { name: "患者さんに渡す" }));
    const setup = screen.getByTestId("handover-setup");
    expect(setup).toHaveTextContent("EQ-5D-5L は患者さんに表示しません");
    await user.click(within(setup).getByRole("radio", { name: "手術前" }));
    await user.type(within(setup).getByLabelText("コード"), "9999");
    await user.type(within(setup).getByLabelText("コード（確認）"), "9999");
    await user.click(within(setup).getByRole("button", { name: "開始" }));
    const mode = screen.getByTestId("patient-mode");
    expect(within(mode).getByRole("heading", { name: "ご回答" })).toHaveFocus();
    expect(within(mode).getByTestId("pm-progress")).toHaveTextContent("1問中1問目");
    await user.click(within(mode).getByRole("button", { name: "担当者に戻す" }));
    const dialog = screen.getByRole("dialog");
    await user.type(within(dialog).getByLabelText("担当者のコード"), "9998");
    await user.click(within(dialog).getByRole("button", { name: "担当者です：終了する" }));
    expect(within(dialog).getByRole("alert")).toHaveTextContent("コードが受け付けられませんでした。");
    await user.type(within(dialog).getByLabelText("担当者のコード"), "9999");
    await user.click(within(dialog).getByRole("button", { name: "担当者です：終了する" }));
    expect(screen.queryByTestId("patient-mode")).toBeNull();
  });
});

describe("handover hash", () => {
  it("sha256Hex matches the FIPS 180-4 test vectors", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });
});
