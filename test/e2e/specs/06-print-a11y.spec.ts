/**
 * The tumour-board sheet (issue 14, item 10), printed as Chromium prints it (print media, A4 PDF), in English and
 * in Japanese: one A4 page per patient; no visible text under 9 pt (12 px at 96 dpi, the charts' SVG text as
 * drawn); the verdict strip at the top; the printing user's display name, never a FHIR reference, and words when
 * no name can be read; the board's decision box; suggestions tagged as such, never in place of a value; Japanese
 * set in Noto Sans CJK JP. axe-core: no serious or critical violation on the print view, the clinician view and
 * the questionnaires. The PDFs are kept in the test's folder under test-results/e2e/ (print-<patient>-<locale>.pdf).
 */
import { writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { enterItem, launchPatient, pdfPageCount, seriousAxeViolations } from "../app";
import { EXPECTED } from "../expected";
import { expect, test } from "../fixtures";

/** A4 at 96 dpi less the sheet's @page margins (8 mm top and bottom, 10 mm left and right): the printed area. */
const PRINT_AREA = { width: Math.floor(((210 - 20) / 25.4) * 96), height: Math.floor(((297 - 16) / 25.4) * 96) };
/** 9 pt at 96 dpi. */
const MIN_TEXT_PX = 12;
/** The sandbox's signed-in clinician (its id_token's `name` claim). */
const SANDBOX_USER = "Dr Sam Sandbox (synthetic)";

const WORDS = {
  en: {
    suggested: "Suggested, not counted:",
    noName: "printed by: name not available",
    decision: ["Tumour board decision", "Decision", "Date", "Attendees"],
  },
  ja: {
    suggested: "提案（未確定・点数に含めない）：",
    noName: "印刷者：氏名を取得できません",
    decision: ["腫瘍カンファレンスの決定", "決定事項", "日付", "出席者"],
  },
} as const;

/** window.print() would open a dialog: the page records the calls instead, and the test prints to PDF itself. */
async function recordPrintCalls(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as Window & { printCalls?: number };
    w.printCalls = 0;
    window.print = () => {
      w.printCalls = (w.printCalls ?? 0) + 1;
    };
  });
}

/** "Print for tumour board", then the page as printed: print media at the width and height of A4's printed area. */
async function printView(page: Page): Promise<void> {
  const before = await page.evaluate(() => (window as Window & { printCalls?: number }).printCalls ?? 0);
  await page.getByTestId("print-button").click();
  await page.getByTestId("tumour-board-sheet").waitFor({ state: "attached" });
  await page.waitForFunction((n) => ((window as Window & { printCalls?: number }).printCalls ?? 0) > n, before);
  await page.setViewportSize(PRINT_AREA);
  await page.emulateMedia({ media: "print" });
}

async function screenView(page: Page): Promise<void> {
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * Every visible piece of text with its size as drawn: the computed font size, times the SVG's scale for chart
 * text (a 10-unit label in a chart shrunk to half is 5 px on paper). The smallest first.
 */
async function textSizes(page: Page): Promise<{ px: number; text: string }[]> {
  return page.evaluate(() => {
    const out: { px: number; text: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? "").trim();
      const el = n.parentElement;
      if (!text || !el) continue;
      const box = el.getBoundingClientRect();
      // Not drawn (display: none, visibility: hidden) or clipped to a pixel (text for screen readers only).
      if (box.width <= 1 || box.height <= 1 || getComputedStyle(el).visibility !== "visible") continue;
      let px = parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGGraphicsElement) {
        const m = el.getScreenCTM();
        if (m) px *= Math.hypot(m.a, m.b);
      }
      out.push({ px: Math.round(px * 100) / 100, text: text.slice(0, 60) });
    }
    return out.sort((a, b) => a.px - b.px);
  });
}

/** The font Chromium drew an element's text with (DevTools protocol: the platform fonts of the node). */
async function fontsOf(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    return fonts.map((f) => f.familyName);
  } finally {
    await cdp.detach();
  }
}

