/**
 * Issue 14, items 4, 5 (chart part) and 7 in Chromium:
 * - 4: an edited item is an unsaved change — a sticky bar says so, leaving the page asks first (beforeunload),
 *   the item is not "✓ Confirmed" until the assessment is saved; after the save, no bar and no question;
 * - 5: a same-day ECOG conflict is shown on the ECOG chart with both values and the date;
 * - 7: at 1440 × 900 every chart is at least 560 px wide (one per row below that), the time panel's date labels
 *   never overlap (a year of dense dates on the long-history patient), and an outcome without a dated value has
 *   no "over time" panel at all;
 * - axe: no serious or critical violation on the main view with the bar showing.
 * Runs last: it saves an assessment for prostate-t8-partial and adds Barthel values to breast-t10-long-history.
 */
import type { Bundle, Observation } from "fhir/r4";
import type { Page } from "@playwright/test";
import { launchPatient, openFhir, seriousAxeViolations } from "../app";
import { expect, test } from "../fixtures";

const CHARTS = ["eq5dIndex", "eqVas", "painVas", "barthel", "frankelABC", "ecogOver2"] as const;
const COURSE = ["eq5dIndex", "eqVas", "painVas", "barthel"] as const;

/** Width and left edge of every QOL chart, rounded to the pixel. */
async function chartBoxes(page: Page): Promise<{ id: string; left: number; top: number; width: number }[]> {
  return page.evaluate(
    (ids) =>
      ids.map((id) => {
        const r = document.querySelector(`[data-testid="chart-${id}"]`)?.getBoundingClientRect();
        return { id, left: Math.round(r?.left ?? -1), top: Math.round(r?.top ?? -1), width: Math.round(r?.width ?? 0) };
      }),
    CHARTS as readonly string[],
  );
}

/** The date labels of one time panel: their text and screen boxes. */
async function dateLabels(
  page: Page,
  outcome: string,
): Promise<{ text: string; left: number; right: number; top: number; bottom: number }[]> {
  return page.evaluate(
    (o) =>
      Array.from(document.querySelectorAll(`[data-testid="timeline-${o}-date"]`)).map((el) => {
        const r = el.getBoundingClientRect();
        return { text: el.textContent ?? "", left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
    outcome,
  );
}

/** Pairs of labels whose boxes intersect (none expected). */
function overlapping(labels: { text: string; left: number; right: number; top: number; bottom: number }[]): string[] {
  const out: string[] = [];
  labels.forEach((a, i) =>
    labels.slice(i + 1).forEach((b) => {
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
        out.push(`${a.text} × ${b.text}`);
    }),
  );
  return out;
}

test('unsaved changes: a sticky bar, a leave-page warning, and "✓ Confirmed" only once saved', async ({
  page,
  sandbox,
  saveScreenshot,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.type());
    void d.dismiss(); // stay on the page
  });
  await launchPatient(page, sandbox, "prostate-t8-partial");
  expect(await page.getByTestId("unsaved-status").textContent(), "no unsaved change after the launch").toBe("");

  // A real click first: Chromium asks before unloading only a page the user has interacted with.
  await page.getByRole("heading", { level: 1 }).click();
  await enterItem(page, "tokuhashi-palsy", "E");
  const bar = page.getByTestId("save-bar");
  await page.getByTestId("unsaved-count").waitFor();
  expect(await page.getByTestId("unsaved-count").textContent(), "the bar's count").toBe("1 unsaved change");
  expect(await page.getByTestId("unsaved-status").textContent(), "the bar's words").toBe(
    "1 unsaved change Not saved yet: Palsy. An entry is confirmed once the assessment is saved.",
  );
  expect(await page.getByTestId("unsaved-status").getAttribute("role"), "announced politely").toBe("status");
  expect(await bar.evaluate((el) => getComputedStyle(el).position), "the bar is sticky").toBe("sticky");
  const palsy = page.getByTestId("item-tokuhashi-palsy");
  expect(await palsy.textContent(), "the unsaved item is not shown confirmed").not.toContain("✓");
  // Scrolled to the charts, the bar with its button is still on screen.
  await page.getByTestId("chart-ecogOver2").scrollIntoViewIfNeeded();
  const box = await bar.boundingBox();
  expect(
    box && box.y >= 0 && box.y + box.height <= 900,
    `bar on screen after scrolling (${JSON.stringify(box)})`,
  ).toBeTruthy();
  await saveScreenshot("16-unsaved-bar");

  // Leaving asks first (the close runs the page's beforeunload; the dialog is dismissed: the page stays).
  await page.close({ runBeforeUnload: true });
  expect(await waitFor(() => dialogs.length > 0), "a beforeunload dialog on leaving").toBeTruthy();
  expect(dialogs.join(), "the dialog asked").toBe("beforeunload");
  expect(page.isClosed(), "the page stayed open").toBeFalsy();
  expect(await page.getByTestId("unsaved-count").textContent(), "the entry is still there").toBe("1 unsaved change");

  // Save: the bar goes, the item is confirmed, and leaving no longer asks.
  await bar.getByRole("button", { name: "Save assessment" }).click();
  await page.getByTestId("save-assessment").getByText("Assessment saved to the record.").waitFor({ timeout: 20_000 });
  expect(await page.getByTestId("unsaved-status").textContent(), "no unsaved change after the save").toBe("");
  expect(await bar.evaluate((el) => getComputedStyle(el).position), "the bar is no longer sticky").toBe("static");
  expect(await palsy.textContent(), "the saved item is confirmed").toContain("✓ Confirmed");
  await page.goto(sandbox.url);
  expect(dialogs.join(), "no further dialog when leaving after the save").toBe("beforeunload");
});

/** Enters a value for an item, whichever control the item row offers (a select, or radio buttons). */
async function enterItem(page: Page, item: string, value: string): Promise<void> {
  const control = page.locator(`#${item}-entry`);
  if ((await control.evaluate((el) => el.tagName)) === "SELECT") await control.selectOption(value);
  else await control.locator(`input[value="${value}"]`).click();
}

/** Polls a condition for up to 5 s. */
async function waitFor(condition: () => boolean): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return condition();
}

