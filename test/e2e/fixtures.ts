/**
 * The browser specs' `test` and `expect` (@playwright/test), with what every test gets besides Playwright's own
 * `page`, `context` and `browser` (a fresh context per test, 1280 × 900, en-GB: playwright.config.ts):
 * `sandbox`, `fixture` and `distDir` (global-setup.ts starts the sandboxes once per run), `problems` and
 * `saveScreenshot`.
 *
 * `problems` is automatic: every page is watched, and a test fails when its page threw an uncaught error, broke the
 * Content-Security-Policy or logged a console error other than Chromium's "Failed to load resource" line (HTTP
 * errors are the subject of several specs; they are recorded, and a spec checks them itself). A test that provokes
 * such a problem on purpose says so with `allowProblems(/pattern/)`.
 */
import { test as base, expect, type ConsoleMessage, type Page } from "@playwright/test";
import { readSandboxes, type SandboxInfo } from "./sandboxes";

export { expect };

export interface E2eFixtures {
  /**
   * Console errors, page errors, CSP violations and HTTP error responses seen so far in this test's page.
   * Automatic: a page error, a CSP violation or another console error fails the test (see `fatalProblems`).
   */
  problems: string[];
  /**
   * Lets this test's page raise problems matching the pattern without failing the test, for a test that provokes
   * them on purpose (e.g. a request the page's CSP must block). The test checks the outcome itself.
   */
  allowProblems: (pattern: RegExp) => void;
  /** The patterns allowProblems registered (internal). */
  allowedProblems: RegExp[];
  /**
   * Saves a named full-page screenshot into the test's folder under test-results/e2e/; returns its path.
   * (Playwright's own `screenshot` is the option that takes one when a test fails.)
   */
  saveScreenshot: (name: string) => Promise<string>;
}

export interface E2eWorkerFixtures {
  /** The sandbox serving the production build (dist/, or E2E_DIST) at /app/. */
  sandbox: SandboxInfo;
  /** A second sandbox serving a plain fhirclient reference page at /app/ (test/e2e/fixtures/smart-app). */
  fixture: SandboxInfo;
  /** The production build the sandbox serves. */
  distDir: string;
}

/** Records console errors, uncaught page errors, CSP reports and HTTP error responses of a page into `problems`. */
function watchPage(page: Page, problems: string[]): void {
  page.on("console", (msg: ConsoleMessage) => {
    if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  // Chromium's "Failed to load resource" console line has no URL: name the request here.
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`http: ${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
  });
}

/** Only the Content-Security-Policy violations among the problems. */
export function cspViolations(problems: readonly string[]): string[] {
  return problems.filter((p) => /Content Security Policy/i.test(p));
}

/**
 * The problems that fail a test by themselves: uncaught page errors, CSP violations and console errors, except
 * Chromium's "Failed to load resource" line for an HTTP error (recorded as `http: …` and checked by the specs).
 */
function fatalProblems(problems: readonly string[]): string[] {
  return problems.filter(
    (p) => p.startsWith("pageerror:") || (p.startsWith("console:") && !/^console: Failed to load resource\b/.test(p)),
  );
}

/** Parameters of a URL that must never carry credentials once the app has started. */
export const SECRET_PARAMS = ["code", "access_token", "id_token", "refresh_token", "token"];

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);

export const test = base.extend<E2eFixtures, E2eWorkerFixtures>({
  sandbox: [async ({}, use) => use(readSandboxes().sandbox), { scope: "worker" }],
  fixture: [async ({}, use) => use(readSandboxes().fixture), { scope: "worker" }],
  distDir: [async ({}, use) => use(readSandboxes().distDir), { scope: "worker" }],
  allowedProblems: async ({}, use) => use([]),
  allowProblems: async ({ allowedProblems }, use) => use((pattern) => void allowedProblems.push(pattern)),
  problems: [
    async ({ page, allowedProblems }, use, testInfo) => {
      const problems: string[] = [];
      watchPage(page, problems);
      await use(problems);
      if (problems.length > 0)
        await testInfo.attach("page problems", { body: problems.join("\n"), contentType: "text/plain" });
      // After a failure the test's own error says more; the problems are attached either way.
      if (testInfo.status === testInfo.expectedStatus) {
        const fatal = fatalProblems(problems).filter((p) => !allowedProblems.some((re) => re.test(p)));
        expect(fatal, "uncaught page errors, CSP violations and console errors").toEqual([]);
      }
    },
    { auto: true },
  ],
  saveScreenshot: async ({ page }, use, testInfo) => {
    await use(async (name) => {
      const path = testInfo.outputPath(`${slug(name)}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    });
  },
});
