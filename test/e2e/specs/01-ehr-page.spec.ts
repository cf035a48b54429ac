/** The sandbox EHR page itself: the patient list, its launch links, and no scripts at all. */
import { cspViolations, expect, test } from "../fixtures";

test("the EHR page lists every sandbox patient with a launch link and a debug link", async ({ page, sandbox }) => {
  await page.goto(sandbox.url);
  const launchIds = await page
    .locator('[data-testid^="launch-"]')
    .evaluateAll((els) => els.map((e) => (e.getAttribute("data-testid") ?? "").replace(/^launch-/, "")));
  expect([...launchIds].sort(), "EHR launch links").toEqual([...sandbox.patientIds].sort());
  expect(launchIds.length, "at least 10 patients").toBeGreaterThanOrEqual(10);
  const debugIds = await page
    .locator('[data-testid^="debug-launch-"]')
    .evaluateAll((els) => els.map((e) => (e.getAttribute("data-testid") ?? "").replace(/^debug-launch-/, "")));
  expect([...debugIds].sort(), "debug launch links").toEqual([...sandbox.patientIds].sort());
  const fig2 = (await page.getByTestId("patient-row-fig2-cervical-c3").innerText()).replace(/\s+/g, " ");
  for (const part of ["Hiroshi Takeda", "66", "male", "Lung cancer", "C3"])
    expect(fig2, `fig2 row shows "${part}" (${fig2})`).toContain(part);
  const jp = await page.getByTestId("patient-row-jp-gastric-l2-icd10").innerText();
  expect(jp, "the Japanese patient's kanji name").toContain("鈴木 節子");
});

test("the EHR page runs no script and breaks no Content-Security-Policy", async ({ page, sandbox, problems }) => {
  const response = await page.goto(sandbox.url);
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp, `strict CSP header (${csp})`).toContain("default-src 'none'");
  expect(await page.locator("script").count(), "script elements").toBe(0);
  const href = await page.getByTestId("launch-fig2-cervical-c3").getAttribute("href");
  const launch = new URL(href ?? "", sandbox.url);
  expect(launch.pathname, "launch path").toBe("/app/launch.html");
  expect(launch.searchParams.get("iss"), "iss").toBe(sandbox.fhirBase);
  expect(cspViolations(problems), "CSP violations").toEqual([]);
});
