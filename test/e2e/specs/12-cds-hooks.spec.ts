/**
 * CDS Hooks in the sandbox EHR: opening a patient's chart (/patient/<id>) makes the EHR's back end call the
 * patient-view hook (prefetch, signed JWT) and show the card; the card's smart link launches the app through the
 * sandbox's EHR launch, and the app shows the same figures as the card (docs/SANDBOX.md, by hand).
 */
import { SCORES_SHOWN, shown } from "../app";
import { cspViolations, expect, test } from "../harness";

const CASES = [
  {
    id: "fig3-thoracic-t6",
    summary: "Spinal metastasis T6 · SINS 1–16 · Tokuhashi 1–9 (< 6 months or ≥ 6 months)",
    indicator: "info",
    sins: ["sins-range", "1–16"],
    tokuhashi: ["tokuhashi-range", "1–9"],
  },
  {
    id: "breast-t11-t12-complete",
    summary: "Spinal metastasis T11–T12 · SINS 11 (potentially unstable) · Tokuhashi 13 (≥ 1 year)",
    indicator: "warning",
    sins: ["sins-total", "11"],
    tokuhashi: ["tokuhashi-total", "13"],
  },
] as const;

for (const c of CASES) {
  test(`CDS Hooks: ${c.id}'s chart shows the card, and its link launches the app with the same figures`, async ({ page, sandbox, problems, screenshot }) => {
    await page.goto(sandbox.url);
    await page.getByTestId(`chart-${c.id}`).click();
    await page.waitForURL((u) => u.pathname === `/patient/${c.id}`, { timeout: 30_000 });
    const card = page.getByTestId("cds-card");
    expect.equal(await card.count(), 1, "cards on the chart");
    expect.equal(await shown(page, "cds-card-summary"), c.summary, "card summary");
    expect.equal(await card.getAttribute("data-indicator"), c.indicator, "card indicator");
    const detail = (await shown(page, "cds-card-detail")) ?? "";
    expect.ok(detail.includes("Study population"), `detail names the study population (${detail})`);
    expect.ok((await shown(page, "cds-card-source"))?.includes("Segi et al., Global Spine J 2025"), "card source");
    expect.equal(await page.locator("script").count(), 0, "scripts on the EHR chart page");
    await screenshot(`cds-card-${c.id}`);

    const link = page.getByTestId("cds-card-link");
    const href = new URL((await link.getAttribute("href")) ?? "", sandbox.url);
    expect.equal(href.pathname, "/app/launch.html", "the smart link goes to the app's launch page");
    expect.equal(href.searchParams.get("iss"), sandbox.fhirBase, "the EHR adds iss");
    expect.ok(href.searchParams.get("launch"), "the EHR adds launch");
    const token = page.waitForResponse((r) => r.url().endsWith("/auth/token"), { timeout: 30_000 });
    await link.click();
    await page.waitForURL((u) => u.pathname === "/app/index.html", { timeout: 30_000 });
    expect.equal((await token).status(), 200, "token endpoint status (SMART EHR launch)");
    await page.locator(SCORES_SHOWN).first().waitFor({ timeout: 30_000 });
    expect.equal(await shown(page, c.sins[0]), c.sins[1], `app ${c.sins[0]}`);
    expect.equal(await shown(page, c.tokuhashi[0]), c.tokuhashi[1], `app ${c.tokuhashi[0]}`);
    expect.none(cspViolations(problems), "CSP violations");
  });
}

test("CDS Hooks: discovery is served on the sandbox's origin", async ({ page, sandbox }) => {
  const res = await page.request.get(new URL("/cds-services", sandbox.url).href);
  expect.equal(res.status(), 200, "discovery status");
  const doc = (await res.json()) as { services: { id: string; hook: string }[] };
  expect.equal(doc.services.map((s) => `${s.hook} ${s.id}`).join(), "patient-view spine-met-qol", "services");
});
