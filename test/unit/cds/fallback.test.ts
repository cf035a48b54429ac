/**
 * The fetch fallback against a real sandbox (startSandbox on port 0) with an access token its SMART server
 * minted (EHR launch + PKCE, as test/unit/sandbox does), and the sandbox's own mounted service and chart page.
 */
import { http, passthrough } from "msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCdsService, type RunningCdsService } from "../../../src/cds/service";
import { startSandbox, type Sandbox } from "../../../sandbox/server";
import { encodeLaunch } from "../../../sandbox/smart";
import { server } from "../../setup/msw-server";
import { login, pkce } from "../sandbox/helpers";
import { allowLoopback, cardsOf, config, golden, hookBody, post, prefetchOf, SERVICE_ID } from "./helpers";

allowLoopback();

let sb: Sandbox;
let svc: RunningCdsService;
let accessToken = "";
const PATIENT = "fig3-thoracic-t6";
const requested: string[] = [];

beforeAll(async () => {
  // allowLoopback's handler comes with each test; the login here runs before the first one.
  server.use(http.all(/^http:\/\/127\.0\.0\.1:\d+\//, () => passthrough()));
  sb = await startSandbox({ port: 0 });
  const origin = sb.url.replace(/\/$/, "");
  const t = await login({
    origin,
    fhirBase: sb.fhirBase,
    scope: "launch patient/*.read",
    launch: encodeLaunch({ patient: PATIENT }),
    pkce: pkce(),
  });
  accessToken = String(t.access_token);
  const recording: typeof fetch = (input, init) => {
    requested.push(String(input instanceof Request ? input.url : input));
    return fetch(input, init);
  };
  svc = await startCdsService({
    config: config({ allowUnauthenticated: true, fhirServerAllowlist: [sb.fhirBase] }),
    fetchImpl: recording,
  });
}, 60_000); // starting the sandbox (its patients and Questionnaires) takes > 10 s on a busy 2-core machine

afterAll(async () => {
  await svc?.close();
  await sb?.close();
});

const hook = (): string => `${svc.url}/${SERVICE_ID}`;
const auth = (token: string): Record<string, unknown> => ({
  fhirServer: sb.fhirBase,
  fhirAuthorization: {
    access_token: token,
    token_type: "Bearer",
    expires_in: 300,
    scope: "patient/*.read",
    subject: "spine-met-qol-cds",
  },
});

describe("fetch fallback: no prefetch, fhirServer + fhirAuthorization", () => {
  it("fetches everything from the sandbox with the token and gives the hand-computed card (fig3: T6, SINS 1–16, Tokuhashi 1–9)", async () => {
    requested.length = 0;
    const r = await post(hook(), hookBody(PATIENT, undefined, auth(accessToken)));
    expect(r.status).toBe(200);
    const [card] = cardsOf(r);
    expect(card?.summary).toBe("Spinal metastasis T6 · SINS 1–16 · Tokuhashi 1–9 (< 6 months or ≥ 6 months)");
    expect(card?.extension["spine-met-qol"]).toMatchObject({ levels: ["T6"], partial: false, missing: [] });
    expect(requested.every((u) => u.startsWith(`${sb.fhirBase}/`))).toBe(true);
    const paths = requested.map((u) => new URL(u).pathname.replace(/^\/fhir\//, "")).sort();
    expect(paths).toEqual(["Condition", "Observation", `Patient/${PATIENT}`, "Procedure", "QuestionnaireResponse"]);
  });

  it("a complete patient's totals come through the fallback too (breast-t11-t12-complete: SINS 11, Tokuhashi 13)", async () => {
    const r = await post(hook(), hookBody("breast-t11-t12-complete", undefined, auth(accessToken)));
    expect(cardsOf(r)[0]?.summary).toBe(
      "Spinal metastasis T11–T12 · SINS 11 (potentially unstable) · Tokuhashi 13 (≥ 1 year)",
    );
  });

  it("fetches only what the prefetch lacks or had as null", async () => {
    requested.length = 0;
    const g = golden(PATIENT);
    const { observations: _o, ...rest } = prefetchOf(g);
    const r = await post(hook(), hookBody(PATIENT, { ...rest, procedures: null }, auth(accessToken)));
    expect(r.status).toBe(200);
    expect(requested.map((u) => new URL(u).pathname).sort()).toEqual(["/fhir/Observation", "/fhir/Procedure"]);
    expect(cardsOf(r)[0]?.extension["spine-met-qol"].missing).toEqual([]);
  });

  it("a token the FHIR server refuses: the Conditions cannot be had → 412", async () => {
    const r = await post(hook(), hookBody(PATIENT, undefined, auth("not-a-valid-token")));
    expect(r.status).toBe(412);
    expect(r.body.message).toContain("could not be fetched from fhirServer");
  });

  it("next links off the FHIR server are never followed (the token stays on its server)", async () => {
    requested.length = 0;
    const g = golden(PATIENT);
    const conditions = {
      ...(prefetchOf(g).conditions as object),
      link: [{ relation: "next", url: "https://attacker.example/fhir/Condition?page=2" }],
    };
    const r = await post(hook(), hookBody(PATIENT, { ...prefetchOf(g), conditions }, auth(accessToken)));
    expect(r.status).toBe(200);
    expect(requested.some((u) => u.includes("attacker"))).toBe(false);
    expect(cardsOf(r)[0]?.detail).toContain("the Conditions (only the first page was sent)");
  });

  it("a prefetched first page with a next link on the same server is completed from it", async () => {
    requested.length = 0;
    const first = (await (
      await fetch(`${sb.fhirBase}/Observation?patient=breast-t10-long-history&_count=5`, {
        headers: { Authorization: `Bearer ${accessToken}` },
      })
    ).json()) as { link?: { relation: string }[] };
    expect(first.link?.some((l) => l.relation === "next")).toBe(true);
    const g = golden("breast-t10-long-history");
    const r = await post(hook(), hookBody(g.id, { ...prefetchOf(g), observations: first }, auth(accessToken)));
    const [card] = cardsOf(r);
    // Ten pages of five is the service's page cap (fetch.maxPages 10): the first 50 of 2 060 Observations.
    expect(requested.length).toBe(9);
    expect(card?.detail).toContain("the Observations (performance status, palsy) (only the first page was sent)");
  });
});

describe("the sandbox's own service and chart page", () => {
  it("answers at <origin>/cds-services without a token (sandbox only), with the fetch fallback against its own server", async () => {
    const r = await post(
      `${sb.url}cds-services/${SERVICE_ID}`,
      hookBody("jp-gastric-l2-icd10", undefined, auth(accessToken)),
    );
    expect(r.status).toBe(200);
    expect(cardsOf(r)[0]?.summary).toBe("Spinal metastasis L2 · SINS 2–17 · Tokuhashi 0–5 (< 6 months)");
    expect(cardsOf(r)[0]?.links[0]?.url).toBe(`${sb.url}app/launch.html`);
  });

  it("refuses a bad token even there", async () => {
    const r = await post(`${sb.url}cds-services/${SERVICE_ID}`, hookBody(PATIENT, prefetchOf(golden(PATIENT))), {
      Authorization: "Bearer eyJhbGciOiJub25lIn0.e30.",
    });
    expect(r.status).toBe(401);
  });

  it("accepts a JWT signed by the sandbox EHR's key for that exact URL", async () => {
    const url = `${sb.url}cds-services/${SERVICE_ID}`;
    const origin = sb.url.replace(/\/$/, "");
    const jwks = (await (await fetch(`${sb.url}ehr/cds-client-jwks`)).json()) as {
      keys: { kid: string; alg: string; d?: string }[];
    };
    expect(jwks.keys.map((k) => [k.kid, k.alg, k.d])).toEqual([["sandbox-ehr-es384", "ES384", undefined]]);
    const ok = await post(url, hookBody(PATIENT, prefetchOf(golden(PATIENT))), {
      Authorization: `Bearer ${await sb.cds.sign(origin, url)}`,
    });
    expect(ok.status).toBe(200);
    const wrongAud = await post(url, hookBody(PATIENT, prefetchOf(golden(PATIENT))), {
      Authorization: `Bearer ${await sb.cds.sign(origin, `${sb.url}cds-services`)}`,
    });
    expect(wrongAud.status).toBe(401);
  });

  it("the chart page /patient/<id> shows the card, escaped, and its link launches the app through the EHR launch", async () => {
    const res = await fetch(`${sb.url}patient/${PATIENT}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).not.toContain("<script");
    expect(/data-testid="cds-card-summary">([^<]*)</.exec(html)?.[1]).toBe(
      "Spinal metastasis T6 · SINS 1–16 · Tokuhashi 1–9 (&lt; 6 months or ≥ 6 months)",
    );
    const href = /data-testid="cds-card-link" href="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, "&") ?? "";
    const link = new URL(href);
    expect(`${link.origin}${link.pathname}`).toBe(`${sb.url}app/launch.html`);
    expect(link.searchParams.get("iss")).toBe(sb.fhirBase);
    const launch = JSON.parse(Buffer.from(link.searchParams.get("launch") ?? "", "base64url").toString("utf8")) as {
      p: string;
    };
    expect(launch.p).toBe(PATIENT);
    expect(html).toContain('data-indicator="info"');
  });

  it("the patient list links each chart", async () => {
    const html = await (await fetch(sb.url)).text();
    for (const id of sb.patientIds) expect(html).toContain(`data-testid="chart-${id}" href="/patient/${id}"`);
  });

  it("an unknown patient's chart is 404", async () => {
    expect((await fetch(`${sb.url}patient/nobody`)).status).toBe(404);
  });
});
