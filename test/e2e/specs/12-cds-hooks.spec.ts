/**
 * CDS Hooks in the sandbox EHR: opening a patient's chart (/patient/<id>) makes the EHR's back end call the
 * patient-view hook (prefetch, signed JWT) and show the card; the card's smart link launches the app through the
 * sandbox's EHR launch, and the app shows the same figures as the card (docs/SANDBOX.md, by hand).
 */
import { SCORES_SHOWN, shown } from "../app";
import { cspViolations, expect, test } from "../fixtures";

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
  test(`CDS Hooks: ${c.id}'s chart shows the card, and its link launches the app with the same figures`, async ({
    page,
    sandbox,
    problems,
    saveScreenshot,
  }) => {
    await page.goto(sandbox.url);
    await page.getByTestId(`chart-${c.id}`).click();
    await page.waitForURL((u) => u.pathname === `/patient/${c.id}`, { timeout: 30_000 });
    const card = page.getByTestId("cds-card");
    expect(await card.count(), "cards on the chart").toBe(1);
    expect(await shown(page, "cds-card-summary"), "card summary").toBe(c.summary);
    expect(await card.getAttribute("data-indicator"), "card indicator").toBe(c.indicator);
    const detail = (await shown(page, "cds-card-detail")) ?? "";
    expect(detail, `detail names the study population (${detail})`).toContain("Study population");
    expect(await shown(page, "cds-card-source"), "card source").toContain("Segi et al., Global Spine J 2025");
    expect(await page.locator("script").count(), "scripts on the EHR chart page").toBe(0);
    await saveScreenshot(`cds-card-${c.id}`);

    const link = page.getByTestId("cds-card-link");
    const href = new URL((await link.getAttribute("href")) ?? "", sandbox.url);
    expect(href.pathname, "the smart link goes to the app's launch page").toBe("/app/launch.html");
    expect(href.searchParams.get("iss"), "the EHR adds iss").toBe(sandbox.fhirBase);
    expect(href.searchParams.get("launch"), "the EHR adds launch").toBeTruthy();
    const token = page.waitForResponse((r) => r.url().endsWith("/auth/token"), { timeout: 30_000 });
    await link.click();
    await page.waitForURL((u) => u.pathname === "/app/index.html", { timeout: 30_000 });
    expect((await token).status(), "token endpoint status (SMART EHR launch)").toBe(200);
    await page.locator(SCORES_SHOWN).first().waitFor({ timeout: 30_000 });
    await page.getByTestId("sins-card").waitFor({ timeout: 30_000 }); // the cards follow the strip by a frame
    expect(await shown(page, c.sins[0]), `app ${c.sins[0]}`).toBe(c.sins[1]);
    expect(await shown(page, c.tokuhashi[0]), `app ${c.tokuhashi[0]}`).toBe(c.tokuhashi[1]);
    expect(cspViolations(problems), "CSP violations").toEqual([]);
  });
}

test("CDS Hooks: discovery is served on the sandbox's origin", async ({ page, sandbox }) => {
  const res = await page.request.get(new URL("/cds-services", sandbox.url).href);
  expect(res.status(), "discovery status").toBe(200);
  const doc = (await res.json()) as { services: { id: string; hook: string }[] };
  expect(doc.services.map((s) => `${s.hook} ${s.id}`).join(), "services").toBe("patient-view spine-met-qol");
});
