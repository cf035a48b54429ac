/**
 * Small screens (issue 14, item 8): on a 390 px phone, a 768 px tablet and a 1024 × 768 clinic PC, the clinician's
 * view never scrolls sideways — no element reaches past the window's width.
 */
import { launchPatient } from "../app";
import { expect, test } from "../fixtures";

for (const [width, height] of [
  [390, 844],
  [768, 1024],
  [1024, 768],
] as const) {
  test(`small screens: at ${width} × ${height} nothing scrolls sideways`, async ({ page, sandbox }) => {
    await page.setViewportSize({ width, height });
    await launchPatient(page, sandbox, "breast-t11-t12-complete");
    await page.getByTestId("chart-eq5dIndex").waitFor({ timeout: 30_000 });
    const layout = await page.evaluate(() => {
      const w = document.documentElement.clientWidth;
      const past = Array.from(document.querySelectorAll("body *"))
        .filter((el) => el.getBoundingClientRect().right > w + 1)
        .slice(0, 5)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}.${String((el as HTMLElement).className)} right ${Math.round(el.getBoundingClientRect().right)}`,
        );
      return { scrollWidth: document.documentElement.scrollWidth, clientWidth: w, past };
    });
    expect(layout.past.join("; "), `elements past the right edge at ${width} px`).toBe("");
    expect(layout.scrollWidth, `page width ${layout.scrollWidth} ≤ window ${layout.clientWidth}`).toBeLessThanOrEqual(
      layout.clientWidth,
    );
  });
}
