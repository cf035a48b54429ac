/**
 * The app's production build behind the sandbox: the EHR launch goes through the authorization server and comes
 * back to /app/index.html with no code or token in the address bar; the debug launch uses the open server;
 * the pages carry a CSP without inline scripts. (The clinical full-flow specs are added by the app's authors.)
 */
import type { Page, Response } from "@playwright/test";
import type { SandboxInfo } from "../sandboxes";
import { cspViolations, expect, SECRET_PARAMS, test } from "../fixtures";

/** The requests the page sends to the authorization server, as "METHOD /auth/…", in order. */
function authRequests(page: Page): string[] {
  const auth: string[] = [];
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith("/auth/")) auth.push(`${r.method()} ${u.pathname}`);
  });
  return auth;
}

/**
 * Clicks a launch link (its test id) on the sandbox EHR page and waits for /app/index.html; returns the requests
 * sent to the authorization server meanwhile and the first response `watch` picks, caught from before the click.
 */
async function launchWatching(
  page: Page,
  sandbox: SandboxInfo,
  link: string,
  watch: (r: Response) => boolean,
): Promise<{ auth: string[]; watched: Response }> {
  const auth = authRequests(page);
  await page.goto(sandbox.url);
  const watched = page.waitForResponse(watch, { timeout: 30_000 });
  await page.getByTestId(link).click();
  await page.waitForURL((u) => u.pathname === "/app/index.html", { timeout: 30_000 });
  return { auth, watched: await watched };
}

test("app: EHR launch → authorize → back on /app/index.html with no code or token in the URL", async ({
  page,
  sandbox,
  problems,
}) => {
  const { auth, watched: token } = await launchWatching(page, sandbox, "launch-fig2-cervical-c3", (r) =>
    r.url().endsWith("/auth/token"),
  );
  expect(token.status(), "token endpoint status").toBe(200);
  const fhir = await page.waitForResponse(
    (r) => new URL(r.url()).pathname.startsWith("/fhir/") && r.request().method() === "GET",
    { timeout: 30_000 },
  );
  expect(fhir.status(), `first FHIR read status ${fhir.status()} ${fhir.url()}`).toBeLessThan(400);
  const url = new URL(page.url());
  for (const p of SECRET_PARAMS) expect(url.searchParams.get(p), `URL parameter ${p}`).toBe(null);
  expect(auth, `authorize request (${auth.join(", ")})`).toContain("GET /auth/authorize");
  expect(cspViolations(problems), "CSP violations").toEqual([]);
});

test("app: debug launch reads the open server without the authorization server", async ({
  page,
  sandbox,
  problems,
}) => {
  const { auth, watched: first } = await launchWatching(page, sandbox, "debug-launch-fig4-tlls-l1", (r) =>
    new URL(r.url()).pathname.startsWith("/open/fhir/"),
  );
  expect(first.status(), `open-server read status ${first.status()} ${first.url()}`).toBeLessThan(400);
  expect(auth.length, "requests to the authorization server").toBe(0);
  expect(cspViolations(problems), "CSP violations").toEqual([]);
});

test("app: index.html and launch.html are served with a CSP header that allows no inline script", async ({
  page,
  sandbox,
}) => {
  for (const path of ["/app/index.html", "/app/launch.html"]) {
    const res = await page.request.get(new URL(path, sandbox.url).href);
    expect(res.status(), `${path} status`).toBe(200);
    const csp = res.headers()["content-security-policy"] ?? "";
    expect(csp, `${path} script-src 'self' (${csp})`).toMatch(/script-src 'self'(;|$)/);
    expect(!csp.includes("unsafe-inline") && !csp.includes("unsafe-eval"), `${path} no unsafe-* (${csp})`).toBeTruthy();
    const html = await res.text();
    expect((html.match(/<script(?![^>]*\bsrc=)[^>]*>/gi) ?? []).length, `${path} inline scripts`).toBe(0);
  }
});
