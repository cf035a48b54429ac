// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { chooseEntry, entryGroup, entryOptions, entryRadio } from "./entry";
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
    await chooseEntry(user, "Pain", "Mechanical pain · 3");
    expect(screen.getByTestId("sins-range")).toHaveTextContent("8–12");
    await chooseEntry(user, "Posterolateral involvement of spinal elements", "None of the above · 0");
    expect(screen.getByTestId("sins-range")).toHaveTextContent("8–9");
    expect(screen.getByTestId("sins-category")).toHaveTextContent("Potentially unstable");
    // The conflict lists both readings; picking one fixes the item.
    const collapse = screen.getByTestId("item-sins-collapse");
    expect(within(collapse).getByText(/Different values were recorded on the same date/)).toBeInTheDocument();
    // Both readings with their dates, on the item itself.
    expect(
      within(screen.getByTestId("sins-collapse-conflict")).getAllByText(/collapse \(\d+ \w+ \d{4}\)$/),
    ).toHaveLength(2);
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
    // Nothing on record: nothing preselected, and the item says so.
    expect(
      within(entryGroup("Pain"))
        .getAllByRole("radio")
        .filter((r) => (r as HTMLInputElement).checked),
    ).toHaveLength(0);
    expect(screen.getByTestId("sins-pain-not-on-record")).toHaveTextContent("Not on file");
    await chooseEntry(user, "Pain", "Occasional pain but not mechanical · 1");
    expect(entryRadio("Pain", "Occasional pain but not mechanical · 1")).toBeChecked();
    expect(screen.getByTestId("sins-range")).toHaveTextContent("6–10");
    await user.click(screen.getByRole("button", { name: "Clear my entry for Pain" }));
    expect(screen.getByTestId("sins-range")).toHaveTextContent("5–12");
    expect(entryRadio("Pain", "Occasional pain but not mechanical · 1")).not.toBeChecked();
    expect(screen.queryByRole("button", { name: "Clear my entry for Pain" })).toBeNull();
  });

  it("shows where a value came from in plain words; the technical details are folded", async () => {
    const user = userEvent.setup();
    renderApp();
    await screen.findByTestId("sins-range");
    const row = screen.getByTestId("item-sins-location");
    expect(within(row).getByText("Record")).toBeInTheDocument();
    const line = row.querySelector(".provenance-line");
    expect(line).toHaveTextContent(/^Secondary malignant neoplasm of bone · problem list · 20 Feb 2024$/);
    expect(within(row).getByText("94225005")).not.toBeVisible();
    expect(within(row).getByText("Condition/met-t6")).not.toBeVisible();
    await user.click(within(row).getByText("Technical details"));
    expect(within(row).getByText("94225005")).toBeVisible();
    expect(within(row).getByText("Condition/met-t6")).toBeVisible();
    expect(within(row).getByText("✓ Confirmed", { exact: false })).toBeInTheDocument();
    // Its source, and the note by the entry: the one wording of a value missing from the record.
    expect(within(screen.getByTestId("item-sins-pain")).getAllByText("Not on file")).toHaveLength(2);
    expect(within(screen.getByTestId("item-sins-pain")).getByText(/Not confirmed/)).toBeInTheDocument();
  });

  it("offers each categorical item's options as radios with their points; the location as a select", async () => {
    renderApp();
    await screen.findByTestId("sins-range");
    expect(entryOptions("Pain")).toEqual([
      "Mechanical pain · 3",
      "Occasional pain but not mechanical · 1",
      "Pain-free lesion · 0",
    ]);
    // The record's level is preselected in the location's select and marked as from the record.
    const location = screen.getByLabelText("Location: clinician's entry");
    expect(location).toHaveValue("T6");
    expect(
      within(location).getByRole("option", { name: "T6 (semirigid) — 1 pt (from the record)" }),
    ).toBeInTheDocument();
  });
});