test("charts: at least 560 px wide at 1440 × 900 (two per row), one per row at 1024 px", async ({ page, sandbox }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await launchPatient(page, sandbox, "fig3-thoracic-t6");
  // The QOL charts render after the figures' first paint (issue 14 item 12): measure them once they are in.
  await page.getByTestId("chart-ecogOver2").waitFor({ timeout: 15_000 });
  for (const [width, height, perRow, words] of [
    [1440, 900, 2, "two charts per row"],
    [1024, 768, 1, "one chart per row"],
  ] as const) {
    await page.setViewportSize({ width, height });
    const boxes = await chartBoxes(page);
    expect(
      boxes.filter((c) => c.width < 560).map((c) => `${c.id} ${c.width} px`),
      `charts narrower than 560 px at ${width}`,
    ).toEqual([]);
    expect(new Set(boxes.map((c) => c.left)).size, `${words} at ${width}`).toBe(perRow);
  }
});

test("time panel: a year of dates every 14 days, labels never overlapping; no panel without a dated value", async ({
  page,
  sandbox,
}) => {
  test.setTimeout(120_000);
  const patient = "breast-t10-long-history";
  // Before: no Barthel on file, so no time panel on that chart and no empty frame.
  await page.setViewportSize({ width: 1440, height: 900 });
  await launchPatient(page, sandbox, patient);
  for (const outcome of COURSE) {
    const chart = page.getByTestId(`chart-${outcome}`);
    expect(await chart.getAttribute("data-time-panel"), `${outcome}: no dated value, no time panel`).toBe("no");
    expect(await chart.locator(".time-frame").count(), `${outcome}: no empty frame`).toBe(0);
    expect(await chart.textContent(), `${outcome}: no "over time" caption`).not.toContain("This patient over time");
  }
  // A year of Barthel index values (multiples of 5, as the index is) every 14 days: 27 dates, ending today.
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  for (let i = 0; i < 27; i++) {
    const day = new Date(today - (26 - i) * 14 * 86_400_000).toISOString().slice(0, 10);
    const obs: Observation = {
      resourceType: "Observation",
      status: "final",
      code: { coding: [{ system: "http://loinc.org", code: "96761-2" }] },
      subject: { reference: `Patient/${patient}` },
      effectiveDateTime: `${day}T10:00:00Z`,
      valueQuantity: { value: 20 + 5 * (i % 15), system: "http://unitsofmeasure.org", code: "{score}" },
    };
    const res = await fetch(`${sandbox.openFhirBase}/Observation`, {
      method: "POST",
      headers: { "content-type": "application/fhir+json" },
      body: JSON.stringify(obs),
    });
    expect(res.status, `Barthel ${day} stored`).toBe(201);
  }
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await launchPatient(page, sandbox, patient);
    const chart = page.getByTestId("chart-barthel");
    expect(await chart.getAttribute("data-time-panel"), `${width}: Barthel time panel`).toBe("yes");
    const marked = await chart
      .locator("g[data-series='patient-timeline'][data-date]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-date")));
    expect(marked.length, `${width}: 27 marks on the panel (${marked.join(", ")})`).toBe(27);
    const labels = await dateLabels(page, "barthel");
    expect(
      labels.length,
      `${width}: first and last dates written (${labels.map((l) => l.text).join(", ")})`,
    ).toBeGreaterThanOrEqual(2);
    expect(overlapping(labels), `${width}: overlapping date labels`).toEqual([]);
    // The labels stay inside the chart.
    const frame = await chart.boundingBox();
    expect(
      labels
        .filter((l) => !frame || l.left < frame.x - 0.5 || l.right > frame.x + frame.width + 0.5)
        .map((l) => l.text),
      `${width}: date labels outside the chart`,
    ).toEqual([]);
  }
  // Every sandbox patient with dates on a panel: no two labels overlap either.
  await page.setViewportSize({ width: 1440, height: 900 });
  for (const id of ["fig2-cervical-c3", "fig3-thoracic-t6", "fig4-tlls-l1"]) {
    await launchPatient(page, sandbox, id);
    for (const outcome of COURSE)
      expect(overlapping(await dateLabels(page, outcome)), `${id} ${outcome}: overlapping date labels`).toEqual([]);
  }
});

