/**
 * Debian's Chromium as the browser suite (playwright.config.ts) and the bench (bench/browser.ts) launch it: the
 * system browser (/usr/bin/chromium, or CHROMIUM_PATH), never one Playwright downloads, headless, without the
 * background work that would add noise to a measurement.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