describe("Tokuhashi card", () => {
  it("labels the version and shows the prognosis band when the range lies inside one", async () => {
    renderApp();
    // moderate 1 + extraspinal (≥ 3 or 1–2) 0–1 + 1 vertebra 2 + visceral unknown 0–2 + lung 0 + Frankel C 1 = 4–7
    expect(await screen.findByTestId("tokuhashi-range")).toHaveTextContent(/^4–7$/);
    expect(screen.getByTestId("tokuhashi-prognosis")).toHaveTextContent(/^< 6 months$/);
    expect(screen.getByTestId("tokuhashi-version")).toHaveTextContent("revised 2005");
    expect(
      within(screen.getByTestId("item-tokuhashi-extraspinalBoneMets")).getByText(
        "At least 1 extraspinal bone metastasis site on file (rib): a lower bound until confirmed.",
      ),
    ).toBeInTheDocument();
  });

  it("confirms a suggestion with one click and re-scores", async () => {
    const user = userEvent.setup();
    renderApp();
    await screen.findByTestId("tokuhashi-range");
    const visceral = screen.getByTestId("item-tokuhashi-visceralMets");
    expect(within(visceral).getByText(/Suggestion: No metastases/)).toBeInTheDocument();
    expect(
      within(visceral).getByText(
        "No visceral metastasis is recorded; absence of a record is not proof of none: confirm.",
      ),
    ).toBeInTheDocument();
    await user.click(within(visceral).getByRole("button", { name: "Confirm: No metastases" }));
    expect(screen.getByTestId("tokuhashi-range")).toHaveTextContent("6–7");
    // The confirm button is gone: keyboard focus moves to the chosen radio of the item, not to the page.
    expect(document.activeElement).toBe(entryRadio("Metastases to the major internal organs", "No metastases · 2"));
    expect(entryRadio("Metastases to the major internal organs", "No metastases · 2")).toBeChecked();
    expect(
      within(screen.getByTestId("item-tokuhashi-visceralMets")).queryByRole("button", { name: /Confirm/ }),
    ).toBeNull();
    await chooseEntry(user, "Number of extraspinal bone metastasis foci", "1–2 · 1");
    expect(screen.getByTestId("tokuhashi-total")).toHaveTextContent(/^7$/);
    expect(screen.getByTestId("tokuhashi-prognosis")).toHaveTextContent("< 6 months");
  });

  it("keeps an overridden record value visible", async () => {
    const user = userEvent.setup();
    renderApp();
    await screen.findByTestId("tokuhashi-range");
    expect(screen.queryByTestId("tokuhashi-generalCondition-overridden")).toBeNull();
    // The record's value is preselected and marked as from the record.
    const item = "General condition (Karnofsky performance status)";
    expect(entryRadio(item, "Moderate (KPS 50–70 %) · 1")).toBeChecked();
    expect(
      within(entryGroup(item)).getByRole("radio", { name: "Moderate (KPS 50–70 %) · 1 from the record" }),
    ).toBeInTheDocument();
    await chooseEntry(user, item, "Good (KPS 80–100 %) · 2");
    expect(entryRadio(item, "Good (KPS 80–100 %) · 2")).toBeChecked();
    const overridden = screen.getByTestId("tokuhashi-generalCondition-overridden");
    expect(overridden).toHaveTextContent("Overridden");
    expect(overridden).toHaveTextContent("The record said: Moderate (KPS 50–70 %) (Record).");
    expect(within(overridden).getByText(/ · observation · 1 Mar 2024$/)).toBeInTheDocument();
    // Still marked as the record's value, beside the clinician's choice.
    expect(
      within(entryGroup(item)).getByRole("radio", { name: "Moderate (KPS 50–70 %) · 1 from the record" }),
    ).not.toBeChecked();
    expect(screen.getByTestId("tokuhashi-generalCondition-points")).toHaveTextContent("2");
    expect(screen.getByTestId("tokuhashi-range")).toHaveTextContent("5–8");
  });

  it("offers every category with its points as the item's radios", async () => {
    renderApp();
    await screen.findByTestId("tokuhashi-range");
    const options = entryOptions("Primary site of the cancer");
    expect(options).toHaveLength(17);
    expect(options).toContain("Rectum · 4");
    expect(options).toContain("Lung · 0 from the record");
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
    expect(card).toHaveTextContent(
      "1 vertebra (T6) and age 72: within the study population (1–3 contiguous vertebrae, age 20 or older)",
    );
    await user.click(screen.getByRole("radio", { name: "Yes" }));
    expect(screen.getByTestId("segment-card-applicability")).toHaveTextContent("Outside the study population");
    expect(screen.getByTestId("segment-card-applicability")).toHaveTextContent("total en bloc spondylectomy planned");
    // The strip says why, with the first reason.
    expect(screen.getByTestId("applicability")).toHaveTextContent(
      /^! Outside the study population: total en bloc spondylectomy planned: the study excluded patients who had it$/,
    );
    expect(screen.getByTestId("applicability")).toHaveClass("verdict-out");
    await user.click(screen.getByRole("radio", { name: "No" }));
    expect(screen.getByTestId("applicability")).toHaveClass("verdict-in");
  });
});
