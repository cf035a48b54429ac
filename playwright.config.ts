/**
 * The browser suite (npm run test:e2e = vite build && playwright test): test/e2e/specs/*.spec.ts in file-name
 * order, one worker, against one sandbox per run (test/e2e/global-setup.ts; the build is dist/ or E2E_DIST) in
 * Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH), never a browser Playwright downloads. The reporter's
 * last line is "N passed, M failed". One spec file or title: npx playwright test -g "<text>".
 */
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./test/e2e/chromium";

export default defineConfig({
  testDir: "test/e2e/specs",
  testMatch: "*.spec.ts",
  // The specs share the sandbox: those that write run after those that read (docs/SANDBOX.md), in file order.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // Per test (a test may set more with test.setTimeout). The axe-core tests take 30–60 s on an idle 2-core machine
  // and over 90 s on a busy one; no assertion is about time here (bench/ measures it).
  timeout: 120_000,
  forbidOnly: true,
  globalSetup: "./test/e2e/global-setup.ts",
  outputDir: "test-results/e2e",
  reporter: [["./test/e2e/reporter.ts"]],
  use: {
    browserName: "chromium",
    headless: true,
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
    viewport: { width: 1280, height: 900 },
    locale: "en-GB",
    screenshot: { mode: "only-on-failure", fullPage: true },
    trace: "off",
    video: "off",
  },
});
