/**
 * "Hand to patient" (issue 14, item 11): the clinician sets the timepoint and a code; the patient then sees one
 * question per screen — the pain VAS, and the EQ-5D-5L with its vertical EQ VAS only when the licensed wording is
 * installed — and nothing of the clinician's view, which is not even rendered (a reload included). Leaving needs
 * the code: "Return to clinician" then "I am the clinician: leave" alone, or a wrong code, stays. A VAS has no
 * handle until touched. axe: no serious or critical violation in patient mode.
 *
 * Writes to the sandbox: breast-t4-l2-noncontiguous gets a pain-vas self-report, hcc-t9-t12-four-levels an eq5d5l
 * and a pain-vas self-report.
 */
import type { BrowserContext, Locator, Page } from "@playwright/test";
import type { QuestionnaireResponse } from "fhir/r4";
import {
  answerOf,
  CANONICAL_BASE,
  codesOf,
  collectPosts,
  launchPatient,
  levelByKeyboard,
  radio,
  readCreated,
  seriousAxeViolations,
  shown,
} from "../app";
import { PLACEHOLDER_WORDING } from "../../fixtures/wording";
import type { SandboxInfo } from "../sandboxes";
import { expect, test } from "../fixtures";

/** What the clinician's view shows and the patient must not see. */
const CLINICIAN_ONLY = [
  "segment-group",
  "applicability",
  "sins-total",
  "sins-range",
  "sins-category",
  "tokuhashi-total",
  "tokuhashi-range",
  "tokuhashi-prognosis",
  "eq5d-index-latest",
  "patient-banner",
];
const HANDOVER_KEY = "spine-met-qol.patient-mode";

test.describe.configure({ timeout: 120_000 });

/**
 * Records, from the first byte of every page, any moment at which a clinician-only element is in the document
 * while the hand-over record exists: "not rendered", not merely hidden, reloads included.
 */
async function watchClinicianView(page: Page): Promise<void> {
  await page.addInitScript(
    ({ ids, key }) => {
      const w = window as Window & { clinicianSeen?: string[] };
      w.clinicianSeen = [];
      const selector = ids.map((id) => `[data-testid="${id}"]`).join(",");
      new MutationObserver(() => {
        const found = document.querySelector(selector);
        if (found && sessionStorage.getItem(key)) w.clinicianSeen?.push(found.getAttribute("data-testid") ?? "?");
      }).observe(document, { subtree: true, childList: true });
    },
    { ids: CLINICIAN_ONLY, key: HANDOVER_KEY },
  );
}

const clinicianSeen = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as Window & { clinicianSeen?: string[] }).clinicianSeen ?? []);

/** Clinician-only figures in the document, and clinician words in the accessibility tree. */
async function clinicianViewInDocument(page: Page): Promise<string[]> {
  const seen: string[] = [];
  for (const id of CLINICIAN_ONLY) if ((await page.getByTestId(id).count()) > 0) seen.push(`${id} in the document`);
  if ((await page.getByText("Predicted survival").count()) > 0) seen.push('"Predicted survival" in the document');
  const tree = await page.locator("body").ariaSnapshot();
  for (const words of ["Possible range", "SINS", "Tokuhashi", "Segment group", "Latest EQ-5D-5L index", "MRN"]) {
    if (tree.includes(words)) seen.push(`"${words}" in the accessibility tree`);
  }
  return seen;
}

async function openHandOver(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: "Open questionnaires" }).click();
  await page.getByRole("button", { name: "Hand to patient" }).click();
  const setup = page.getByTestId("handover-setup");
  await setup.waitFor();
  return setup;
}

async function handOver(page: Page, setup: Locator, code: string): Promise<Locator> {
  await radio(setup, "timepoint", "timepoint.preop").check();
  await setup.getByLabel("Code", { exact: true }).fill(code);
  await setup.getByLabel("Code again", { exact: true }).fill(code);
  await setup.getByRole("button", { name: "Start" }).click();
  const mode = page.getByTestId("patient-mode");
  await mode.getByTestId("pm-progress").waitFor();
  return mode;
}

