/**
 * The launch as an attacker tries it (issue 11, items 1–7), against the production build behind the sandbox:
 * an unknown FHIR server answered by a Playwright route inside Chromium, the shipped app-config.json, an `iss`
 * with no SMART authorization under openServerLaunch "off", dot segments past the allowlist, a planted code
 * without state, an authorization error, and what stays in sessionStorage.
 *
 * The sandbox serves the app's pages with a connect-src narrowed to its own origin (as a hospital should), which
 * would block a request to another origin by itself. Where a test is about the app's own checks, that header is
 * taken off the page (the build's <meta> policy, which allows https, stays), so that only the app stands between
 * the launch and the attacker's server — and a control run with issAllowlist "any" shows the route would see it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page, Request, Route } from "@playwright/test";
import { appConfigWith } from "../app";
import { expect, test } from "../fixtures";

const EVIL = "https://evil.example";

/** Serves this app-config.json to the page instead of the sandbox's. */
async function appConfig(page: Page, config: Record<string, unknown>): Promise<void> {
  await page.route(
    (u) => u.pathname === "/app/app-config.json",
    (route: Route) => route.fulfill({ json: config }),
  );
}

/** Takes the sandbox's narrowed CSP header off the app's pages: the app's own checks are under test. */
async function withoutHeaderPolicy(page: Page): Promise<void> {
  await page.route(
    (u) => u.pathname === "/app/launch.html" || u.pathname === "/app/index.html",
    async (route: Route) => {
      const res = await route.fetch();
      const headers = { ...res.headers() };
      delete headers["content-security-policy"];
      await route.fulfill({ response: res, headers });
    },
  );
}

/** An attacker's SMART server on another origin: discovery, authorize page, token, a fabricated patient. */
async function attackerServer(page: Page, origin: string, opts: { smart: boolean }): Promise<string[]> {
  const seen: string[] = [];
  await page.route(`${origin}/**`, async (route: Route) => {
    const req = route.request();
    const u = new URL(req.url());
    seen.push(`${req.method()} ${u.pathname}`);
    const cors = { "access-control-allow-origin": "*", "access-control-allow-headers": "*" };
    if (req.method() === "OPTIONS") return route.fulfill({ status: 204, headers: cors });
    if (u.pathname.endsWith("/.well-known/smart-configuration")) {
      if (!opts.smart) return route.fulfill({ status: 404, headers: cors, body: "" });
      return route.fulfill({
        headers: cors,
        json: {
          authorization_endpoint: `${origin}/authorize`,
          token_endpoint: `${origin}/token`,
          code_challenge_methods_supported: ["S256"],
          capabilities: ["launch-ehr", "client-public"],
        },
      });
    }
    if (u.pathname.endsWith("/metadata")) {
      return route.fulfill({
        headers: cors,
        json: { resourceType: "CapabilityStatement", status: "active", kind: "instance", fhirVersion: "4.0.1" },
      });
    }
    if (u.pathname === "/authorize")
      return route.fulfill({
        contentType: "text/html",
        body: "<title>attacker</title><h1>attacker's sign-in page</h1>",
      });
    if (u.pathname.includes("/Patient/"))
      return route.fulfill({
        headers: cors,
        json: { resourceType: "Patient", id: "forged", name: [{ text: "Forged Patient" }] },
      });
    return route.fulfill({ headers: cors, json: { resourceType: "Bundle", type: "searchset", entry: [] } });
  });
  return seen;
}

/** The launch page's message once it has given up. */
async function launchRefusal(page: Page): Promise<string> {
  const status = page.locator('#launch-status[role="alert"]');
  await status.waitFor({ timeout: 15_000 });
  return (await status.innerText()).replace(/\s+/g, " ");
}

/** Requests the page makes to the sandbox outside the app's own files, as "METHOD /path". */
function sandboxRequests(page: Page, sandboxUrl: string): string[] {
  const origin = new URL(sandboxUrl).origin;
  const seen: string[] = [];
  page.on("request", (r: Request) => {
    const u = new URL(r.url());
    if (u.origin === origin && !u.pathname.startsWith("/app/")) seen.push(`${r.method()} ${u.pathname}`);
  });
  return seen;
}

test("launch safety: the shipped app-config.json refuses every server and tells the installer what to set", async ({
  page,
  sandbox,
  distDir,
}) => {
  const shipped = JSON.parse(readFileSync(join(distDir, "app-config.json"), "utf8")) as Record<string, unknown>;
  expect(JSON.stringify(shipped.issAllowlist), "the shipped allowlist").toBe("[]");
  await appConfig(page, shipped);
  const requests = sandboxRequests(page, sandbox.url);
  await page.goto(sandbox.url);
  requests.length = 0;
  await page.getByTestId("launch-fig2-cervical-c3").click();
  const text = await launchRefusal(page);
  expect(text, `refusal (${text})`).toContain("has no FHIR server configured, so it refuses every launch");
  expect(text, `what to set (${text})`).toContain('list the EHR\'s FHIR base URL in "issAllowlist" in app-config.json');
  expect(requests.join(", "), "requests to the sandbox's FHIR or authorization server").toBe("");
  expect(new URL(page.url()).pathname, "the page stays on launch.html").toBe("/app/launch.html");
});

