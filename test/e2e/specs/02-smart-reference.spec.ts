/**
 * The sandbox's SMART server driven by fhirclient's own browser build (test/e2e/fixtures/smart-app): proves the
 * launch, PKCE, token exchange, context and scope enforcement in a real browser, independently of the app.
 */
import { expect, SECRET_PARAMS, test } from "../fixtures";

test("reference client: EHR launch → authorize → token → reads with the bearer token; a write outside the scopes gets 403", async ({
  page,
  fixture,
}) => {
  const seen: string[] = [];
  const tokenStatuses: number[] = [];
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith("/auth/")) seen.push(`${r.method()} ${u.pathname}`);
  });
  page.on("response", (r) => {
    if (r.url().endsWith("/auth/token")) tokenStatuses.push(r.status());
  });
  await page.goto(fixture.url);
  const token = page.waitForResponse((r) => r.url().endsWith("/auth/token"));
  await page.getByTestId("launch-fig2-cervical-c3").click();
  expect((await token).status(), "token endpoint status").toBe(200);
  await page.getByTestId("fixture-status").filter({ hasText: "ready:" }).waitFor({ timeout: 20_000 });
  expect(await page.getByTestId("fixture-patient").innerText(), "patient context").toBe("fig2-cervical-c3");
  expect(await page.getByTestId("fixture-encounter").innerText(), "encounter context").toBe("fig2-cervical-c3-enc-1mo");
  // fhirclient shortens an absolute fhirUser claim to "Type/id".
  expect(await page.getByTestId("fixture-user").innerText(), "fhirUser from the id_token").toBe(
    "Practitioner/sandbox-surgeon",
  );
  expect(await page.getByTestId("fixture-conditions").innerText(), "Conditions read with the token").toBe("2");
  expect(await page.getByTestId("fixture-forbidden").innerText(), "write without a write scope").toBe("403");
  const url = new URL(page.url());
  expect(url.pathname, "landed on the redirect_uri").toBe("/app/index.html");
  for (const p of SECRET_PARAMS) expect(url.searchParams.get(p), `URL parameter ${p}`).toBe(null);
  expect(
    seen.includes("GET /auth/authorize") && seen.includes("POST /auth/token"),
    `auth requests (${seen.join(", ")})`,
  ).toBeTruthy();
  // The fixture sandbox's 8 s tokens make fhirclient refresh (without client_id, with rotation) before reading.
  expect(
    tokenStatuses.length,
    `code exchange and at least one refresh (${tokenStatuses.join(", ")})`,
  ).toBeGreaterThanOrEqual(2);
  expect(
    tokenStatuses.every((s) => s === 200),
    `every token response 200 (${tokenStatuses.join(", ")})`,
  ).toBeTruthy();
});

test("reference client: standalone launch shows the patient picker and returns with the picked patient", async ({
  page,
  fixture,
}) => {
  await page.goto(fixture.url);
  await page.getByTestId("standalone-launch").click();
  await page.getByTestId("pick-jp-gastric-l2-icd10").click();
  await page.getByTestId("fixture-status").filter({ hasText: "ready:" }).waitFor({ timeout: 20_000 });
  expect(await page.getByTestId("fixture-patient").innerText(), "picked patient").toBe("jp-gastric-l2-icd10");
  expect(await page.getByTestId("fixture-conditions").innerText(), "Conditions of the picked patient").toBe("3");
});
