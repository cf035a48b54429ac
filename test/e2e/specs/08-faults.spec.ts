/**
 * Faults in the browser: a launch without the QuestionnaireResponse write scope (the sandbox grants exactly the
 * scopes asked for, so the deployment's app-config.json `scopes` is replaced for this page), a server that
 * refuses a write with 403 although the app believes it may write, and a FHIR search answered 503.
 *
 * Fault injection is done with Playwright routes (the sandbox has no fault hook): app-config.json, the token
 * response's `scope`, and one search. The 403s themselves come from the sandbox's scope enforcement.
 * Nothing is stored on the sandbox by these tests.
 */
import type { Page, Route } from "@playwright/test";
import {
  enterItem,
  expectSaveOff,
  NO_WRITE,
  entryValue,
  fhirError,
  fillEq5d,
  readOnlyLaunch,
  launchPatient,
  radio,
  responsesOf,
  SCORES_SHOWN,
  scoresShown,
  shown,
  submitForm,
  watchPosts,
} from "../app";
import type { SandboxInfo } from "../sandboxes";
import { EXPECTED, figure } from "../expected";
import { expect, test } from "../fixtures";

/** Makes the token response claim the write scope the server did not grant (the server still refuses writes). */
async function claimWriteScope(page: Page): Promise<void> {
  await page.route(
    (u) => u.pathname === "/auth/token",
    async (route: Route) => {
      const res = await route.fetch();
      const token = (await res.json()) as Record<string, unknown>;
      await route.fulfill({
        response: res,
        json: {
          ...token,
          scope: `${typeof token.scope === "string" ? token.scope : ""} patient/QuestionnaireResponse.write`,
        },
      });
    },
  );
}

/** After a refused submit the form stays open with its answers, and its draft is in the tab's sessionStorage. */
async function expectFormKept(page: Page, failure = "forbidden"): Promise<void> {
  const form = page.getByTestId("form-eq5d5l");
  expect(await form.isVisible(), "the refused form stays open").toBeTruthy();
  expect(await radio(form, "eq5d-ad", "eq5d.level.1").isChecked(), "with its answers").toBeTruthy();
  const stored = await page.evaluate(() =>
    Object.keys(sessionStorage)
      .filter((k) => k.startsWith("spine-met-qol.drafts"))
      .map((k) => sessionStorage.getItem(k) ?? "")
      .join(""),
  );
  expect(
    stored.includes('"instrument":"eq5d5l"') && stored.includes(`"lastFailure":"${failure}"`),
    `the draft in sessionStorage, marked ${failure}`,
  ).toBeTruthy();
}

const FORBIDDEN =
  "The EHR did not allow this app to save questionnaire responses. The answers are kept as a draft in this tab.";
/** The one message of a launch without the write scope (Save assessment, the forms panel, a submit, a draft). */

test("no write scope: the launch says so up front; a submit sends nothing, says the same, and the draft is kept", async ({
  page,
  sandbox,
  saveScreenshot,
}) => {
  const patient = "thyroid-l4-age-19";
  const before = (await responsesOf(sandbox, patient)).length;
  await readOnlyLaunch(page);
  const granted = page.waitForResponse((r) => new URL(r.url()).pathname === "/auth/token");
  await launchPatient(page, sandbox, patient);
  const scope = ((await (await granted).json()) as { scope?: string }).scope ?? "";
  expect(
    !scope.includes("QuestionnaireResponse.write") && scope.includes("patient/Observation.read"),
    `granted scope without the write (${scope})`,
  ).toBeTruthy();

  // Save assessment is off, with the reason next to it.
  await expectSaveOff(page);

  await fillEq5d(page);
  expect(
    await page.getByTestId("forms-no-write").filter({ hasText: NO_WRITE }).isVisible(),
    "the forms panel says the launch cannot save",
  ).toBeTruthy();
  const posted = watchPosts(page);
  await page.getByTestId("form-eq5d5l").getByRole("button", { name: "Submit" }).click();
  await page.getByRole("alert").filter({ hasText: NO_WRITE }).waitFor();
  expect(posted.length, "nothing is POSTed without the write scope").toBe(0);
  await expectFormKept(page, "not-permitted");
  await saveScreenshot("forbidden");

  // The draft outlives a reload of the tab (sessionStorage), says why it is there, and nothing reached the record.
  await page.reload();
  await page.locator('[data-testid="sins-range"], [data-testid="sins-total"]').first().waitFor({ timeout: 30_000 });
  await page.getByRole("button", { name: "Open questionnaires" }).click();
  const draft = page.locator('[data-testid^="draft-"]').filter({ hasText: "EQ-5D-5L" });
  await draft.waitFor();
  expect(await draft.innerText(), `the draft says why (${await draft.innerText()})`).toContain(NO_WRITE);
  expect((await responsesOf(sandbox, patient)).length, "responses on the server").toBe(before);
  await saveScreenshot("forbidden-draft-after-reload");
});