test('launch safety: an attacker\'s iss gets no discovery, no redirect and no verifier (control: issAllowlist "any")', async ({
  page,
  sandbox,
}) => {
  await withoutHeaderPolicy(page);
  const evil = await attackerServer(page, EVIL, { smart: true });
  const launch = `${sandbox.url}app/launch.html?iss=${encodeURIComponent(`${EVIL}/fhir`)}&launch=x`;

  await page.goto(launch);
  const text = await launchRefusal(page);
  expect(text, `refusal (${text})`).toContain(`not set up for the FHIR server ${EVIL}/fhir`);
  expect(evil.join(", "), "requests to the attacker's server").toBe("");
  expect(new URL(page.url()).origin, "still on the app's origin").toBe(new URL(sandbox.url).origin);

  // Control: where an installer chose "any", the same link reaches the attacker — the route above would see it.
  await page.unroute((u) => u.pathname === "/app/app-config.json");
  await appConfigWith(page, { issAllowlist: "any" });
  await page.goto(launch);
  await page.waitForURL((u) => u.origin === EVIL, { timeout: 15_000 });
  expect(
    evil.includes("GET /fhir/.well-known/smart-configuration") && evil.includes("GET /authorize"),
    `control run reached the attacker (${evil.join(", ")})`,
  ).toBeTruthy();
});

test('launch safety: an iss without SMART authorization is an open server, refused under openServerLaunch "off"', async ({
  page,
  sandbox,
}) => {
  await withoutHeaderPolicy(page);
  const open = "https://open.example";
  const seen = await attackerServer(page, open, { smart: false });
  await appConfigWith(page, {
    issAllowlist: [`${sandbox.url}fhir`, `${open}/fhir`],
    openServerLaunch: "off",
  });

  await page.goto(`${sandbox.url}app/launch.html?iss=${encodeURIComponent(`${open}/fhir`)}&launch=x`);
  const text = await launchRefusal(page);
  expect(text, `refusal (${text})`).toContain(
    `Launching without authorization (fhirServiceUrl) is not allowed for ${open}/fhir`,
  );
  expect(
    seen.some((s) => s.includes("/Patient")),
    `no patient read (${seen.join(", ")})`,
  ).toBeFalsy();
  expect(new URL(page.url()).pathname, "no redirect into the app").toBe("/app/launch.html");
  const state = await page.evaluate(() => sessionStorage.getItem("SMART_KEY"));
  expect(state, "fhirclient's launch state is removed").toBe(null);

  // patientId in an iss launch is refused before any request.
  seen.length = 0;
  await page.goto(`${sandbox.url}app/launch.html?iss=${encodeURIComponent(`${open}/fhir`)}&patientId=forged`);
  const forged = await launchRefusal(page);
  expect(forged, `patientId refused (${forged})`).toContain('The launch address carries "patientId"');
  expect(seen.join(", "), "requests after a patientId in the address").toBe("");
});

test("launch safety: dot segments past the allowlist (raw or encoded) are refused before discovery", async ({
  page,
  sandbox,
}) => {
  const requests = sandboxRequests(page, sandbox.url);
  const origin = new URL(sandbox.url).origin;
  for (const iss of [`${origin}/fhir/../auth`, `${origin}/fhir/%2e%2e/auth`, `${origin}/fhir/%2E%2E/%2e%2e/auth`]) {
    requests.length = 0;
    await page.goto(`${sandbox.url}app/launch.html?iss=${encodeURIComponent(iss)}&launch=x`);
    const text = await launchRefusal(page);
    expect(text, `${iss} refused (${text})`).toContain("is not a valid http(s) URL");
    expect(requests.join(", "), `requests for ${iss}`).toBe("");
  }
});

test("launch safety: a code without state starts no token exchange", async ({ page, sandbox }) => {
  const requests = sandboxRequests(page, sandbox.url);
  await page.route(
    (u) => u.pathname === "/auth/authorize",
    (route: Route) =>
      route.fulfill({ status: 302, headers: { location: `${sandbox.url}app/index.html?code=planted-code` } }),
  );
  await page.goto(sandbox.url);
  await page.getByTestId("launch-fig2-cervical-c3").click();
  await page.getByTestId("fault-state-missing").waitFor({ timeout: 15_000 });
  expect(requests, `no token request (${requests.join(", ")})`).not.toContain("POST /auth/token");
  expect(
    requests.some((r) => r.includes("/fhir/Patient")),
    "no patient read",
  ).toBeFalsy();
});