/** "Return to clinician", the code (if any), "I am the clinician: leave". */
async function tryToLeave(page: Page, code: string | null): Promise<void> {
  await page.getByTestId("patient-mode").getByRole("button", { name: "Return to clinician" }).click();
  const dialog = page.getByRole("dialog", { name: "Leave patient self-report?" });
  await dialog.waitFor();
  if (code !== null) await dialog.getByLabel("Clinician's code").fill(code);
  await dialog.getByRole("button", { name: "I am the clinician: leave" }).click();
}

const THANK_YOU = "Thank you. Please hand the device back to your clinician.";

/**
 * Finish in patient mode: waits for the thank-you and for the POSTs, checks their statuses ("201,201") and reads
 * the created responses back from the sandbox.
 */
async function finishAndReadBack(
  page: Page,
  sandbox: SandboxInfo,
  statuses: string,
  what: string,
): Promise<QuestionnaireResponse[]> {
  const { posts } = collectPosts(page);
  const expected = statuses.split(",").length;
  await page.getByTestId("patient-mode").getByRole("button", { name: "Finish" }).click();
  await page.getByText(THANK_YOU).waitFor();
  for (let i = 0; i < 100 && posts.length < expected; i += 1) await page.waitForTimeout(100);
  expect(posts.map((r) => r.status()).join(","), what).toBe(statuses);
  return Promise.all(posts.map((r) => readCreated(sandbox, r)));
}

/** Pixels of the handle's colour (--accent #0b4f8a) in a screenshot of the slider, counted in a blank page. */
async function handlePixels(context: BrowserContext, slider: Locator): Promise<number> {
  await slider.evaluate((el) => (el as HTMLElement).blur());
  const png = (await slider.screenshot()).toString("base64");
  const probe = await context.newPage();
  try {
    return await probe.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = img.width;
      canvas.height = img.height;
      const g = canvas.getContext("2d");
      if (!g) return -1;
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (
          Math.abs((d[i] ?? 0) - 11) < 24 &&
          Math.abs((d[i + 1] ?? 0) - 79) < 24 &&
          Math.abs((d[i + 2] ?? 0) - 138) < 24
        )
          n += 1;
      }
      return n;
    }, png);
  } finally {
    await probe.close();
  }
}