/** What a printed sheet must hold, whatever the patient: the checks of one print, as "id: problem" lines. */
async function sheetProblems(page: Page, id: string, locale: "en" | "ja"): Promise<string[]> {
  const problems: string[] = [];
  const words = WORDS[locale];
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  writeFileSync(test.info().outputPath(`print-${id}-${locale}.pdf`), pdf);
  const pages = pdfPageCount(pdf);
  if (pages !== 1) problems.push(`${pages} pages`);
  const height = await page.evaluate(() => document.body.getBoundingClientRect().height);
  if (height > PRINT_AREA.height)
    problems.push(`${Math.round(height)} px tall, more than A4's ${PRINT_AREA.height} px`);
  const sizes = await textSizes(page);
  if (sizes.length < 100) problems.push(`only ${sizes.length} pieces of text measured`);
  const small = sizes.filter((s) => s.px < MIN_TEXT_PX);
  if (small.length > 0)
    problems.push(
      `${small.length} texts under ${MIN_TEXT_PX} px, e.g. ${small
        .slice(0, 3)
        .map((s) => `${s.px} px "${s.text}"`)
        .join(", ")}`,
    );
  // Top to bottom: the sheet's header, the verdict strip, the sheet.
  const top = async (testId: string) => (await page.getByTestId(testId).boundingBox())?.y ?? Number.NaN;
  const [header, strip, sheet] = [
    await top("tumour-board-header"),
    await top("verdict-strip"),
    await top("tumour-board-sheet"),
  ];
  if (!(header < strip && strip < sheet)) problems.push(`order header ${header} / strip ${strip} / sheet ${sheet}`);
  for (const testId of [
    "segment-group",
    "applicability",
    "sins-category",
    "tokuhashi-prognosis",
    "patient-banner",
    "print-chart-eq5dIndex",
    "print-chart-barthel",
    "print-citation",
  ]) {
    if (!(await page.getByTestId(testId).isVisible())) problems.push(`${testId} not printed`);
  }
  for (const testId of ["print-button", "save-assessment", "diagnostics", "qol-card"]) {
    if (await page.getByTestId(testId).isVisible()) problems.push(`${testId} printed`);
  }
  // Who printed it: the display name, never a reference.
  const printedBy = (await page.getByTestId("print-printed-by").innerText()).trim();
  if (!printedBy.includes(SANDBOX_USER)) problems.push(`printed by "${printedBy}"`);
  const text = await page.locator("body").innerText();
  if (/\b(Practitioner|PractitionerRole|Person|RelatedPerson)\//.test(text))
    problems.push("a user reference is printed");
  // The decision box with its headings and lines to write on.
  const decision = page.getByTestId("board-decision");
  const decisionText = (await decision.isVisible()) ? await decision.innerText() : "";
  for (const w of words.decision) if (!decisionText.includes(w)) problems.push(`decision box without "${w}"`);
  if ((await decision.locator(".tb-line").count()) < 4) problems.push("fewer than 4 lines to write on");
  // A suggestion is tagged, and the item's value stays what the record says (unknown), not the suggestion.
  for (const suggestion of await page.locator('[data-testid^="print-suggestion-"]').all()) {
    const item = ((await suggestion.getAttribute("data-testid")) ?? "").replace("print-suggestion-", "");
    const tag = (await suggestion.locator(".tb-tag").innerText()).trim();
    const suggested = (await suggestion.innerText()).replace(tag, "").trim();
    const value = (await page.getByTestId(`print-value-${item}`).innerText()).trim();
    if (tag !== words.suggested) problems.push(`${item}: suggestion tagged "${tag}"`);
    if (value === suggested || value.endsWith(suggested))
      problems.push(`${item}: the suggestion "${suggested}" is shown as the value`);
  }
  return problems.map((p) => `${id} (${locale}): ${p}`);
}

test("print: every sandbox patient's sheet is one A4 page in English and Japanese, text ≥ 9 pt, named user, strip on top, decision box, suggestions tagged", async ({
  page,
  context,
  sandbox,
  saveScreenshot,
}) => {
  test.setTimeout(420_000);
  // The page counter itself, on a PDF of known length: three forced pages.
  const probe = await context.newPage();
  await probe.setContent('<div style="break-after: page">1</div><div style="break-after: page">2</div><div>3</div>');
  expect(pdfPageCount(await probe.pdf({ format: "A4" })), "pages counted in a 3-page probe PDF").toBe(3);
  // The size check itself: a 10 px label in an SVG drawn at half its size is 5 px; 12 px text is 12 px.
  await probe.setContent(
    '<p>twelve</p><svg width="100" height="20" viewBox="0 0 200 40"><text x="0" y="20" font-size="10">half</text></svg>',
  );
  await probe.addStyleTag({ content: "p { font-size: 12px }" });
  expect(await textSizes(probe), "text sizes as drawn in the probe").toEqual([
    { px: 5, text: "half" },
    { px: 12, text: "twelve" },
  ]);
  await probe.close();

  await recordPrintCalls(page);
  const problems: string[] = [];
  let suggestions = 0;
  for (const locale of ["en", "ja"] as const) {
    for (const id of Object.keys(EXPECTED)) {
      await launchPatient(page, sandbox, id);
      // The language choice is kept (localStorage): set once, it holds for the next patients.
      if ((await page.locator(".locale-switch select").inputValue()) !== locale)
        await page.locator(".locale-switch select").selectOption(locale);
      await printView(page);
      problems.push(...(await sheetProblems(page, id, locale)));
      suggestions += await page.locator('[data-testid^="print-suggestion-"]').count();
      if (id === "fig2-cervical-c3") {
        await saveScreenshot(`print-media-fig2-${locale}`);
        if (locale === "ja") {
          const fonts = await fontsOf(page, ".tb-title");
          expect(fonts, "the font of the Japanese title").toContain("Noto Sans CJK JP");
        }
      }
      await screenView(page);
    }
  }
  expect(suggestions, "suggestions printed (the tag check is not vacuous)").toBeGreaterThan(0);
  expect(problems, "print problems (patient (locale): problem)").toEqual([]);
});

test("print: a debug launch without a user prints 'name not available'; an entry not yet saved is printed as such", async ({
  page,
  sandbox,
}) => {
  await recordPrintCalls(page);
  // The open-server debug launch has no id_token and no fhirUser: no name can be read.
  await launchPatient(page, sandbox, "fig2-cervical-c3", { debug: true });
  await enterItem(page, "sins-pain", "mechanical");
  await printView(page);
  const printedBy = (await page.getByTestId("print-printed-by").innerText()).trim();
  expect(printedBy, "printed by, without a name").toContain(WORDS.en.noName);
  expect(await page.locator("body").innerText(), "no FHIR reference for the user").not.toMatch(/Practitioner\//);
  expect((await page.getByTestId("print-value-sins-pain").innerText()).trim(), "the entered value").toBe(
    "Mechanical pain",
  );
  expect(await page.getByTestId("print-item-sins-pain").innerText(), "the entry is marked as not saved").toContain(
    "(not saved)",
  );
  expect(pdfPageCount(await page.pdf({ format: "A4", printBackground: true })), "pages").toBe(1);
  await screenView(page);
  await page.locator(".locale-switch select").selectOption("ja");
  await printView(page);
  expect((await page.getByTestId("print-printed-by").innerText()).trim(), "printed by, without a name (ja)").toContain(
    WORDS.ja.noName,
  );
});

test("print: from the browser's menu (Ctrl+P, no button) the sheet is printed, never the screen's layout", async ({
  page,
  sandbox,
}) => {
  await launchPatient(page, sandbox, "fig2-cervical-c3");
  // Prepared once the view has painted; nothing is printed on screen and no dialog opens.
  await page.getByTestId("tumour-board-sheet").waitFor({ state: "attached" });
  expect(await page.getByTestId("tumour-board-sheet").isVisible(), "hidden on screen").toBeFalsy();
  await page.setViewportSize(PRINT_AREA);
  await page.emulateMedia({ media: "print" });
  expect(await page.getByTestId("tumour-board-sheet").isVisible(), "the sheet prints").toBeTruthy();
  expect(await page.getByTestId("sins-card").isVisible(), "the screen's cards do not").toBeFalsy();
  expect(pdfPageCount(await page.pdf({ format: "A4", printBackground: true })), "pages").toBe(1);
});

test("axe-core: the tumour-board print view (English, Japanese) has no serious or critical violation", async ({
  page,
  sandbox,
}) => {
  await recordPrintCalls(page);
  // fig2 has suggestions and the patient's own values; renal an ECOG conflict.
  for (const [id, locale] of [
    ["fig2-cervical-c3", "en"],
    ["renal-c7-t1-ecog-conflict", "ja"],
  ] as const) {
    await launchPatient(page, sandbox, id);
    if ((await page.locator(".locale-switch select").inputValue()) !== locale)
      await page.locator(".locale-switch select").selectOption(locale);
    await printView(page);
    expect(
      await seriousAxeViolations(page),
      `${id} (${locale}): serious/critical axe violations on the print view`,
    ).toEqual([]);
    await screenView(page);
  }
});

test("axe-core: the clinician view has no serious or critical violation", async ({ page, sandbox, saveScreenshot }) => {
  // fig2 has the fullest QOL panel (pre-op and 1-month values of four outcomes); renal has an ECOG conflict.
  for (const id of ["fig2-cervical-c3", "renal-c7-t1-ecog-conflict"]) {
    await launchPatient(page, sandbox, id);
    await page.getByTestId("diagnostics").locator("summary").click(); // the drawer's contents too
    expect(await seriousAxeViolations(page), `${id}: serious/critical axe violations on the clinician view`).toEqual(
      [],
    );
  }
  await saveScreenshot("clinician-view");
  // The check can fail: a nameless button added to the page is reported with its rule and target.
  await page.evaluate(() => {
    const b = document.createElement("button");
    b.id = "axe-probe";
    document.querySelector("main")?.append(b);
  });
  const probe = await seriousAxeViolations(page, "#axe-probe");
  expect(
    probe.some((v) => v.includes("button-name") && v.includes("#axe-probe")),
    `a nameless button is reported (${probe.join("; ")})`,
  ).toBeTruthy();
});

test("axe-core: the questionnaires (panel, each form, errors shown) have no serious or critical violation", async ({
  page,
  sandbox,
  saveScreenshot,
}) => {
  await launchPatient(page, sandbox, "fig4-tlls-l1");
  await page.getByRole("button", { name: "Open questionnaires" }).click();
  await page.locator("#forms-instrument").waitFor();
  for (const instrument of ["eq5d5l", "pain-vas", "barthel", "sins", "tokuhashi"]) {
    await page.locator("#forms-instrument").selectOption(instrument);
    const form = page.getByTestId(`form-${instrument}`);
    await form.waitFor();
    expect(
      await seriousAxeViolations(page, ".forms-panel"),
      `${instrument}: serious/critical axe violations on the empty form`,
    ).toEqual([]);
    // Submitting empty shows the error summary and per-field errors: those states must pass too.
    await form.getByRole("button", { name: "Submit" }).click();
    await form.locator('[aria-invalid="true"]').first().waitFor();
    expect(
      await seriousAxeViolations(page, ".forms-panel"),
      `${instrument}: serious/critical axe violations with the errors shown`,
    ).toEqual([]);
    if (instrument === "eq5d5l") await saveScreenshot("eq5d-errors");
  }
});
