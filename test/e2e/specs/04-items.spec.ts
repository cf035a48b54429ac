/**
 * Runs right after 04-expected-scores and before the specs that write to the sandbox (05 saves an assessment
 * for renal-c7-t1-ecog-conflict): it reads the records as they are generated.
 * The score items (issue 14, items 3, 5 and 6): each item's options as radios with their points, keyboard-usable,
 * the record's value preselected and marked; a same-day conflict shown on the item with both days; the evidence in
 * plain words with its technical details folded (never one letter per line, at 1024 and 390 px); axe on the view.
 */
import type { Page } from "@playwright/test";
import type { Condition, Observation } from "fhir/r4";
import type { SandboxInfo } from "../sandboxes";
import { entryValue, fhirError, launchPatient, openFhir, seriousAxeViolations, shown } from "../app";
import { expect, test } from "../fixtures";

const RENAL = "renal-c7-t1-ecog-conflict";

/**
 * The day a sandbox resource carries, as the English view writes it ("18 Jun 2025"): the sandbox moves every date
 * relative to today (sandbox/dates.ts), so the day is read back from the server, not written here.
 */
async function dayOf(sandbox: SandboxInfo, path: string): Promise<string> {
  const r = await openFhir<Observation | Condition>(sandbox, path);
  const iso = (r.resourceType === "Observation" ? r.effectiveDateTime : r.recordedDate) ?? "";
  const day = iso.slice(0, 10);
  return new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(
    new Date(day),
  );
}

const group = (page: Page, item: string) =>
  page.getByRole("group", { name: `${item}: clinician's entry`, exact: true });

test("items: radios with their points, the record's value preselected and marked, keyboard entry, clear", async ({
  page,
  sandbox,
  saveScreenshot,
}) => {
  await launchPatient(page, sandbox, RENAL);
  // The record's kidney primary: preselected and marked as from the record.
  const primary = group(page, "Primary site of the cancer");
  const kidney = primary.getByRole("radio", { name: "Kidney · 3 from the record", exact: true });
  expect(await kidney.isChecked(), "the record's Kidney · 3 is preselected").toBeTruthy();
  expect(await primary.getByRole("radio").count(), "every primary-site category is offered").toBe(17);
  expect(await primary.locator("input:checked").count(), "one option preselected").toBe(1);

  // Pain: nothing on record, nothing preselected, and the item says so.
  const pain = group(page, "Pain");
  const labels = await pain.locator("label").allInnerTexts();
  expect(labels.join(" | "), "pain options with their points").toBe(
    "Mechanical pain · 3 | Occasional pain but not mechanical · 1 | Pain-free lesion · 0",
  );
  expect(await pain.locator("input:checked").count(), "no pain preselected").toBe(0);
  expect(await shown(page, "sins-pain-not-on-record"), "the item says nothing is on record").toBe("Not on file");
  const before = await shown(page, "sins-range");
  expect(before, "SINS range before the entry").toBe("3–18");

  // Keyboard: Space checks the focused option, arrow keys move the choice (native radios).
  await pain.getByRole("radio", { name: "Mechanical pain · 3", exact: true }).focus();
  await page.keyboard.press("Space");
  expect(await entryValue(page, "sins-pain"), "Space enters mechanical pain").toBe("mechanical");
  expect(await shown(page, "sins-range"), "SINS range with mechanical pain 3").toBe("6–18");
  await page.keyboard.press("ArrowDown");
  expect(await entryValue(page, "sins-pain"), "ArrowDown moves to occasional pain").toBe("occasional");
  expect(await shown(page, "sins-range"), "SINS range with occasional pain 1").toBe("4–16");
  await saveScreenshot("1-radios");

  // Clear my entry: back to the record (nothing on record: nothing checked).
  await page.getByRole("button", { name: "Clear my entry for Pain", exact: true }).click();
  expect(await entryValue(page, "sins-pain"), "no pain checked after clearing").toBe("");
  expect(await shown(page, "sins-range"), "SINS range back to the record's").toBe(before);

  // The SINS location keeps a compact select (30+ levels), the record's level marked.
  const location = page.locator("select#sins-location-entry");
  expect(await location.locator("option").first().innerText(), "the select's empty choice").toBe("— choose —");
});

test("items: a same-day ECOG 1 vs 2 conflict is on the KPS item with both days; evidence in plain words", async ({
  page,
  sandbox,
}) => {
  await launchPatient(page, sandbox, RENAL);
  // 2025-06-18 (both ECOG) and 2025-06-09 (KPS) in the patient's file, moved by the sandbox.
  const ecogDay = await dayOf(sandbox, `Observation/${RENAL}-ecog-2025-06-18-am`);
  expect(await dayOf(sandbox, `Observation/${RENAL}-ecog-2025-06-18-pm`), "both ECOG on the same day").toBe(ecogDay);
  const kpsDay = await dayOf(sandbox, `Observation/${RENAL}-kps-2025-06-09`);
  expect(
    await shown(page, "tokuhashi-generalCondition-same-day"),
    "the conflict on the item, without expanding anything",
  ).toBe(`Different values on the same day: ECOG 1 (${ecogDay}), ECOG 2 (${ecogDay}).`);
  expect(await page.getByTestId("tokuhashi-generalCondition-same-day").isVisible(), "visible").toBeTruthy();
  const lines = await page
    .getByTestId("item-tokuhashi-generalCondition")
    .locator("td[data-label='Source'] .provenance-line")
    .allInnerTexts();
  expect(lines.join(" | "), "the evidence in plain words, KPS with its band").toBe(
    `ECOG 1 · observation · ${ecogDay} | ECOG 2 · observation · ${ecogDay} | KPS 60 → moderate · observation · ${kpsDay}`,
  );
});