test("patient mode without the licensed wording: only the pain VAS; no clinician view (reload too); leaving needs the code", async ({
  page,
  context,
  sandbox,
  saveScreenshot,
}) => {
  const patient = "breast-t4-l2-noncontiguous";
  await watchClinicianView(page);
  await launchPatient(page, sandbox, patient);
  expect(
    (await clinicianViewInDocument(page)).length,
    "the probe sees the clinician view before the hand-over",
  ).toBeGreaterThanOrEqual(5);

  // The clinician sees what will be asked, and why the EQ-5D-5L is not.
  const setup = await openHandOver(page);
  expect((await setup.getByTestId("handover-offered").innerText()).trim(), "offered to the patient").toBe("Pain VAS");
  expect(
    await setup.getByTestId("handover-eq5d-withheld").innerText(),
    "the clinician is told why the EQ-5D-5L is not handed over",
  ).toContain("the licensed EQ-5D-5L wording is not installed here (see docs/EQ5D-WORDING.md)");
  expect(
    await seriousAxeViolations(page, '[data-testid="handover-setup"]'),
    "serious/critical axe violations on the hand-over setup",
  ).toEqual([]);
  await saveScreenshot("handover-setup");
  const mode = await handOver(page, setup, "2468");

  // Not rendered, not only hidden.
  expect(await clinicianViewInDocument(page), "clinician view in patient mode").toEqual([]);
  expect(await mode.getByTestId("pm-progress").innerText(), "one question: the pain VAS").toBe("Question 1 of 1");
  expect(await mode.getByRole("radio").count(), "no EQ-5D-5L question").toBe(0);
  expect(await mode.innerText(), "nothing of the EQ-5D-5L shown to the patient").not.toContain("EQ");

  // The VAS: no handle and no answer until touched; Finish refused.
  const slider = mode.getByRole("slider", { name: "Pain VAS (mm) (required)" });
  expect(await slider.getAttribute("aria-valuetext"), "untouched VAS value text").toBe("Not answered");
  expect(await handlePixels(context, slider), "pixels of a handle on the untouched VAS").toBe(0);
  await mode.getByRole("button", { name: "Finish" }).click();
  await mode.getByRole("link", { name: "Pain VAS (mm): Please answer this question." }).waitFor();
  expect(await page.getByText(THANK_YOU).isVisible(), "an untouched VAS is not submitted").toBeFalsy();
  expect(
    await seriousAxeViolations(page, '[data-testid="patient-mode"]'),
    "serious/critical axe violations in patient mode (error shown)",
  ).toEqual([]);
  await saveScreenshot("patient-vas-untouched");

  // The old way out, then a wrong code: still in patient mode, no clinician view.
  await tryToLeave(page, null);
  const dialog = page.getByRole("dialog", { name: "Leave patient self-report?" });
  await dialog.getByLabel("Clinician's code").fill("1357");
  await dialog.getByRole("button", { name: "I am the clinician: leave" }).click();
  expect((await dialog.getByRole("alert").innerText()).trim(), "a wrong code: no hint").toBe(
    "The code was not accepted.",
  );
  expect(await mode.isVisible(), "still in patient mode after a wrong code").toBeTruthy();
  expect(await clinicianViewInDocument(page), "clinician view after a wrong code").toEqual([]);
  expect(
    await seriousAxeViolations(page, '[data-testid="patient-mode"]'),
    "serious/critical axe violations on the exit dialog",
  ).toEqual([]);
  await saveScreenshot("exit-wrong-code");
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });

  // A reload comes back to patient mode, never to the clinician's view.
  page.on("dialog", (d) => void d.accept()); // "leave the page?" (unsent answers)
  await page.reload();
  await page.getByTestId("patient-mode").getByTestId("pm-progress").waitFor({ timeout: 30_000 });
  expect(await clinicianViewInDocument(page), "clinician view after a reload in patient mode").toEqual([]);
  const stored = (await page.evaluate((key) => sessionStorage.getItem(key), HANDOVER_KEY)) ?? "";
  expect(
    stored.includes('"codeHash"') && !stored.includes("2468"),
    "the hand-over keeps a hash, never the code",
  ).toBeTruthy();

  // Keyboard: the first arrow key sets the scale (from the middle); the handle then shows.
  const again = page.getByTestId("patient-mode").getByRole("slider", { name: "Pain VAS (mm) (required)" });
  await again.focus();
  await page.keyboard.press("ArrowRight");
  expect(await again.getAttribute("aria-valuetext"), "value after one ArrowRight").toBe("51 mm");
  expect(await handlePixels(context, again), "the handle shows once set").toBeGreaterThan(50);
  await saveScreenshot("patient-vas-set");

  const [qr] = await finishAndReadBack(page, sandbox, "201", "one response created");
  expect(qr?.questionnaire, "the pain VAS").toBe(`${CANONICAL_BASE}/Questionnaire/pain-vas|1.0.0`);
  expect(qr?.source?.reference, "source is the Patient").toBe(`Patient/${patient}`);
  expect(qr ? answerOf(qr, "pain-vas")?.valueInteger : null, "pain VAS value").toBe(51);

  // The right code: back to the clinician's view.
  await tryToLeave(page, "2468");
  await page.getByTestId("patient-mode").waitFor({ state: "detached" });
  expect(await page.evaluate((key) => sessionStorage.getItem(key), HANDOVER_KEY), "the hand-over ends").toBe(null);
  await page.getByTestId("sins-range").or(page.getByTestId("sins-total")).first().waitFor({ timeout: 30_000 });
  expect(
    (await shown(page, "tokuhashi-prognosis")) !== null || (await shown(page, "tokuhashi-range")) !== null,
    "the scores are back",
  ).toBeTruthy();
  expect(await clinicianSeen(page), "clinician-only elements in the document at any moment while handed over").toEqual(
    [],
  );
});

