// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderApp, session } from "./helpers";
import { unsavedItems } from "../../../src/ui/unsaved";

/** Dispatches a beforeunload as the browser does; true when a listener asked to confirm leaving. */
function leaveAsks(): boolean {
  const event = new Event("beforeunload", { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

/** Enters an item's value with whichever control its row offers (a select, or radio buttons). */
async function enter(user: ReturnType<typeof userEvent.setup>, item: string, value: string): Promise<void> {
  const control = document.getElementById(`${item}-entry`);
  if (!control) throw new Error(`no control for ${item}`);
  if (control instanceof HTMLSelectElement) await user.selectOptions(control, value);
  else {
    const radio = control.querySelector<HTMLInputElement>(`input[value="${value}"]`);
    if (!radio) throw new Error(`no ${value} for ${item}`);
    await user.click(radio);
  }
}

describe("unsaved entries (issue 14 item 4)", () => {
  it("counts entries that differ from the saved ones; a cleared entry is not a change", () => {
    expect(unsavedItems({}, {})).toEqual([]);
    expect(unsavedItems({ sins: { pain: "mechanical" }, tokuhashi: { palsy: "E" } }, {})).toEqual([
      { score: "sins", item: "pain" },
      { score: "tokuhashi", item: "palsy" },
    ]);
    expect(unsavedItems({ sins: { pain: "mechanical" } }, { sins: { pain: "mechanical" } })).toEqual([]);
    expect(unsavedItems({ sins: { pain: "none" } }, { sins: { pain: "mechanical" } })).toEqual([
      { score: "sins", item: "pain" },
    ]);
    expect(unsavedItems({ sins: {} }, { sins: { pain: "mechanical" } })).toEqual([]);
    expect(unsavedItems({ enBlocPlanned: true }, {})).toEqual([]);
  });

  it("an edited item is unsaved, not confirmed, until the save succeeds; leaving asks meanwhile", async () => {
    const user = userEvent.setup();
    let finish: () => void = () => undefined;
    const save = vi
      .fn()
      .mockRejectedValueOnce(new Error("503"))
      .mockImplementationOnce(() => new Promise<void>((resolve) => (finish = resolve)));
    renderApp(session({ save }));
    await screen.findByTestId("sins-range");
    expect(screen.getByTestId("unsaved-status")).toBeEmptyDOMElement();
    expect(screen.getByTestId("save-bar")).not.toHaveClass("save-bar-dirty");
    expect(leaveAsks()).toBe(false);

    await enter(user, "sins-pain", "mechanical");
    expect(screen.getByTestId("unsaved-status")).toHaveAttribute("role", "status");
    expect(screen.getByTestId("unsaved-count")).toHaveTextContent("1 unsaved change");
    expect(screen.getByTestId("unsaved-status")).toHaveTextContent(
      "Not saved yet: Pain. An entry is confirmed once the assessment is saved.",
    );
    expect(screen.getByTestId("save-bar")).toHaveClass("save-bar-dirty");
    const pain = screen.getByTestId("item-sins-pain");
    expect(within(pain).getByText(/Not confirmed/)).toBeInTheDocument();
    expect(within(pain).queryByText(/✓ Confirmed/)).toBeNull();
    expect(leaveAsks()).toBe(true);

    await enter(user, "tokuhashi-palsy", "E");
    expect(screen.getByTestId("unsaved-count")).toHaveTextContent("2 unsaved changes");

    // A failed save keeps them unsaved.
    const button = within(screen.getByTestId("save-bar")).getByRole("button", { name: "Save assessment" });
    await user.click(button);
    expect(await screen.findByText(/could not be saved/)).toBeInTheDocument();
    expect(screen.getByTestId("unsaved-count")).toHaveTextContent("2 unsaved changes");
    expect(leaveAsks()).toBe(true);

    // Still saving: still unsaved.
    await user.click(button);
    expect(screen.getByTestId("unsaved-count")).toHaveTextContent("2 unsaved changes");
    finish();
    expect(await screen.findByText("Assessment saved to the record.")).toBeInTheDocument();
    expect(screen.getByTestId("unsaved-status")).toBeEmptyDOMElement();
    expect(screen.getByTestId("save-bar")).not.toHaveClass("save-bar-dirty");
    expect(within(screen.getByTestId("item-sins-pain")).getByText(/✓ Confirmed/)).toBeInTheDocument();
    await vi.waitFor(() => expect(leaveAsks()).toBe(false));

    // A new change after the save is unsaved again.
    await enter(user, "sins-pain", "none");
    expect(screen.getByTestId("unsaved-count")).toHaveTextContent("1 unsaved change");
    expect(leaveAsks()).toBe(true);
  });

  it("says it in Japanese", async () => {
    const user = userEvent.setup();
    renderApp(session({ save: vi.fn().mockResolvedValue(undefined) }), ["ja"]);
    await screen.findByTestId("sins-range");
    await enter(user, "tokuhashi-palsy", "E");
    expect(screen.getByTestId("unsaved-count")).toHaveTextContent("未保存の変更が1件あります");
  });
});