test("403: the server refuses writes the token claims to allow — Save assessment and the form fail clearly, entries and drafts kept", async ({
  page,
  sandbox,
}) => {
  const patient = "breast-t4-l2-noncontiguous";
  const before = (await responsesOf(sandbox, patient)).length;
  await readOnlyLaunch(page);
  await claimWriteScope(page);
  await launchPatient(page, sandbox, patient);

  // A SINS is per lesion: the scored level is confirmed (T4 of T4 and L2) so that the SINS items are written.
  await enterItem(page, "sins-location", "T4");
  await enterItem(page, "sins-pain", "mechanical");
  // Only what the clinician entered or confirmed is written: one Tokuhashi item too, so both parts are sent.
  await enterItem(page, "tokuhashi-palsy", "E");
  const rangeWithEntry = await shown(page, "sins-range");
  const save = page.getByTestId("save-assessment");
  await save.getByRole("button", { name: "Save assessment" }).click();
  await save.getByText(FORBIDDEN).waitFor({ timeout: 20_000 });
  expect(await entryValue(page, "sins-pain"), "the clinician's entry is still there").toBe("mechanical");
  expect(await shown(page, "sins-range"), "the figures still include the entry").toBe(rangeWithEntry);

  await fillEq5d(page);
  expect((await submitForm(page, "eq5d5l")).status(), "the sandbox refuses the write").toBe(403);
  await page.getByRole("alert").filter({ hasText: FORBIDDEN }).waitFor();
  await expectFormKept(page);
  const kept = await page.locator('[data-testid^="draft-"]').allInnerTexts();
  for (const name of ["SINS", "Tokuhashi"])
    expect(
      kept.some((d) => d.includes(name)),
      `the assessment's ${name} part is listed as a draft (${kept.length} drafts)`,
    ).toBeTruthy();
  expect((await responsesOf(sandbox, patient)).length, "responses on the server").toBe(before);
});

/**
 * Answers every `resource` search with 503 (Retry-After 0) the first `times` times, then launches the patient;
 * resolves to the number of search attempts made by the time the scores are shown.
 */
async function launchWithSearch503(
  page: Page,
  sandbox: SandboxInfo,
  patientId: string,
  resource: string,
  times = Number.POSITIVE_INFINITY,
): Promise<number> {
  let attempts = 0;
  await page.route(
    (u) => u.pathname === `/fhir/${resource}`,
    async (route: Route) => {
      attempts += 1;
      if (attempts > times) return route.fallback();
      await route.fulfill(fhirError(503, "transient", "busy"));
    },
  );
  await launchPatient(page, sandbox, patientId);
  return attempts;
}

