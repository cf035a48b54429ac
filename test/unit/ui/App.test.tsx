// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App, type LoadResult, type Session } from "../../../src/ui/App";
import type { AppFault } from "../../../src/ui/faults";
import { renderApp, session } from "./helpers";
import { emptyReport } from "./fixtures/reports";
import { chooseEntry, entryRadio } from "./entry";
// The tumour-board sheet is a lazy chunk: load it up front so that the print test does not wait on its transform.
import "../../../src/ui/print/TumourBoardSheet";

function renderFault(fault: AppFault, load?: () => Promise<LoadResult>) {
  return render(<App load={load ?? (() => Promise.resolve({ ok: false, fault }))} browserLocales={["en-US"]} />);
}

/** A forms panel that stores a response when its one button is clicked. */
function FakePanel({ onStored }: { onStored: () => void }) {
  return (
    <button type="button" onClick={onStored}>
      Store a response
    </button>
  );
}

describe("loading and fault states", () => {
  it("shows a loading state, never a patient, until the record is in", async () => {
    let resolve: (r: LoadResult) => void = () => {};
    render(<App load={() => new Promise<LoadResult>((r) => (resolve = r))} />);
    expect(screen.getByTestId("loading")).toHaveTextContent("Loading the patient's record…");
    expect(screen.queryByTestId("patient-banner")).toBeNull();
    resolve({ ok: true, session: session() });
    expect(await screen.findByTestId("patient-banner")).toHaveTextContent("Yamada, Taro");
  });

  it("session ended: says how to relaunch, offers no retry", async () => {
    renderFault({ kind: "session-ended", status: 401, refreshTried: true });
    const fault = await screen.findByTestId("fault-session-ended");
    expect(fault).toHaveTextContent("Your session has ended");
    expect(fault).toHaveTextContent("open the app again from the patient's chart");
    expect(within(fault).queryByRole("button")).toBeNull();
  });

  it("not launched, patient not found, scope missing: each its own message", async () => {
    const { unmount } = renderFault({ kind: "no-launch" });
    expect(await screen.findByTestId("fault-no-launch")).toHaveTextContent("Not launched from an EHR");
    unmount();
    const second = renderFault({ kind: "not-found", status: 404 });
    expect(await screen.findByTestId("fault-not-found")).toHaveTextContent("Patient not found");
    second.unmount();
    renderFault({ kind: "forbidden", status: 403 });
    expect(await screen.findByTestId("fault-forbidden")).toHaveTextContent("Permission missing");
  });

  it("server busy and timeout: a retry loads again", async () => {
    const user = userEvent.setup();
    const load = vi
      .fn<() => Promise<LoadResult>>()
      .mockResolvedValueOnce({
        ok: false,
        fault: { kind: "rate-limited", status: 429, attempts: 3, retryAfterMs: null },
      })
      .mockResolvedValueOnce({ ok: false, fault: { kind: "timeout", timeoutMs: 15_000, attempts: 2 } })
      .mockResolvedValueOnce({ ok: true, session: session() });
    renderFault({ kind: "unexpected" }, load);
    const busy = await screen.findByTestId("fault-rate-limited");
    expect(busy).toHaveTextContent("The EHR server is busy");
    expect(busy).toHaveTextContent("did not answer after 3 attempts");
    expect(busy).not.toHaveTextContent("asked to wait"); // no Retry-After: the retry is offered at once (a wait: FaultView.test)
    await user.click(within(busy).getByRole("button", { name: "Try again" }));
    const timeout = await screen.findByTestId("fault-timeout");
    expect(timeout).toHaveTextContent("The EHR's FHIR server did not answer within 15 s (2 attempts).");
    await user.click(within(timeout).getByRole("button", { name: "Try again" }));
    expect(await screen.findByTestId("sins-range")).toHaveTextContent("5–12");
    expect(load).toHaveBeenCalledTimes(3);
  });

  it("a loader that throws is an unexpected fault, not a blank page", async () => {
    render(<App load={() => Promise.reject(new Error("boom"))} />);
    expect(await screen.findByTestId("fault-unexpected")).toHaveTextContent("Something went wrong");
  });

  it("partial data: warns on top and flags the panels whose searches failed", async () => {
    renderApp(
      session({
        score: () => emptyReport(),
        unavailable: [
          { search: "Observation", fault: { kind: "forbidden", status: 403 } },
          { search: "Condition", fault: { kind: "unavailable", status: 503, attempts: 3, retryAfterMs: null } },
        ],
      }),
    );
    expect(await screen.findByTestId("partial-warning")).toHaveTextContent("Some of the record could not be read");
    expect(screen.getByTestId("notice-qol")).toHaveTextContent(
      "The EHR did not give this app permission to read observations (scope missing)",
    );
    expect(screen.getByTestId("notice-segment")).toHaveTextContent(
      "diagnoses (Conditions) could not be read (The EHR server is busy)",
    );
    expect(screen.getByTestId("notice-tokuhashi")).toHaveTextContent("observations");
    expect(screen.getByTestId("notice-tokuhashi")).toHaveTextContent("diagnoses");
    expect(screen.getByTestId("segment-group")).toHaveTextContent("No group");
    expect(screen.getByTestId("applicability")).toHaveTextContent(/^\? Study population: cannot tell$/); // the fixture gives no reason
    expect(screen.getByTestId("segment-card-applicability")).toHaveTextContent("Cannot tell whether the study applies");
    expect(screen.getByTestId("sins-range")).toHaveTextContent("0–18");
    expect(screen.getByTestId("tokuhashi-range")).toHaveTextContent("0–15");
  });
});

