/**
 * The tumour-board print view (print media, A4 PDF: one page per patient, with the figures and without the
 * controls) and axe-core on the clinician view and on the questionnaires: no serious or critical violation.
 * The PDFs are kept in the test's folder under test-results/e2e/ (print-<patient>.pdf).
 */
import { writeFileSync } from "node:fs";
import { launchPatient, pdfPageCount, seriousAxeViolations } from "../app";
import { EXPECTED } from "../expected";
import { expect, test } from "../fixtures";

test("print: every sandbox patient's tumour-board page is one A4 page with the header and figures, without the controls", async ({ page, context, sandbox, saveScreenshot }) => {
  test.setTimeout(240_000);
  // The page counter itself, on a PDF of known length: three forced pages.
  const probe = await context.newPage();
  await probe.setContent('<div style="break-after: page">1</div><div style="break-after: page">2</div><div>3</div>');
  expect(pdfPageCount(await probe.pdf({ format: "A4" })), "pages counted in a 3-page probe PDF").toBe(3);
  await probe.close();
  // window.print() would open a dialog: the test records the call and prints to PDF itself.
  await page.addInitScript(() => {
    const w = window as Window & { printCalls?: number };
    w.printCalls = 0;
    window.print = () => {
      w.printCalls = (w.printCalls ?? 0) + 1;
    };
  });
  const pages: string[] = [];
  for (const id of Object.keys(EXPECTED)) {
    await launchPatient(page, sandbox, id);
    await page.getByTestId("print-button").click();
    await page.getByTestId("tumour-board-header").waitFor({ state: "attached" });
    await page.waitForFunction(() => ((window as Window & { printCalls?: number }).printCalls ?? 0) > 0);
    await page.emulateMedia({ media: "print" });
    for (const testId of ["tumour-board-header", "patient-banner", "segment-group", "qol-caveat", "study-citation"]) {
      expect(await page.getByTestId(testId).isVisible(), `${id}: ${testId} printed`).toBeTruthy();
    }
    expect(await page.locator('[data-testid="sins-total"], [data-testid="sins-range"]').first().isVisible(), `${id}: SINS figure printed`).toBeTruthy();
    expect(await page.locator('[data-testid="tokuhashi-total"], [data-testid="tokuhashi-range"]').first().isVisible(), `${id}: Tokuhashi figure printed`).toBeTruthy();
    expect(await page.getByTestId("chart-eq5dIndex").isVisible(), `${id}: QOL chart printed`).toBeTruthy();
    for (const testId of ["print-button", "save-assessment", "diagnostics"]) {
      expect(await page.getByTestId(testId).isVisible(), `${id}: ${testId} not printed`).toBeFalsy();
    }
    if (id === "fig2-cervical-c3") await saveScreenshot("print-media-fig2");
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    writeFileSync(test.info().outputPath(`print-${id}.pdf`), pdf);
    pages.push(`${id}: ${pdfPageCount(pdf)}`);
    await page.emulateMedia({ media: "screen" });
  }
  expect(pages.filter((p) => !p.endsWith(": 1")).join("; "), "patients whose print is not exactly one A4 page (id: pages)").toBe("");
});

test("axe-core: the clinician view has no serious or critical violation", async ({ page, sandbox, saveScreenshot }) => {
  // fig2 has the fullest QOL panel (pre-op and 1-month values of four outcomes); renal has an ECOG conflict.
  for (const id of ["fig2-cervical-c3", "renal-c7-t1-ecog-conflict"]) {
    await launchPatient(page, sandbox, id);
    await page.getByTestId("diagnostics").locator("summary").click(); // the drawer's contents too
    expect(await seriousAxeViolations(page), `${id}: serious/critical axe violations on the clinician view`).toEqual([]);
  }
  await saveScreenshot("clinician-view");
  // The check can fail: a nameless button added to the page is reported with its rule and target.
  await page.evaluate(() => {
    const b = document.createElement("button");
    b.id = "axe-probe";
    document.querySelector("main")?.append(b);
  });
  const probe = await seriousAxeViolations(page, "#axe-probe");
  expect(probe.some((v) => v.includes("button-name") && v.includes("#axe-probe")), `a nameless button is reported (${probe.join("; ")})`).toBeTruthy();
});

test("axe-core: the questionnaires (panel, each form, errors shown) have no serious or critical violation", async ({ page, sandbox, saveScreenshot }) => {
  await launchPatient(page, sandbox, "fig4-tlls-l1");
  await page.getByRole("button", { name: "Open questionnaires" }).click();
  await page.locator("#forms-instrument").waitFor();
  for (const instrument of ["eq5d5l", "pain-vas", "barthel", "sins", "tokuhashi"]) {
    await page.locator("#forms-instrument").selectOption(instrument);
    const form = page.getByTestId(`form-${instrument}`);
    await form.waitFor();
    expect(await seriousAxeViolations(page, ".forms-panel"), `${instrument}: serious/critical axe violations on the empty form`).toEqual([]);
    // Submitting empty shows the error summary and per-field errors: those states must pass too.
    await form.getByRole("button", { name: "Submit" }).click();
    await form.locator('[aria-invalid="true"]').first().waitFor();
    expect(await seriousAxeViolations(page, ".forms-panel"), `${instrument}: serious/critical axe violations with the errors shown`).toEqual([]);
    if (instrument === "eq5d5l") await saveScreenshot("eq5d-errors");
  }
});