test("items: one KPS decides the general condition — its source says the value and the band, in English and Japanese", async ({
  page,
  sandbox,
}) => {
  // hcc-t9-t12-four-levels: KPS 50 on file, nothing else for the item; the item shows the band (moderate).
  const HCC = "hcc-t9-t12-four-levels";
  await launchPatient(page, sandbox, HCC);
  const kpsDay = await dayOf(sandbox, `Observation/${HCC}-kps-2025-06-05`);
  const line = page.getByTestId("item-tokuhashi-generalCondition").locator(".provenance-line").first();
  expect(await line.innerText(), "the KPS value and the band it gives").toBe(
    `KPS 50 → moderate · observation · ${kpsDay}`,
  );
  await page.locator(".locale-switch select").selectOption("ja");
  await expect(line, "in Japanese: the value, the band in Japanese").toContainText("KPS 50 → 中等度（KPS 50–70 %）");
});

for (const [width, height] of [
  [1024, 768],
  [390, 844],
] as const) {
  test(`items: provenance at ${width} px in plain words, technical details folded and never one letter per line`, async ({
    page,
    sandbox,
    saveScreenshot,
  }) => {
    await page.setViewportSize({ width, height });
    await launchPatient(page, sandbox, RENAL);
    const row = page.getByTestId("item-tokuhashi-primarySite");
    const line = row.locator(".provenance-line").first();
    const day = await dayOf(sandbox, `Condition/${RENAL}-primary`);
    expect(await line.innerText(), "what · where · day").toBe(
      `Malignant neoplasm of right kidney, except renal pelvis · problem list · ${day}`,
    );
    const reference = row.getByText("Condition/renal-c7-t1-ecog-conflict-primary", { exact: true });
    expect(await reference.isVisible(), "the resource id is folded").toBeFalsy();
    await row.getByText("Technical details").click();
    expect(await reference.isVisible(), "shown on request").toBeTruthy();
    await saveScreenshot(`details-${width}`);
    // Never one letter per line: every shown detail and the line itself are wider than a few characters.
    const widths = await row
      .locator(".provenance-line, .provenance-detail dd")
      .evaluateAll((els) =>
        els
          .filter((e) => (e as HTMLElement).offsetParent !== null)
          .map((e) => Math.round(e.getBoundingClientRect().width)),
      );
    expect(
      widths.length >= 4 && widths.every((w) => w >= 120),
      `details laid out in lines, not letters (widths ${widths.join(", ")})`,
    ).toBeTruthy();
    const url = row.getByText("http://hl7.org/fhir/sid/icd-10-cm", { exact: true });
    const box = await url.boundingBox();
    expect(
      box !== null && box.height < 60,
      `the code system URL takes at most a few lines (${box?.height ?? "?"} px)`,
    ).toBeTruthy();
    const sideways = await page.evaluate(
      () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
    );
    expect(sideways, "nothing scrolls sideways").toBeTruthy();
  });
}

test("items: the carcinoid note of a lung primary only where it applies", async ({ page, sandbox }) => {
  await launchPatient(page, sandbox, "fig2-cervical-c3");
  const context = await page.getByTestId("item-tokuhashi-primarySite").locator(".item-context").innerText();
  expect(context, "no carcinoid note without a morphology").toBe(
    "Primary cancer on file: Malignant neoplasm of unspecified part of unspecified bronchus or lung (Condition/fig2-cervical-c3-primary: lung).",
  );
});

test("items: axe finds no serious or critical violation on the main view, details open", async ({ page, sandbox }) => {
  await launchPatient(page, sandbox, RENAL);
  await page.getByTestId("item-tokuhashi-primarySite").getByText("Technical details").click();
  const violations = await seriousAxeViolations(page, "main");
  expect(violations.join("\n"), "serious or critical axe violations on the main view").toBe("");
});
test("items: a failed Observation search — the KPS item says it could not be read, not 'No KPS on file'", async ({
  page,
  sandbox,
}) => {
  await page.route(
    (u) => u.pathname === "/fhir/Observation",
    (route) => route.fulfill(fhirError(503, "transient", "busy")),
  );
  await launchPatient(page, sandbox, "prostate-t8-partial");
  await page.getByTestId("notice-tokuhashi").waitFor();
  expect(await shown(page, "tokuhashi-generalCondition-unread"), "on the KPS item").toBe(
    "! The observations could not be read. Try again",
  );
  expect(
    await page
      .getByTestId("item-tokuhashi-generalCondition")
      .getByText(/No Karnofsky performance status/)
      .count(),
    "not 'No KPS on file'",
  ).toBe(0);
});