test('ECOG conflict: both values and the date on the ECOG chart, not "Not on file"', async ({ page, sandbox }) => {
  const patient = "renal-c7-t1-ecog-conflict";
  // The sandbox moves the dates to today: the day of the two ECOG readings, read back from the record.
  const bundle = await openFhir<Bundle>(
    sandbox,
    `Observation?subject=Patient/${patient}&code=http://loinc.org|89247-1`,
  );
  const days = [
    ...new Set((bundle.entry ?? []).map((e) => String((e.resource as Observation).effectiveDateTime).slice(0, 10))),
  ];
  expect(days.length, `one day of ECOG readings (${days.join(", ")})`).toBe(1);
  const day = new Intl.DateTimeFormat("en-GB", {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  }).format(new Date(days[0] ?? ""));
  await page.setViewportSize({ width: 1440, height: 900 });
  await launchPatient(page, sandbox, patient);
  const chart = page.getByTestId("chart-ecogOver2");
  const text = (await chart.locator("[data-series='patient']").textContent()) ?? "";
  expect(text, "the ECOG chart's patient line").toBe(`This patient: ECOG 1 and 2 on ${day} (conflict)`);
  expect(text, 'not "Not on file"').not.toContain("Not on file");
  const table = (await page.getByTestId("table-ecogOver2").locator("tr[data-series='patient']").textContent()) ?? "";
  expect(table, "the ECOG table's patient row").toBe(`This patientECOG 1 and 2 on ${day} (conflict)`);
});

test("axe-core: no serious or critical violation on the main view with unsaved changes", async ({ page, sandbox }) => {
  page.on("dialog", (d) => void d.accept()); // leaving with an unsaved entry: go
  for (const id of ["breast-t10-long-history", "renal-c7-t1-ecog-conflict"]) {
    await page.setViewportSize({ width: 1440, height: 900 });
    await launchPatient(page, sandbox, id);
    await enterItem(page, "tokuhashi-palsy", "D");
    await page.getByTestId("unsaved-count").waitFor();
    expect(await seriousAxeViolations(page), `${id}: serious/critical axe violations`).toEqual([]);
  }
});
