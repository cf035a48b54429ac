// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderApp } from "./helpers";

describe("SINS card", () => {
  it("shows the range while items are unknown, and what the range allows (5–12: stable or potentially unstable)", async () => {
    renderApp();
    // T6 semirigid 1 + pain 0–3 + lytic 2 + normal 0 + collapse (> or < 50 %) 2–3 + posterolateral 0–3 = 5–12
    expect(await screen.findByTestId("sins-range")).toHaveTextContent(/^5–12$/);
    expect(screen.queryByTestId("sins-total")).toBeNull();
    // 5–12 spans stable (0–6) and potentially unstable (7–12), never unstable (Fisher 2010).
    expect(screen.getByTestId("sins-category")).toHaveTextContent(/^Stable or potentially unstable \(≤ 12\)$/);
    const card = screen.getByTestId("sins-card");
    expect(within(card).getByTestId("sins-card-band")).toHaveTextContent(/^Stable or potentially unstable \(≤ 12\)$/);
    expect(within(screen.getByTestId("item-sins-location")).getByText("T6 (semirigid)")).toBeInTheDocument();
    expect(screen.getByTestId("sins-location-points")).toHaveTextContent("1");
    expect(screen.getByTestId("sins-collapse-points")).toHaveTextContent("2–3");
    expect(screen.getByTestId("sins-pain-points")).toHaveTextContent("0–3");
  });

  it("re-scores at once when the clinician fills the items, and shows the class", async () => {
    const user = userEvent.setup();
    renderApp();
    await screen.findByTestId("sins-range");
    await user.selectOptions(screen.getByLabelText("Pain: clinician's entry"), "mechanical");
    expect(screen.getByTestId("sins-range")).toHaveTextContent("8–12");
    await user.selectOptions(screen.getByLabelText("Posterolateral involvement of spinal elements: clinician's entry"), "none");
    expect(screen.getByTestId("sins-range")).toHaveTextContent("8–9");
    expect(screen.getByTestId("sins-category")).toHaveTextContent("Potentially unstable");
    // The conflict lists both readings; picking one fixes the item.
    const collapse = screen.getByTestId("item-sins-collapse");
    expect(within(collapse).getByText(/Different values were recorded on the same date/)).toBeInTheDocument();
    await user.click(within(collapse).getByRole("button", { name: "Use > 50 % collapse" }));
    expect(screen.getByTestId("sins-total")).toHaveTextContent(/^9$/);
    expect(screen.queryByTestId("sins-range")).toBeNull();
    expect(screen.getByTestId("sins-collapse-points")).toHaveTextContent("3");
    expect(within(screen.getByTestId("item-sins-collapse")).getByText("Entered by clinician")).toBeInTheDocument();
  });

  it("clears an entry back to the record", async () => {
    const user = userEvent.setup();
    renderApp();
    await screen.findByTestId("sins-range");
    const pain = screen.getByLabelText("Pain: clinician's entry");
    await user.selectOptions(pain, "occasional");
    expect(screen.getByTestId("sins-range")).toHaveTextContent("6–10");
    await user.selectOptions(pain, "");
    expect(screen.getByTestId("sins-range")).toHaveTextContent("5–12");
  });

  it("shows where a value came from; a click or Enter shows its code and display", async () => {
    const user = userEvent.setup();
    renderApp();
    await screen.findByTestId("sins-range");
    const row = screen.getByTestId("item-sins-location");
    expect(within(row).getByText("Record")).toBeInTheDocument();
    const source = within(row).getByRole("button", { name: /Source of Location: Condition · 20 Feb 2024/ });
    expect(source).toHaveAttribute("aria-expanded", "false");
    expect(within(row).getByText("94225005")).not.toBeVisible();
    await user.click(source);
    expect(source).toHaveAttribute("aria-expanded", "true");
    expect(within(row).getByText("94225005")).toBeVisible();
    expect(within(row).getByText("Secondary malignant neoplasm of bone")).toBeVisible();
    expect(within(row).getByText("Condition/met-t6")).toBeVisible();
    // Keyboard: Enter on the focused button toggles it again.
    source.focus();
    await user.keyboard("{Enter}");
    expect(source).toHaveAttribute("aria-expanded", "false");
    expect(within(row).getByText("✓ Confirmed", { exact: false })).toBeInTheDocument();
    expect(within(screen.getByTestId("item-sins-pain")).getByText("Not on file")).toBeInTheDocument();
    expect(within(screen.getByTestId("item-sins-pain")).getByText(/Not confirmed/)).toBeInTheDocument();
  });
});

