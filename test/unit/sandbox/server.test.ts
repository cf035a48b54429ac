/**
 * The sandbox FHIR server over HTTP: metadata, CORS, bare-id reference searches, paging links, conditional
 * create, OperationOutcome errors, the open and the protected base, the EHR page and the app's static files.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { get as httpGet } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Bundle, CapabilityStatement, Observation, OperationOutcome, Patient } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../../sandbox/server";
import { allowLoopback, getJson } from "./helpers";

allowLoopback();

let sb: Sandbox;
let dist: string;
const APP_CSP = "default-src 'self'; script-src 'self'; connect-src 'self'";

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), "sandbox-dist-"));
  writeFileSync(
    join(dist, "index.html"),
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${APP_CSP}"><title>app</title></head><body></body></html>`,
  );
  writeFileSync(join(dist, "launch.html"), "<!doctype html><title>launch</title>");
  writeFileSync(join(dist, "app-config.json"), JSON.stringify({ clientId: "spine-met-qol" }));
  sb = await startSandbox({ port: 0, distDir: dist, defaultPageSize: 20 });
}, 120_000);

afterAll(async () => {
  await sb?.close();
  rmSync(dist, { recursive: true, force: true });
});

const open = (path: string): string => `${sb.openFhirBase}/${path}`;
const origin = (): string => sb.url.replace(/\/$/, "");

describe("start-up", () => {
  it("loads every synthetic patient without a refused entry", () => {
    expect(sb.loadErrors).toEqual([]);
    expect(sb.patientIds.length).toBeGreaterThanOrEqual(10);
    expect(sb.patientIds).toContain("fig2-cervical-c3");
    expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(sb.fhirBase).toBe(`${origin()}/fhir`);
    expect(sb.openFhirBase).toBe(`${origin()}/open/fhir`);
  });
});

describe("metadata", () => {
  it("advertises SMART oauth-uris and the search parameters on the protected base, without a token", async () => {
    const { status, headers, body } = await getJson(`${sb.fhirBase}/metadata`);
    expect(status).toBe(200);
    expect(headers.get("content-type")).toMatch(/^application\/fhir\+json/);
    const cs = body as unknown as CapabilityStatement;
    expect(cs.resourceType).toBe("CapabilityStatement");
    expect(cs.fhirVersion).toBe("4.0.1");
    const rest = cs.rest?.[0];
    const oauth = rest?.security?.extension?.find((e) => e.url.endsWith("/oauth-uris"));
    const uri = (n: string): string | undefined => oauth?.extension?.find((e) => e.url === n)?.valueUri;
    expect(uri("authorize")).toBe(`${origin()}/auth/authorize`);
    expect(uri("token")).toBe(`${origin()}/auth/token`);
    expect(rest?.security?.service?.[0]?.coding?.[0]?.code).toBe("SMART-on-FHIR");
    const obs = rest?.resource?.find((r) => r.type === "Observation");
    const names = obs?.searchParam?.map((p) => p.name) ?? [];
    expect(names).toEqual(expect.arrayContaining(["patient", "subject", "code", "date", "category"]));
    expect(obs?.searchParam?.find((p) => p.name === "code")?.type).toBe("token");
    expect(rest?.resource?.find((r) => r.type === "QuestionnaireResponse")?.conditionalCreate).toBe(true);
  });

  it("describes the open base without SMART security", async () => {
    const { body } = await getJson(open("metadata"));
    const cs = body as unknown as CapabilityStatement;
    expect(cs.rest?.[0]?.security?.extension).toBeUndefined();
    expect(cs.implementation?.url).toBe(sb.openFhirBase);
  });
});

describe("CORS", () => {
  it("answers a preflight for Authorization, If-None-Exist and Content-Type", async () => {
    const res = await fetch(`${sb.fhirBase}/QuestionnaireResponse`, {
      method: "OPTIONS",
      headers: {
        Origin: "http://localhost:5173",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,if-none-exist,content-type",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    const allowed = (res.headers.get("access-control-allow-headers") ?? "").toLowerCase();
    for (const h of ["authorization", "if-none-exist", "content-type"]) expect(allowed).toContain(h);
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
  });

  it("sends Access-Control-Allow-Origin and exposes Location on responses", async () => {
    const res = await fetch(open("Patient/fig2-cervical-c3"), { headers: { Origin: "http://localhost:5173" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(res.headers.get("access-control-expose-headers")).toContain("Location");
  });
});

describe("search", () => {
  it.each([
    ["patient=<bare id>", "patient=fig2-cervical-c3"],
    ["subject=<bare id>", "subject=fig2-cervical-c3"],
    ["subject:Patient=<bare id>", "subject:Patient=fig2-cervical-c3"],
    ["patient=Patient/<id>", "patient=Patient/fig2-cervical-c3"],
    ["an absolute reference to this server", `patient=${encodeURIComponent("PLACEHOLDER/Patient/fig2-cervical-c3")}`],
  ])("finds the patient's QuestionnaireResponses with %s", async (_label, query) => {
    const q = query.replace("PLACEHOLDER", encodeURIComponent(sb.openFhirBase));
    const { status, body } = await getJson(open(`QuestionnaireResponse?${q}`));
    expect(status).toBe(200);
    const bundle = body as unknown as Bundle;
    // Figure 2: five instruments at two timepoints.
    expect(bundle.total).toBe(10);
    expect(
      bundle.entry?.every(
        (e) => (e.resource as { subject?: { reference?: string } }).subject?.reference === "Patient/fig2-cervical-c3",
      ),
    ).toBe(true);
  });

  it("matches a code with system|code for one patient and nobody else's", async () => {
    const q = new URLSearchParams({ patient: "renal-c7-t1-ecog-conflict", code: "http://loinc.org|89247-1" });
    const bundle = (await getJson(open(`Observation?${q.toString()}`))).body as unknown as Bundle<Observation>;
    expect(bundle.total).toBe(2);
    expect(bundle.entry?.map((e) => e.resource?.valueInteger).sort()).toEqual([1, 2]);
  });

  it("adds entry.fullUrl and search.mode", async () => {
    const bundle = (await getJson(open("Condition?patient=fig2-cervical-c3"))).body as unknown as Bundle;
    expect(bundle.entry?.length).toBe(2);
    for (const e of bundle.entry ?? []) {
      expect(e.fullUrl).toBe(`${sb.openFhirBase}/Condition/${e.resource?.id ?? ""}`);
      expect(e.search?.mode).toBe("match");
    }
  });

  it("pages with Bundle.link self/next/previous and every page together is the whole result", async () => {
    const q = new URLSearchParams({ patient: "breast-t10-long-history", _count: "500" });
    let url: string | undefined = open(`Observation?${q.toString()}`);
    const ids = new Set<string>();
    let pages = 0;
    let total: number | undefined;
    while (url) {
      const bundle = (await getJson(url)).body as unknown as Bundle;
      pages += 1;
      total = bundle.total;
      const self = bundle.link?.find((l) => l.relation === "self")?.url;
      expect(self).toBeDefined();
      if (pages > 1) expect(bundle.link?.some((l) => l.relation === "previous")).toBe(true);
      for (const e of bundle.entry ?? []) ids.add(e.resource?.id ?? "");
      url = bundle.link?.find((l) => l.relation === "next")?.url;
      if (url) expect(url.startsWith(`${sb.openFhirBase}/Observation?`)).toBe(true);
      expect(pages).toBeLessThan(20);
    }
    expect(total).toBeGreaterThanOrEqual(2000);
    expect(ids.size).toBe(total);
    expect(pages).toBe(Math.ceil((total ?? 0) / 500));
  });

  it("uses the default page size without _count and caps large _count values", async () => {
    const first = (await getJson(open("Observation?patient=breast-t10-long-history"))).body as unknown as Bundle;
    expect(first.entry?.length).toBe(20);
    const next = first.link?.find((l) => l.relation === "next")?.url ?? "";
    expect(new URL(next).searchParams.get("_offset")).toBe("20");
    const big = (await getJson(open("Observation?patient=breast-t10-long-history&_count=5000")))
      .body as unknown as Bundle;
    expect(big.entry?.length).toBe(1000);
  });

  it("has no next link on the last page", async () => {
    const bundle = (await getJson(open("Condition?patient=hcc-t9-t12-four-levels&_count=50")))
      .body as unknown as Bundle;
    expect(bundle.link?.map((l) => l.relation)).toEqual(["self"]);
  });
});

describe("write", () => {
  const identifier = "https://w3id.org/spine-met-qol/fhir/NamingSystem/questionnaire-response-id";
  const response = (value: string) => ({
    resourceType: "QuestionnaireResponse",
    identifier: { system: identifier, value },
    questionnaire: "https://w3id.org/spine-met-qol/fhir/Questionnaire/pain-vas",
    status: "completed",
    subject: { reference: "Patient/prostate-t8-partial" },
    item: [{ linkId: "pain-vas", answer: [{ valueInteger: 30 }] }],
  });

  it("conditional create: 201 with Location the first time, 200 and the same resource when If-None-Exist matches", async () => {
    const headers = {
      "Content-Type": "application/fhir+json",
      "If-None-Exist": `identifier=${identifier}|unit-test-1`,
    };
    const first = await getJson(open("QuestionnaireResponse"), {
      method: "POST",
      headers,
      body: JSON.stringify(response("unit-test-1")),
    });
    expect(first.status).toBe(201);
    const id = first.body.id as string;
    expect(first.headers.get("location")).toMatch(
      new RegExp(`^${sb.openFhirBase}/QuestionnaireResponse/${id}/_history/`),
    );
    expect(first.headers.get("etag")).toMatch(/^W\/"/);
    const second = await getJson(open("QuestionnaireResponse"), {
      method: "POST",
      headers,
      body: JSON.stringify(response("unit-test-1")),
    });
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(id);
    const found = (
      await getJson(open(`QuestionnaireResponse?identifier=${encodeURIComponent(`${identifier}|unit-test-1`)}`))
    ).body as unknown as Bundle;
    expect(found.total).toBe(1);
  });

  it("a write is visible to the next search (no stale page cache)", async () => {
    const before =
      ((await getJson(open("QuestionnaireResponse?patient=prostate-t8-partial"))).body as unknown as Bundle).total ?? 0;
    const created = await getJson(open("QuestionnaireResponse"), {
      method: "POST",
      headers: { "Content-Type": "application/fhir+json" },
      body: JSON.stringify(response("unit-test-2")),
    });
    expect(created.status).toBe(201);
    const after = ((await getJson(open("QuestionnaireResponse?patient=prostate-t8-partial"))).body as unknown as Bundle)
      .total;
    expect(after).toBe(before + 1);
  });

  it("refuses a conditional create that matches several resources with 412", async () => {
    const headers = { "Content-Type": "application/fhir+json", "If-None-Exist": "patient=fig2-cervical-c3" };
    const res = await getJson(open("QuestionnaireResponse"), {
      method: "POST",
      headers,
      body: JSON.stringify(response("unit-test-3")),
    });
    expect(res.status).toBe(412);
    expect(res.body.resourceType).toBe("OperationOutcome");
  });
});

describe("errors are OperationOutcomes", () => {
  it("404 for an unknown resource", async () => {
    const { status, body } = await getJson(open("Patient/does-not-exist"));
    expect(status).toBe(404);
    expect((body as unknown as OperationOutcome).issue[0]?.code).toBe("not-found");
  });

  it("400 for a body that is not JSON, 415 for another content type", async () => {
    const post = (contentType: string, body: string) =>
      getJson(open("Observation"), { method: "POST", headers: { "Content-Type": contentType }, body });
    const bad = await post("application/fhir+json", "{");
    expect(bad.status).toBe(400);
    expect(bad.body.resourceType).toBe("OperationOutcome");
    const xml = await post("application/fhir+xml", "<Observation/>");
    expect(xml.status).toBe(415);
    expect(xml.body.resourceType).toBe("OperationOutcome");
  });

  it("401 with WWW-Authenticate on the protected base without a token", async () => {
    const { status, headers, body } = await getJson(`${sb.fhirBase}/Patient/fig2-cervical-c3`);
    expect(status).toBe(401);
    expect(headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect(body.resourceType).toBe("OperationOutcome");
  });

  it("400 for a Host header that is not loopback (DNS rebinding)", async () => {
    const http = await import("node:http");
    const status = await new Promise<number>((ok, fail) => {
      const req = http.request(`${sb.fhirBase}/metadata`, { headers: { Host: "evil.example:80" } }, (res) => {
        res.resume();
        ok(res.statusCode ?? 0);
      });
      req.on("error", fail);
      req.end();
    });
    expect(status).toBe(400);
  });
});

describe("the open base (debug launches)", () => {
  it("reads without a token", async () => {
    const { status, body } = await getJson(open("Patient/jp-gastric-l2-icd10"));
    expect(status).toBe(200);
    expect((body as unknown as Patient).name?.[0]?.text).toBe("鈴木 節子");
  });
});

describe("the EHR page", () => {
  it("lists every patient with an EHR launch link and a debug link", async () => {
    const res = await fetch(sb.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).not.toContain("<script");
    for (const id of sb.patientIds) {
      const launch = new RegExp(`data-testid="launch-${id}" href="([^"]+)"`).exec(html)?.[1]?.replace(/&amp;/g, "&");
      expect(launch, id).toBeDefined();
      const u = new URL(launch ?? "", sb.url);
      expect(u.pathname).toBe("/app/launch.html");
      expect(u.searchParams.get("iss")).toBe(sb.fhirBase);
      expect(u.searchParams.get("launch")).toBeTruthy();
      const debug = new RegExp(`data-testid="debug-launch-${id}" href="([^"]+)"`)
        .exec(html)?.[1]
        ?.replace(/&amp;/g, "&");
      const d = new URL(debug ?? "", sb.url);
      expect(d.searchParams.get("fhirServiceUrl")).toBe(sb.openFhirBase);
      expect(d.searchParams.get("patientId")).toBe(id);
    }
  });

  it("shows a one-line summary: name, age, sex, primary, levels", async () => {
    const html = await (await fetch(sb.url)).text();
    const row = /data-testid="patient-row-hcc-t9-t12-four-levels">([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? "";
    const text = row.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(text).toContain("Kenneth Okafor");
    expect(text).toContain(" 67 ");
    expect(text).toContain("male");
    expect(text).toContain("Hepatocellular carcinoma");
    expect(text).toContain("T9–T12");
    const young =
      /data-testid="patient-row-thyroid-l4-age-19">([\s\S]*?)<\/tr>/.exec(html)?.[1]?.replace(/<[^>]+>/g, " ") ?? "";
    expect(young).toMatch(/\s19\s/);
  });
});

describe("the app (dist/)", () => {
  it("serves the app's pages with a deployment's headers: CSP narrowed to this origin, frame-ancestors, no referrer", async () => {
    const expected = {
      "content-security-policy":
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'",
      "referrer-policy": "no-referrer",
      "x-content-type-options": "nosniff",
    };
    for (const page of ["", "index.html", "launch.html"]) {
      const res = await fetch(`${origin()}/app/${page}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      for (const [name, value] of Object.entries(expected))
        expect(res.headers.get(name), `${page} ${name}`).toBe(value);
    }
  });

  it("serves its own app-config.json: the build's, with this sandbox's FHIR bases allowed (the shipped one allows none)", async () => {
    const cfg = await getJson(`${origin()}/app/app-config.json`);
    expect(cfg.status).toBe(200);
    expect(cfg.body.clientId).toBe("spine-met-qol");
    expect(cfg.body.issAllowlist).toEqual([`${origin()}/fhir`, `${origin()}/open/fhir`]);
    expect(cfg.body.openServerLaunch).toBe("loopback");
    // Asked for by another loopback name, the allowlist names that origin.
    const port = new URL(origin()).port;
    const viaLocalhost = await getJson(`http://localhost:${port}/app/app-config.json`);
    expect(viaLocalhost.body.issAllowlist).toEqual([
      `http://localhost:${port}/fhir`,
      `http://localhost:${port}/open/fhir`,
    ]);
  });

  it("serves the app's text compressed when the browser takes it (br, else gzip), as a deployment does", async () => {
    const plain = await fetch(`${origin()}/app/launch.html`, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    const html = await plain.text();
    for (const [accept, encoding, inflate] of [
      ["gzip, deflate, br", "br", brotliDecompressSync],
      ["gzip", "gzip", gunzipSync],
    ] as const) {
      // node's fetch would decode the body itself: read the raw bytes over node:http.
      const raw = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        httpGet(`${origin()}/app/launch.html`, { headers: { "accept-encoding": accept } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on("error", reject);
      });
      expect(raw.headers["content-encoding"]).toBe(encoding);
      expect(raw.headers.vary).toBe("Accept-Encoding");
      expect(inflate(raw.body).toString("utf8")).toBe(html);
    }
  });

  it("refuses paths outside dist/", async () => {
    const escape = await fetch(`${origin()}/app/..%2F..%2Fpackage.json`);
    expect([403, 404]).toContain(escape.status);
  });

  it("says 'run vite build' when dist/ is missing", async () => {
    const empty = mkdtempSync(join(tmpdir(), "sandbox-empty-"));
    const other = await startSandbox({ port: 0, distDir: join(empty, "dist"), patientsDir: empty });
    try {
      const res = await fetch(`${other.url}app/`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain("vite build");
      expect(await (await fetch(other.url)).text()).toContain('data-testid="app-not-built"');
    } finally {
      await other.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