test("launch safety: an authorization error shows its code and description", async ({ page, sandbox }) => {
  await page.route(
    (u) => u.pathname === "/auth/authorize",
    (route: Route) => {
      const state = new URL(route.request().url()).searchParams.get("state") ?? "";
      const back = new URL("app/index.html", sandbox.url);
      back.searchParams.set("error", "access_denied");
      back.searchParams.set("error_description", "The user declined <b>access</b>");
      back.searchParams.set("state", state);
      return route.fulfill({ status: 302, headers: { location: back.href } });
    },
  );
  await page.goto(sandbox.url);
  await page.getByTestId("launch-fig2-cervical-c3").click();
  const fault = page.getByTestId("fault-authorization-denied");
  await fault.waitFor({ timeout: 15_000 });
  const text = (await page.getByTestId("oauth-error").innerText()).replace(/\s+/g, " ");
  expect(text, "the OAuth error on the fault page").toBe(
    "The authorization server answered: access_denied Its explanation: “The user declined <b>access</b>”",
  );
  expect(await fault.locator("b").count(), "the description is text, not HTML").toBe(0);
  expect(new URL(page.url()).search, "no error or state left in the address bar").toBe("");
  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }));
  expect(stored, "the refused launch's state (PKCE verifier) is not kept").not.toContain("codeVerifier");
  expect(await page.evaluate(() => sessionStorage.getItem("SMART_KEY"))).toBeNull();
});

test("launch safety: only the scopes used are asked for; no PKCE verifier stays in sessionStorage", async ({
  page,
  sandbox,
}) => {
  const authorize = page.waitForRequest((r) => new URL(r.url()).pathname === "/auth/authorize", { timeout: 30_000 });
  await page.goto(sandbox.url);
  await page.getByTestId("launch-fig2-cervical-c3").click();
  const scope = new URL((await authorize).url()).searchParams.get("scope") ?? "";
  expect(scope, "scopes of an EHR launch").toBe(
    "openid fhirUser launch patient/Patient.read patient/Condition.read patient/Observation.read patient/Procedure.read patient/QuestionnaireResponse.read patient/QuestionnaireResponse.write online_access",
  );
  await page.waitForURL((u) => u.pathname === "/app/index.html", { timeout: 30_000 });
  await page
    .locator('[data-testid="tokuhashi-total"], [data-testid="tokuhashi-range"]')
    .first()
    .waitFor({ timeout: 30_000 });
  const stored = await page.evaluate(() =>
    Object.keys(sessionStorage)
      .map((k) => `${k}=${sessionStorage.getItem(k) ?? ""}`)
      .join("\n"),
  );
  expect(stored, "the token is where fhirclient keeps it").toContain("access_token");
  expect(
    !stored.includes("codeVerifier") && !/"codeChallenge"/.test(stored),
    "no PKCE verifier or challenge after the exchange",
  ).toBeTruthy();
  const local = await page.evaluate(() => localStorage.length);
  expect(local, "localStorage entries").toBe(0);
});

test("launch safety: the app's pages carry frame-ancestors, no-referrer and a connect-src narrowed to the FHIR origin", async ({
  page,
  sandbox,
  allowProblems,
}) => {
  for (const path of ["app/launch.html", "app/index.html"]) {
    const res = await page.request.get(new URL(path, sandbox.url).href);
    const h = res.headers();
    const csp = h["content-security-policy"] ?? "";
    expect(csp, `${path} connect-src 'self' only (${csp})`).toMatch(/(^|; )connect-src 'self'(;|$)/);
    expect(csp, `${path} frame-ancestors (${csp})`).toMatch(/(^|; )frame-ancestors 'self'(;|$)/);
    expect(h["referrer-policy"], `${path} Referrer-Policy`).toBe("no-referrer");
  }
  // And the header policy holds on its own: a request to another origin, which would be answered, is blocked.
  allowProblems(/evil\.example.* Content Security Policy/);
  const evil = await attackerServer(page, EVIL, { smart: true });
  const blocked = await (async () => {
    await page.goto(`${sandbox.url}app/launch.html`);
    return page.evaluate(async (url) => {
      try {
        await fetch(url);
        return false;
      } catch {
        return true;
      }
    }, `${EVIL}/fhir/metadata`);
  })();
  expect(blocked, "fetch to another origin blocked by the page's policy").toBeTruthy();
  expect(evil.join(", "), "requests that reached the other origin").toBe("");
});