describe("Tokuhashi card", () => {
  it("labels the version and shows the prognosis band when the range lies inside one", async () => {
    renderApp();
    // moderate 1 + extraspinal (≥ 3 or 1–2) 0–1 + 1 vertebra 2 + visceral unknown 0–2 + lung 0 + Frankel C 1 = 4–7
    expect(await screen.findByTestId("tokuhashi-range")).toHaveTextContent(/^4–7$/);
    expect(screen.getByTestId("tokuhashi-prognosis")).toHaveTextContent(/^< 6 months$/);
    expect(screen.getByTestId("tokuhashi-version")).toHaveTextContent("revised 2005");
    expect(within(screen.getByTestId("item-tokuhashi-extraspinalBoneMets")).getByText("At least 1 recorded")).toBeInTheDocument();
  });

  it("confirms a suggestion with one click and re-scores", async () => {
    const user = userEvent.setup();
    renderApp();
    await screen.findByTestId("tokuhashi-range");
    const visceral = screen.getByTestId("item-tokuhashi-visceralMets");
    expect(within(visceral).getByText(/Suggestion: No metastases/)).toBeInTheDocument();
    expect(within(visceral).getByText("No visceral metastasis on file.")).toBeInTheDocument();
    await user.click(within(visceral).getByRole("button", { name: "Confirm: No metastases" }));
    expect(screen.getByTestId("tokuhashi-range")).toHaveTextContent("6–7");
    // The confirm button is gone: keyboard focus moves to the item's select, not to the page.
    expect(document.activeElement).toBe(screen.getByLabelText("Metastases to the major internal organs: clinician's entry"));
    expect(within(screen.getByTestId("item-tokuhashi-visceralMets")).queryByRole("button", { name: /Confirm/ })).toBeNull();
    await user.selectOptions(screen.getByLabelText("Number of extraspinal bone metastasis foci: clinician's entry"), "1-2");
    expect(screen.getByTestId("tokuhashi-total")).toHaveTextContent(/^7$/);
    expect(screen.getByTestId("tokuhashi-prognosis")).toHaveTextContent("< 6 months");
  });

  it("keeps an overridden record value visible", async () => {
    const user = userEvent.setup();
    renderApp();
    await screen.findByTestId("tokuhashi-range");
    expect(screen.queryByTestId("tokuhashi-generalCondition-overridden")).toBeNull();
    await user.selectOptions(screen.getByLabelText("General condition (Karnofsky performance status): clinician's entry"), "good");
    const overridden = screen.getByTestId("tokuhashi-generalCondition-overridden");
    expect(overridden).toHaveTextContent("Overridden");
    expect(overridden).toHaveTextContent("The record said: Moderate (KPS 50–70 %) (Record).");
    expect(within(overridden).getByRole("button", { name: /Observation · 1 Mar 2024/ })).toBeInTheDocument();
    expect(screen.getByTestId("tokuhashi-generalCondition-points")).toHaveTextContent("2");
    expect(screen.getByTestId("tokuhashi-range")).toHaveTextContent("5–8");
  });

  it("offers every category with its points in the item's select", async () => {
    renderApp();
    await screen.findByTestId("tokuhashi-range");
    const select = screen.getByLabelText("Primary site of the cancer: clinician's entry");
    const options = within(select).getAllByRole("option").map((o) => o.textContent);
    expect(options).toHaveLength(18);
    expect(options).toContain("Rectum — 4 pt");
    expect(options).toContain("Lung — 0 pt");
  });
});

describe("segment group card", () => {
  it("shows the group, its levels and the applicability verdict; the en bloc answer changes it", async () => {
    const user = userEvent.setup();
    renderApp();
    expect(await screen.findByTestId("segment-group")).toHaveTextContent("Thoracic (upper–middle, T1–T10)");
    expect(screen.getByTestId("segment-levels")).toHaveTextContent("T6");
    expect(screen.getByTestId("applicability")).toHaveTextContent(/^✓ Resembles the study population$/);
    const card = screen.getByTestId("segment-card-applicability");
    expect(card).toHaveTextContent("Within the study population");
    expect(card).toHaveTextContent("1 vertebra (T6), age 72.");
    await user.click(screen.getByRole("radio", { name: "Yes" }));
    expect(screen.getByTestId("segment-card-applicability")).toHaveTextContent("Outside the study population");
    expect(screen.getByTestId("segment-card-applicability")).toHaveTextContent("Total en bloc spondylectomy planned");
    // The strip says why, with the first reason.
    expect(screen.getByTestId("applicability")).toHaveTextContent(/^! Outside the study population: Total en bloc spondylectomy planned: the study excluded it\.$/);
    expect(screen.getByTestId("applicability")).toHaveClass("verdict-out");
    await user.click(screen.getByRole("radio", { name: "No" }));
    expect(screen.getByTestId("applicability")).toHaveClass("verdict-in");
  });
});