/**
 * breast-t11-t12-complete without its QuestionnaireResponses (the clinician's SINS and Tokuhashi forms, Frankel):
 * SINS: T11–T12, both junctional → location 3; pain, bone lesion, alignment, collapse, posterolateral unknown
 *   (0–3, 0–2, 0–4, 0–3, 0–3) → 3–18, no class.
 * Tokuhashi: KPS 70 → 1; extraspinal bone 0–2 (none on file); vertebral bodies 2 on file → ≥ 2 → 0–1; visceral
 *   0–2; breast 5; palsy 0–2 (Frankel only in a questionnaire) → 6–13, no prognosis.
 * With them (docs/SANDBOX.md): SINS 11, Tokuhashi 13.
 */
test("503 on the QuestionnaireResponse search: after the retries the view is marked partial and shows ranges, not a wrong total", async ({
  page,
  sandbox,
  saveScreenshot,
}) => {
  const attempts = await launchWithSearch503(page, sandbox, "breast-t11-t12-complete", "QuestionnaireResponse");
  expect(attempts, "QuestionnaireResponse search attempts (1 + fhirMaxRetries 3)").toBe(4);
  expect(await page.getByTestId("partial-warning").isVisible(), "partial-record warning").toBeTruthy();
  for (const panel of ["sins", "tokuhashi", "qol"])
    expect(await page.getByTestId(`notice-${panel}`).isVisible(), `notice on the ${panel} panel`).toBeTruthy();
  expect(
    await page.getByTestId("notice-segment").count(),
    "no notice on the segment group (Conditions were read)",
  ).toBe(0);
  expect(await shown(page, "sins-total"), "no SINS total").toBe(null);
  expect(await shown(page, "sins-range"), "SINS range without the clinician's SINS form").toBe("3–18");
  expect(await shown(page, "sins-category"), "no SINS class: 3–18 spans all three").toBe(
    "Not determined yet: any class is possible",
  );
  expect(await shown(page, "tokuhashi-total"), "no Tokuhashi total").toBe(null);
  expect(await shown(page, "tokuhashi-range"), "Tokuhashi range without the clinician's Tokuhashi form").toBe("6–13");
  expect(await shown(page, "tokuhashi-prognosis"), "no prognosis: 6–13 spans all three bands").toBe(
    "Not determined yet: any class is possible",
  );
  await saveScreenshot("partial");
});

/** prostate-t8-partial without its Observations: KPS 80 (2 points) unknown → Tokuhashi 7–15 becomes 5–15; SINS 1–16 unchanged. */
test("503 on the Observation search: the Tokuhashi range widens by the general-condition item and the panels say why", async ({
  page,
  sandbox,
}) => {
  const attempts = await launchWithSearch503(page, sandbox, "prostate-t8-partial", "Observation");
  expect(attempts, "Observation search attempts").toBe(4);
  expect(await page.getByTestId("partial-warning").isVisible(), "partial-record warning").toBeTruthy();
  expect(
    (await page.getByTestId("notice-tokuhashi").innerText()).length,
    "notice on the Tokuhashi panel",
  ).toBeGreaterThan(0);
  expect(await page.getByTestId("notice-sins").count(), "no notice on SINS (no Observation feeds it)").toBe(0);
  expect(await shown(page, "tokuhashi-range"), "Tokuhashi range without the KPS").toBe("5–15");
  expect(await shown(page, "sins-range"), "SINS range unchanged").toBe(
    figure(EXPECTED["prostate-t8-partial"]?.sins ?? 0),
  );
});

test("503 once on the QuestionnaireResponse search: the retry reads it and the totals are complete", async ({
  page,
  sandbox,
}) => {
  const want = EXPECTED["breast-t11-t12-complete"];
  const attempts = await launchWithSearch503(page, sandbox, "breast-t11-t12-complete", "QuestionnaireResponse", 1);
  expect(attempts, "QuestionnaireResponse search attempts").toBe(2);
  expect(await page.getByTestId("partial-warning").count(), "no partial warning").toBe(0);
  expect(await shown(page, "sins-total"), "SINS total").toBe(figure(want?.sins ?? 0));
  expect(await shown(page, "tokuhashi-total"), "Tokuhashi total").toBe(figure(want?.tokuhashi ?? 0));
});

