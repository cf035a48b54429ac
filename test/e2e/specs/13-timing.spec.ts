/**
 * Time (issue 12 items 1 and 9; docs/clinical-rules.md, "Time"), in the browser:
 * - fig2-cervical-c3 has a coded spinal surgery (2025-05-14, shifted like every sandbox date) and the study's
 *   pre-op and 1-month answers: the palsy item is the pre-op Frankel C (1 point) and names the 1-month Frankel D
 *   as follow-up, not used; the Tokuhashi range is the documented 1–9; the course still shows both timepoints.
 * - "Save assessment" asks the timepoint (radio group) and the date (asked for "Other"; refused when empty).
 * Writes nothing to the sandbox.
 */
import { launchPatient, shown } from "../app";
import { EXPECTED, figure } from "../expected";
import { expect, test } from "../fixtures";

const PATIENT = "fig2-cervical-c3";

test("fig2: the 1-month Frankel D is follow-up on the palsy item; the pre-op C decides; the save dialog asks when", async ({
  page,
  sandbox,
  saveScreenshot,
}) => {
  await launchPatient(page, sandbox, PATIENT);
  expect(await shown(page, "tokuhashi-range"), "Tokuhashi range as documented").toBe(
    figure(EXPECTED[PATIENT]?.tokuhashi ?? 0),
  );
  const palsy = page.getByTestId("item-tokuhashi-palsy");
  const text = (await palsy.textContent()) ?? "";
  expect(text, `palsy shows the pre-op Frankel C (${text.slice(0, 200)})`).toMatch(/\bC\b/);
  expect(text, `the 1-month Frankel D is named as follow-up, not used (${text.slice(0, 400)})`).toContain(
    "Follow-up, not used for the pre-operative score (it would give D).",
  );
  expect(text, "the note names the surgery").toContain("After the surgery of ");
  await saveScreenshot("palsy-follow-up");

  const save = page.getByTestId("save-assessment");
  const group = save.getByRole("group", { name: "Timepoint of this assessment" });
  expect(await group.isVisible(), "the timepoint is asked").toBeTruthy();
  expect(await save.getByRole("radio", { name: "Before surgery" }).isChecked(), "pre-op by default").toBeTruthy();
  const date = save.getByLabel("Date of the assessment");
  expect(await date.isDisabled(), "pre-op: dated the day it is saved").toBeTruthy();
  // Keyboard: from the checked radio, the arrow keys reach "Other".
  await save.getByRole("radio", { name: "Before surgery" }).focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  expect(await save.getByRole("radio", { name: "Other" }).isChecked(), "Other chosen by keyboard").toBeTruthy();
  expect(await date.isEnabled(), "Other: the date is asked").toBeTruthy();
  await date.fill("");
  await save.getByRole("button", { name: "Save assessment" }).click();
  await save.getByRole("alert").waitFor({ timeout: 5_000 });
  expect(await save.getByRole("alert").textContent(), "an empty date is refused").toBe(
    'Enter the date of the assessment (required for "Other").',
  );
  expect(await date.evaluate((el) => el === document.activeElement), "focus on the date").toBeTruthy();
  await saveScreenshot("save-dialog");
});