/**
 * Profile 12345 with Japan cTTO full precision (Shiroiwa 2016, src/scores/data/eq5d5l_valuesets.json):
 *   1 − 0.060924 − MO1 0 − SC2 0.043632 − UA3 0.091131 − PD4 0.131436 − AD5 0.195961 = 1 − 0.523084 = 0.476916.
 */
test("patient mode with a licensed wording file (test fixture): one question per screen, vertical EQ VAS with anchors, stored with the Patient as source", async ({
  page,
  context,
  sandbox,
  saveScreenshot,
}) => {
  // A test-only wording file with placeholder words (never EuroQol's), served where the deployment puts it.
  await page.route("**/eq5d5l-wording.json", (route) => route.fulfill({ json: PLACEHOLDER_WORDING }));
  const patient = "hcc-t9-t12-four-levels";
  await watchClinicianView(page);
  await launchPatient(page, sandbox, patient);
  const setup = await openHandOver(page);
  await setup.getByTestId("handover-offered").filter({ hasText: "EQ-5D-5L" }).waitFor();
  expect(await setup.getByTestId("handover-eq5d-withheld").count(), "no 'not offered' note with the wording").toBe(0);
  const mode = await handOver(page, setup, "97531");

  // One question per screen, with progress; Next refuses an unanswered question; Back keeps answers.
  expect(await mode.getByTestId("pm-progress").innerText(), "progress").toBe("Question 1 of 7");
  expect(await mode.getByRole("radiogroup").count(), "one question on the screen").toBe(1);
  await mode.getByRole("button", { name: "Next" }).click();
  await mode.getByRole("link", { name: "Placeholder MO: Please answer this question." }).waitFor();
  expect(
    await seriousAxeViolations(page, '[data-testid="patient-mode"]'),
    "serious/critical axe violations (EQ-5D question, error shown)",
  ).toEqual([]);
  await saveScreenshot("patient-eq5d-question");
  for (const [i, [linkId, level]] of (
    [
      ["eq5d-mo", 1],
      ["eq5d-sc", 2],
      ["eq5d-ua", 3],
      ["eq5d-pd", 4],
      ["eq5d-ad", 5],
    ] as const
  ).entries()) {
    expect(await mode.getByTestId("pm-progress").innerText(), `progress at ${linkId}`).toBe(`Question ${i + 1} of 7`);
    await levelByKeyboard(page, linkId, level, mode);
    await mode.getByRole("button", { name: "Next" }).click();
  }
  await mode.getByRole("button", { name: "Back" }).click();
  expect(await radio(mode, "eq5d-ad", "eq5d.level.5").isChecked(), "answer kept when going back").toBeTruthy();
  await mode.getByRole("button", { name: "Next" }).click();

  // The EQ VAS: vertical, 100 and the top anchor above, 0 and the bottom anchor below; no handle until touched.
  expect(await mode.getByTestId("pm-progress").innerText(), "progress at the EQ VAS").toBe("Question 6 of 7");
  const vas = mode.getByRole("slider", { name: "Placeholder VAS instruction (required)" });
  const box = await vas.boundingBox();
  const top = await mode.getByText("Placeholder top anchor").boundingBox();
  const bottom = await mode.getByText("Placeholder bottom anchor").boundingBox();
  expect(box && box.height > 3 * box.width, `the EQ VAS is vertical (${JSON.stringify(box)})`).toBeTruthy();
  expect(box && top && top.y + top.height <= box.y, "the top anchor is above the scale").toBeTruthy();
  expect(box && bottom && bottom.y >= box.y + box.height, "the bottom anchor is below the scale").toBeTruthy();
  expect(await vas.getAttribute("aria-valuetext"), "untouched EQ VAS").toBe("Not answered");
  expect(await handlePixels(context, vas), "pixels of a handle on the untouched EQ VAS").toBe(0);
  expect(
    await seriousAxeViolations(page, '[data-testid="patient-mode"]'),
    "serious/critical axe violations on the EQ VAS (label-title-only fixed)",
  ).toEqual([]);
  // A tap near the top is a high value; ArrowUp/ArrowDown move it (100 at the top).
  if (box) await page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.1);
  const tapped = Number(await vas.inputValue());
  expect(tapped, `a tap near the top gives a high value (${tapped})`).toBeGreaterThanOrEqual(80);
  await vas.focus();
  await page.keyboard.press("Home");
  for (let i = 0; i < 40; i += 1) await page.keyboard.press("ArrowUp");
  expect(await vas.getAttribute("aria-valuetext"), "EQ VAS after Home and 40 × ArrowUp").toBe("40");
  await saveScreenshot("patient-eq-vas-vertical");
  await mode.getByRole("button", { name: "Next" }).click();

  const pain = mode.getByRole("slider", { name: "Pain VAS (mm) (required)" });
  await pain.focus();
  await page.keyboard.press("Home");
  for (let i = 0; i < 60; i += 1) await page.keyboard.press("ArrowRight");
  expect(await pain.getAttribute("aria-valuetext"), "pain VAS after Home and 60 × ArrowRight").toBe("60 mm");
  expect(await clinicianViewInDocument(page), "clinician view in patient mode").toEqual([]);

  const stored = await finishAndReadBack(page, sandbox, "201,201", "two responses created");
  const eq = stored.find((q) => q.questionnaire === `${CANONICAL_BASE}/Questionnaire/eq5d5l|1.0.0`);
  const painQr = stored.find((q) => q.questionnaire === `${CANONICAL_BASE}/Questionnaire/pain-vas|1.0.0`);
  expect(eq && painQr, `eq5d5l and pain-vas responses (${stored.map((q) => q.questionnaire).join(", ")})`).toBeTruthy();
  for (const qr of [eq, painQr]) {
    expect(qr?.source?.reference, `${qr?.questionnaire ?? "?"}: source is the Patient`).toBe(`Patient/${patient}`);
    expect(qr?.author?.reference, `${qr?.questionnaire ?? "?"}: author is the signed-in user`).toBe(
      "Practitioner/sandbox-surgeon",
    );
    expect(
      codesOf(qr ?? { resourceType: "QuestionnaireResponse", status: "completed" }, "timepoint").join(),
      "timepoint",
    ).toBe("timepoint.preop");
  }
  if (eq) {
    const index = answerOf(eq, "eq5d-index")?.valueDecimal;
    expect(
      typeof index === "number" && Math.abs(index - 0.476916) < 1e-9,
      `index ${String(index)} = 0.476916 (hand-computed)`,
    ).toBeTruthy();
    expect(answerOf(eq, "eq-vas")?.valueInteger, "EQ VAS").toBe(40);
    expect(JSON.stringify(eq), "the stored response has the neutral displays, not the wording file's").not.toContain(
      "placeholder",
    );
  }
  if (painQr) expect(answerOf(painQr, "pain-vas")?.valueInteger, "pain VAS").toBe(60);

  await tryToLeave(page, "97531");
  await page.getByTestId("eq5d-index-latest").filter({ hasText: "0.477" }).waitFor({ timeout: 30_000 });
  expect(await clinicianSeen(page), "clinician-only elements in the document at any moment while handed over").toEqual(
    [],
  );
});