/** Answers every read of the launch patient (`/fhir/Patient/<id>`) with `status` while `fail.on`; counts the reads. */
async function patientReadFails(
  page: Page,
  patientId: string,
  status: 401 | 503,
): Promise<{ reads: number; on: boolean }> {
  const seen = { reads: 0, on: true };
  await page.route(
    (u) => u.pathname === `/fhir/Patient/${patientId}`,
    async (route: Route) => {
      seen.reads += 1;
      if (!seen.on) return route.fallback();
      await route.fulfill(fhirError(status, status === 503 ? "transient" : "login", "injected"));
    },
  );
  return seen;
}

/** Launches the patient from the sandbox EHR page and waits for the fault screen instead of the scores. */
async function launchIntoFault(page: Page, sandbox: SandboxInfo, patientId: string): Promise<void> {
  await page.goto(sandbox.url);
  await page.getByTestId(`launch-${patientId}`).click();
  await page.waitForURL((u) => u.pathname === "/app/index.html", { timeout: 30_000 });
  await page.locator('[data-testid^="fault-"]').first().waitFor({ timeout: 30_000 });
}

test("503 on every Patient read: after 1 + 3 attempts the fault screen says the server is busy, no scores; Try again loads the patient", async ({
  page,
  sandbox,
  problems,
  saveScreenshot,
}) => {
  const patient = "breast-t11-t12-complete";
  const seen = await patientReadFails(page, patient, 503);
  await launchIntoFault(page, sandbox, patient);
  const fault = page.getByTestId("fault-unavailable");
  expect(seen.reads, "Patient reads (1 + fhirMaxRetries 3)").toBe(4);
  expect(await fault.getByRole("heading").innerText(), "fault title").toBe("The EHR server is busy");
  expect(await fault.innerText(), "fault text with the attempts").toContain(
    "The EHR's FHIR server is temporarily unavailable (503) after 4 attempts.",
  );
  expect(await page.locator(SCORES_SHOWN).count(), "no score on the page").toBe(0);
  expect(await page.getByTestId("patient-banner").count(), "no patient banner").toBe(0);
  await saveScreenshot("patient-503");

  seen.on = false;
  await fault.getByRole("button", { name: "Try again" }).click();
  await scoresShown(page);
  expect(await page.locator('[data-testid^="fault-"]').count(), "the fault screen is gone").toBe(0);
  expect(seen.reads, "one more Patient read after Try again").toBe(5);
  expect(await shown(page, "sins-total"), "SINS total after the retry").toBe(figure(EXPECTED[patient]?.sins ?? 0));
  expect(
    problems.filter((p) => /pageerror/.test(p)),
    "uncaught page errors",
  ).toEqual([]);
});

test("401 on every Patient read: one token refresh, then 'Your session has ended' without a retry button, no scores", async ({
  page,
  sandbox,
  problems,
}) => {
  const patient = "prostate-t8-partial";
  const seen = await patientReadFails(page, patient, 401);
  const refreshes: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/auth/token" && (r.postData() ?? "").includes("grant_type=refresh_token"))
      refreshes.push(r.url());
  });
  await launchIntoFault(page, sandbox, patient);
  const fault = page.getByTestId("fault-session-ended");
  expect(await fault.getByRole("heading").innerText(), "fault title").toBe("Your session has ended");
  expect(await fault.getByRole("button").count(), "no Try again").toBe(0);
  expect(seen.reads, "Patient reads (before and after the refresh)").toBe(2);
  expect(refreshes.length, "token refreshes").toBe(1);
  expect(await page.locator(SCORES_SHOWN).count(), "no score on the page").toBe(0);
  expect(
    problems.filter((p) => /pageerror/.test(p)),
    "uncaught page errors",
  ).toEqual([]);
});
