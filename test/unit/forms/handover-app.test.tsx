// @vitest-environment jsdom
/**
 * The whole app around patient mode: while the device is handed over, the clinician's view (scores, "Predicted
 * survival …") is not rendered at all — not merely hidden — and a reload (the app mounted again in the same tab)
 * comes back to patient mode, never to the clinician's view.
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import FormsPanel from "../../../src/forms/FormsPanel";
import { HANDOVER_KEY } from "../../../src/forms/handover";
import { App, type Session } from "../../../src/ui/App";
import { session } from "../ui/helpers";
import { LAUNCH, testSend } from "../writeback/fake-fhir";
import { MemoryStorage } from "../writeback/helpers";

afterEach(() => sessionStorage.clear());

const launch = LAUNCH;

function appSession(storage: MemoryStorage): Session {
  const { send } = testSend();
  return session({
    loadFormsPanel: () =>
      Promise.resolve({
        default: ({ onStored }: { onStored: () => void }) => (
          <FormsPanel send={send} launch={launch} wordingUrl={null} storage={storage} onStored={onStored} />
        ),
      }),
  });
}

function renderApp(s: Session) {
  return render(
    <App
      load={() => Promise.resolve({ ok: true as const, session: s })}
      browserLocales={["en-GB"]}
      preferences={null}
    />,
  );
}

/** Nothing of the clinician's view is in the document (rendered, hidden or not). */
function expectNoClinicianView(): void {
  expect(document.body).not.toHaveTextContent(/Predicted survival|Possible range|SINS|Tokuhashi/);
  expect(screen.queryByTestId("sins-range")).toBeNull();
  expect(screen.queryByTestId("patient-banner")).toBeNull();
}

describe("the app while handed over", () => {
  it("renders no clinician view in patient mode, also after a reload; the code brings it back", async () => {
    const storage = new MemoryStorage();
    const user = userEvent.setup();
    const first = renderApp(appSession(storage));
    expect(await screen.findByText("Predicted survival", { exact: false })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Open questionnaires" }));
    await user.click(await screen.findByRole("button", { name: "Hand to patient" }));
    const setup = screen.getByTestId("handover-setup");
    await user.click(within(setup).getByRole("radio", { name: "Before surgery" }));
    await user.type(within(setup).getByLabelText("Code"), "8642");
    await user.type(within(setup).getByLabelText("Code again"), "8642");
    await user.click(within(setup).getByRole("button", { name: "Start" }));

    const mode = await screen.findByTestId("patient-mode");
    expectNoClinicianView();
    expect(sessionStorage.getItem(HANDOVER_KEY)).not.toBeNull();
    // The old way out does nothing without the code.
    await user.click(within(mode).getByRole("button", { name: "Return to clinician" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "I am the clinician: leave" }));
    expectNoClinicianView();
    await user.keyboard("{Escape}");

    // Reload: the app starts again in this tab.
    first.unmount();
    renderApp(appSession(storage));
    await screen.findByTestId("patient-mode");
    expectNoClinicianView();
    expect(await screen.findByTestId("pm-progress")).toHaveTextContent("Question 1 of 1");

    await user.click(screen.getByRole("button", { name: "Return to clinician" }));
    await user.type(within(screen.getByRole("dialog")).getByLabelText("Clinician's code"), "8642");
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "I am the clinician: leave" }));
    await waitFor(() => expect(screen.queryByTestId("patient-mode")).toBeNull());
    expect(await screen.findByText("Predicted survival", { exact: false })).toBeInTheDocument();
  });
});