describe("the clinician view", () => {
  it("hides the banner when the EHR shows its own", async () => {
    renderApp(session({ needPatientBanner: false }));
    await screen.findByTestId("sins-range");
    expect(screen.queryByTestId("patient-banner")).toBeNull();
  });

  it("shows the patient banner with birth date, age, sex and MRN", async () => {
    renderApp();
    const banner = await screen.findByTestId("patient-banner");
    expect(banner).toHaveTextContent("Yamada, Taro");
    expect(banner).toHaveTextContent("14 May 1952 (72 years)");
    expect(banner).toHaveTextContent("Male");
    expect(banner).toHaveTextContent("MRN-0042");
  });

  it("lists every diagnostic in the drawer, most severe first", async () => {
    renderApp();
    const drawer = await screen.findByTestId("diagnostics");
    expect(within(drawer).getByText(/Data notes \(2\)/)).toBeInTheDocument();
    const items = within(drawer).getAllByRole("listitem");
    expect(items[0]).toHaveTextContent(
      "Warning: SINS collapse: Different values recorded on 2024-02-28: Observation/ct-1; Observation/ct-2. Pick the right one. (resource Observation/ct-1)",
    );
    expect(items[1]).toHaveTextContent("Note: Observation/old-kps (KPS) is marked entered-in-error: ignored");
  });

  it("takes the locale from the launch context, and switches language", async () => {
    const user = userEvent.setup();
    renderApp(session({ locale: "ja-JP" }), ["en-GB"]);
    expect(await screen.findByTestId("tokuhashi-prognosis")).toHaveTextContent("6か月未満");
    expect(screen.getByTestId("segment-group")).toHaveTextContent("胸椎（上位・中位、T1–T10）");
    expect(screen.getByTestId("tokuhashi-version")).toHaveTextContent("2005年改訂版");
    expect(screen.getByRole("button", { name: "腫瘍カンファレンス用に印刷" })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("ja");
    await user.selectOptions(screen.getByLabelText("言語"), "en");
    expect(screen.getByTestId("tokuhashi-prognosis")).toHaveTextContent("< 6 months");
    expect(document.documentElement.lang).toBe("en");
    expect(screen.getByTestId("tokuhashi-range")).toHaveTextContent("4–7");
    expect(document.title).toBe("Spinal metastasis: stability, prognosis and expected QOL");
  });

  it("keeps a manual language choice across a reload (only the locale code, in localStorage), over the launch's", async () => {
    const user = userEvent.setup();
    const first = renderApp(session({ locale: "en-GB" }), ["en-GB"]);
    await screen.findByTestId("tokuhashi-prognosis");
    await user.selectOptions(screen.getByLabelText("Language"), "ja");
    expect(document.title).toBe("脊椎転移：不安定性・予後・QOLの見通し");
    expect({ ...localStorage }).toEqual({ "spine-met-qol.locale": "ja" });
    first.unmount();
    // The page is opened again from an English launch: the clinician's choice stands.
    renderApp(session({ locale: "en-GB" }), ["en-GB"]);
    expect(await screen.findByTestId("tokuhashi-prognosis")).toHaveTextContent("6か月未満");
    expect(document.documentElement.lang).toBe("ja");
    // Anything else in that key is ignored.
    localStorage.setItem("spine-met-qol.locale", "<script>");
    cleanup();
    renderApp(session({ locale: "en-GB" }), ["en-GB"]);
    expect(await screen.findByTestId("tokuhashi-prognosis")).toHaveTextContent("< 6 months");
  });

  it("falls back to the browser's language without a launch locale", async () => {
    renderApp(session({ locale: null }), ["ja", "en"]);
    expect(await screen.findByTestId("sins-card")).toHaveTextContent("SINS（脊椎不安定性腫瘍スコア）");
    expect(screen.getByTestId("item-sins-location")).toHaveTextContent("T6 (半固定部)");
  });

  it("prints for the tumour board with date and user", async () => {
    const user = userEvent.setup();
    const print = vi.fn();
    const load = () => Promise.resolve({ ok: true as const, session: session() });
    render(<App load={load} browserLocales={["en-GB"]} />);
    await screen.findByTestId("sins-range");
    // The print hook is injected through the view: use the real button and window.print.
    const spy = vi.spyOn(window, "print").mockImplementation(print);
    await user.click(screen.getByRole("button", { name: "Print for tumour board" }));
    const header = await screen.findByTestId("tumour-board-header");
    expect(header).toHaveTextContent("Tumour board summary: spinal metastasis");
    expect(header).toHaveTextContent(/Printed .*2\d{3}.* by Dr Sato/);
    await vi.waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    await user.click(screen.getByRole("button", { name: "Print for tumour board" }));
    await vi.waitFor(() => expect(print).toHaveBeenCalledTimes(2));
    spy.mockRestore();
  });

  it("saves the assessment through the write-back module and says so", async () => {
    const user = userEvent.setup();
    const save = vi
      .fn<NonNullable<Session["save"]>>()
      .mockResolvedValueOnce(undefined)
      .mockRejectedValueOnce(new Error("409"));
    renderApp(session({ save }));
    await screen.findByTestId("sins-range");
    await chooseEntry(user, "Pain", "Mechanical pain · 3");
    await user.click(screen.getByRole("button", { name: "Save assessment" }));
    expect(await screen.findByText("Assessment saved to the record.")).toBeInTheDocument();
    const [report, entries] = save.mock.calls[0] ?? [];
    expect(entries).toEqual({ sins: { pain: "mechanical" } });
    expect(report?.sins.items.pain.points).toBe(3);
    await user.click(screen.getByRole("button", { name: "Save assessment" }));
    expect(await screen.findByText(/could not be saved/)).toBeInTheDocument();
  });

  it("without a write-back module the save button is disabled and says why", async () => {
    renderApp();
    await screen.findByTestId("sins-range");
    expect(screen.getByRole("button", { name: "Save assessment" })).toBeDisabled();
    expect(
      screen.getByText(
        "This launch did not grant permission to save to the patient's record, so nothing is sent. What you enter stays on this page.",
      ),
    ).toBeInTheDocument();
  });

  it("opens the questionnaires on demand; a stored response reloads the record and keeps the entries", async () => {
    const user = userEvent.setup();
    const loadFormsPanel = vi.fn(() => Promise.resolve({ default: FakePanel }));
    const load = vi.fn(() => Promise.resolve({ ok: true as const, session: session({ loadFormsPanel }) }));
    render(<App load={load} browserLocales={["en"]} />);
    await screen.findByTestId("sins-range");
    expect(loadFormsPanel).not.toHaveBeenCalled();
    await chooseEntry(user, "Pain", "Mechanical pain · 3");
    await user.click(screen.getByRole("button", { name: "Open questionnaires" }));
    await user.click(await screen.findByRole("button", { name: "Store a response" }));
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    expect(await screen.findByTestId("sins-range")).toHaveTextContent("8–12");
    expect(entryRadio("Pain", "Mechanical pain · 3")).toBeChecked();
  });

  it("re-reads the record after a stored response without leaving the view: the panel stays open", async () => {
    const user = userEvent.setup();
    const loadFormsPanel = vi.fn(() => Promise.resolve({ default: FakePanel }));
    const reload: { finish?: () => void } = {};
    const load = vi
      .fn()
      .mockImplementationOnce(() => Promise.resolve({ ok: true as const, session: session({ loadFormsPanel }) }))
      .mockImplementationOnce(
        () =>
          new Promise((resolve) => {
            reload.finish = () => resolve({ ok: true as const, session: session({ loadFormsPanel }) });
          }),
      );
    render(<App load={load} browserLocales={["en"]} />);
    await screen.findByTestId("sins-range");
    await user.click(screen.getByRole("button", { name: "Open questionnaires" }));
    await user.click(await screen.findByRole("button", { name: "Store a response" }));
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    // While the record is re-read, the view and the open panel stay; no loading screen replaces them.
    expect(screen.queryByTestId("loading")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Store a response" })).toBeInTheDocument();
    reload.finish?.();
    await vi.waitFor(() => expect(screen.getByTestId("sins-range")).toBeInTheDocument());
    expect(screen.getByRole("button", { name: "Store a response" })).toBeInTheDocument();
  });

  it("never renders narrative HTML from the record", async () => {
    renderApp(
      session({
        score: () => {
          const r = emptyReport();
          r.diagnostics = [
            {
              severity: "warning",
              message: {
                code: "diag.invalid-resource",
                params: { label: "<img src=x onerror=alert(1)>", reason: "x" },
              },
              resource: "Observation/x",
            },
          ];
          return r;
        },
      }),
    );
    const drawer = await screen.findByTestId("diagnostics");
    expect(drawer.querySelector("img")).toBeNull();
    expect(drawer).toHaveTextContent("<img src=x onerror=alert(1)>");
  });
});
