/**
 * The browser suite's reporter (playwright.config.ts): one line per test as it ends ("✓ file › title (ms)", or
 * "✗ …" with the error, the page's problems and the failure screenshot), and last, always, the line
 * "N passed, M failed" (preceded by "K skipped" when a test was skipped). An error outside the tests (the global
 * setup, a spec that does not load) counts as a failure, so a run that tested nothing never reads "0 failed".
 */
import { basename, relative } from "node:path";
import type {
  FullConfig,
  FullResult,
  Reporter,
  Suite,
  TestCase,
  TestError,
  TestResult,
} from "@playwright/test/reporter";
import { E2E_SANDBOXES, type E2eSandboxes } from "./sandboxes";

// eslint-disable-next-line no-control-regex -- the ANSI colour codes Playwright puts in its error messages
const plain = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, "");
const indent = (s: string, pad: string): string => s.split("\n").join(`\n${pad}`);

export default class E2eReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  private skipped = 0;
  /** Paths are printed relative to where the run started (the repository root for npm run test:e2e). */
  private readonly cwd = process.cwd();

  printsToStdio(): boolean {
    return true;
  }

  onBegin(_config: FullConfig, suite: Suite): void {
    const raw = process.env[E2E_SANDBOXES];
    const where = raw
      ? ((s: E2eSandboxes) => `sandbox ${s.sandbox.url} · fixture ${s.fixture.url} · `)(JSON.parse(raw) as E2eSandboxes)
      : "";
    console.log(`e2e: ${where}${suite.allTests().length} tests`);
  }

  onStdOut(chunk: string | Buffer): void {
    process.stdout.write(chunk);
  }

  onStdErr(chunk: string | Buffer): void {
    process.stderr.write(chunk);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const name = `${basename(test.location.file)} › ${test.titlePath().slice(3).join(" › ")}`;
    const outcome = test.outcome();
    if (outcome === "skipped") {
      this.skipped += 1;
      console.log(`  - ${name} (skipped)`);
      return;
    }
    if (outcome === "expected" || outcome === "flaky") {
      this.passed += 1;
      console.log(`  ✓ ${name} (${result.duration} ms)`);
      return;
    }
    this.failed += 1;
    console.log(`  ✗ ${name} (${result.duration} ms, ${result.status})`);
    for (const error of result.errors) console.log(`      ${indent(this.describe(error), "      ")}`);
    for (const a of result.attachments) {
      if (a.name === "page problems" && a.body) {
        const lines = a.body.toString("utf8").split("\n");
        console.log(
          `      page problems:\n        ${lines.slice(0, 10).join("\n        ")}${lines.length > 10 ? `\n        … ${lines.length - 10} more` : ""}`,
        );
      }
      if (a.contentType === "image/png" && a.path) console.log(`      screenshot: ${relative(this.cwd, a.path)}`);
    }
  }

  onError(error: TestError): void {
    this.failed += 1;
    console.log(`e2e run failed: ${indent(this.describe(error), "  ")}`);
  }

  onEnd(result: FullResult): void {
    if (result.status === "interrupted" || result.status === "timedout") console.log(`e2e run ${result.status}`);
    if (this.skipped > 0) console.log(`${this.skipped} skipped`);
    console.log(`${this.passed} passed, ${this.failed} failed`);
  }

  private describe(error: TestError): string {
    const message = plain(error.message ?? error.value ?? "unknown error");
    const at = error.location ? `\nat ${relative(this.cwd, error.location.file)}:${error.location.line}` : "";
    return `${message}${at}`;
  }
}
