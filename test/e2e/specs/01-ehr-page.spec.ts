/** The sandbox EHR page itself: the patient list, its launch links, and no scripts at all. */
import { cspViolations, expect, test } from "../harness";

test("the EHR page lists every sandbox patient with a launch link and a debug link", async ({ page, sandbox }) => {
  await page.goto(sandbox.url);
  const launchIds = await page.locator('[data-testid^="launch-"]').evaluateAll((els) =>
    els.map((e) => (e.getAttribute("data-testid") ?? "").replace(/^launch-/, "")),
  );
  expect.sameMembers(launchIds, sandbox.patientIds, "EHR launch links");
  expect.ok(launchIds.length >= 10, "at least 10 patients");
  const debugIds = await page.locator('[data-testid^="debug-launch-"]').evaluateAll((els) =>
    els.map((e) => (e.getAttribute("data-testid") ?? "").replace(/^debug-launch-/, "")),
  );
  expect.sameMembers(debugIds, sandbox.patientIds, "debug launch links");
  const fig2 = (await page.getByTestId("patient-row-fig2-cervical-c3").innerText()).replace(/\s+/g, " ");
  for (const part of ["Hiroshi Takeda", "66", "male", "Lung cancer", "C3"]) expect.ok(fig2.includes(part), `fig2 row shows "${part}" (${fig2})`);
  const jp = await page.getByTestId("patient-row-jp-gastric-l2-icd10").innerText();
  expect.ok(jp.includes("鈴木 節子"), "the Japanese patient's kanji name");
});

test("the EHR page runs no script and breaks no Content-Security-Policy", async ({ page, sandbox, problems }) => {
  const response = await page.goto(sandbox.url);
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect.ok(csp.includes("default-src 'none'"), `strict CSP header (${csp})`);
  expect.equal(await page.locator("script").count(), 0, "script elements");
  const href = await page.getByTestId("launch-fig2-cervical-c3").getAttribute("href");
  const launch = new URL(href ?? "", sandbox.url);
  expect.equal(launch.pathname, "/app/launch.html", "launch path");
  expect.equal(launch.searchParams.get("iss"), sandbox.fhirBase, "iss");
  expect.none(cspViolations(problems), "CSP violations");
});
