/**
 * The sandbox's SMART server driven by fhirclient's own browser build (test/e2e/fixtures/smart-app): proves the
 * launch, PKCE, token exchange, context and scope enforcement in a real browser, independently of the app.
 */
import { expect, SECRET_PARAMS, test } from "../harness";

test("reference client: EHR launch → authorize → token → reads with the bearer token; a write outside the scopes gets 403", async ({ page, fixture }) => {
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
  expect.equal((await token).status(), 200, "token endpoint status");
  await page.getByTestId("fixture-status").filter({ hasText: "ready:" }).waitFor({ timeout: 20_000 });
  expect.equal(await page.getByTestId("fixture-patient").innerText(), "fig2-cervical-c3", "patient context");
  expect.equal(await page.getByTestId("fixture-encounter").innerText(), "fig2-cervical-c3-enc-1mo", "encounter context");
  // fhirclient shortens an absolute fhirUser claim to "Type/id".
  expect.equal(await page.getByTestId("fixture-user").innerText(), "Practitioner/sandbox-surgeon", "fhirUser from the id_token");
  expect.equal(await page.getByTestId("fixture-conditions").innerText(), "2", "Conditions read with the token");
  expect.equal(await page.getByTestId("fixture-forbidden").innerText(), "403", "write without a write scope");
  const url = new URL(page.url());
  expect.equal(url.pathname, "/app/index.html", "landed on the redirect_uri");
  for (const p of SECRET_PARAMS) expect.equal(url.searchParams.get(p), null, `URL parameter ${p}`);
  expect.ok(seen.includes("GET /auth/authorize") && seen.includes("POST /auth/token"), `auth requests (${seen.join(", ")})`);
  // The fixture sandbox's 8 s tokens make fhirclient refresh (without client_id, with rotation) before reading.
  expect.ok(tokenStatuses.length >= 2, `code exchange and at least one refresh (${tokenStatuses.join(", ")})`);
  expect.ok(tokenStatuses.every((s) => s === 200), `every token response 200 (${tokenStatuses.join(", ")})`);
});

test("reference client: standalone launch shows the patient picker and returns with the picked patient", async ({ page, fixture }) => {
  await page.goto(fixture.url);
  await page.getByTestId("standalone-launch").click();
  await page.getByTestId("pick-jp-gastric-l2-icd10").click();
  await page.getByTestId("fixture-status").filter({ hasText: "ready:" }).waitFor({ timeout: 20_000 });
  expect.equal(await page.getByTestId("fixture-patient").innerText(), "jp-gastric-l2-icd10", "picked patient");
  expect.equal(await page.getByTestId("fixture-conditions").innerText(), "3", "Conditions of the picked patient");
});
