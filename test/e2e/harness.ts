/**
 * A small browser-test harness (no test framework): specs register tests with `test()`, the runner
 * (test/e2e/run.ts) starts the sandbox and Chromium once, gives every test a fresh browser context and page,
 * saves a screenshot per test to test-results/e2e/, and prints one line per test and a closing line
 * "N passed, M failed".
 */
import type { Browser, BrowserContext, ConsoleMessage, Page } from "playwright-core";
import type { Sandbox } from "../../sandbox/server";

export interface E2eContext {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** The sandbox serving the production build (dist/) at /app/. */
  sandbox: Sandbox;
  /** A second sandbox serving a plain fhirclient reference page at /app/ (test/e2e/fixtures/smart-app). */
  fixture: Sandbox;
  /** The production build the sandbox serves (dist/, or --dist). */
  distDir: string;
  /** Console errors, page errors, CSP violations and HTTP error responses seen so far in this test. */
  problems: string[];
  /** Saves a named screenshot of the page (the runner also takes one at the end of every test). */
  screenshot(name: string): Promise<string>;
}

export interface E2eTest {
  name: string;
  file: string;
  timeoutMs: number;
  fn: (t: E2eContext) => Promise<void>;
}

export const tests: E2eTest[] = [];
let currentFile = "";

export function setCurrentFile(file: string): void {
  currentFile = file;
}

export function test(name: string, fn: (t: E2eContext) => Promise<void>, opts: { timeoutMs?: number } = {}): void {
  tests.push({ name, file: currentFile, fn, timeoutMs: opts.timeoutMs ?? 60_000 });
}

export class AssertionError extends Error {}

/** Minimal assertions with readable messages. */
export const expect = {
  equal<T>(actual: T, expected: T, what: string): void {
    if (actual !== expected) throw new AssertionError(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  },
  ok(value: unknown, what: string): void {
    if (!value) throw new AssertionError(`${what}: expected a truthy value, got ${JSON.stringify(value)}`);
  },
  sameMembers(actual: readonly string[], expected: readonly string[], what: string): void {
    const a = [...actual].sort();
    const e = [...expected].sort();
    if (JSON.stringify(a) !== JSON.stringify(e)) throw new AssertionError(`${what}: expected ${JSON.stringify(e)}, got ${JSON.stringify(a)}`);
  },
  none(values: readonly string[], what: string): void {
    if (values.length > 0) throw new AssertionError(`${what}:\n  ${values.join("\n  ")}`);
  },
};

/** Records console errors, uncaught page errors, CSP reports and HTTP error responses of a page into `problems`. */
export function watchPage(page: Page, problems: string[]): void {
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

/** Parameters of a URL that must never carry credentials once the app has started. */
export const SECRET_PARAMS = ["code", "access_token", "id_token", "refresh_token", "token"];
