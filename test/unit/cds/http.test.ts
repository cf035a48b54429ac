/**
 * Discovery, bad input, CORS and feedback over real HTTP (the service on 127.0.0.1:0).
 */
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { SEARCH_CODES } from "../../../src/extract";
import {
  allowLoopback,
  cardsOf,
  config,
  golden,
  hookBody,
  post,
  prefetchOf,
  prefetchWithMalformedObservations,
  SERVICE_ID,
  serviceFixture,
} from "./helpers";

allowLoopback();
const ORIGIN = "https://ehr.example.org";
const svc = serviceFixture(() =>
  config({ allowUnauthenticated: true, allowedOrigins: [ORIGIN], maxBodyBytes: 2_000_000 }),
);
const hook = (): string => `${svc().url}/${SERVICE_ID}`;

describe("discovery (GET /cds-services)", () => {
  it("lists one patient-view service with the spec's fields and the five prefetch templates", async () => {
    const res = await fetch(svc().url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const doc = (await res.json()) as { services: Record<string, unknown>[] };
    expect(doc.services).toHaveLength(1);
    const s = doc.services[0]!;
    expect(s.hook).toBe("patient-view");
    expect(s.id).toBe(SERVICE_ID);
    expect(typeof s.title).toBe("string");
    expect(typeof s.description).toBe("string");
    const prefetch = s.prefetch as Record<string, string>;
    expect(Object.keys(prefetch).sort()).toEqual([
      "conditions",
      "observations",
      "patient",
      "procedures",
      "questionnaireResponses",
    ]);
    expect(prefetch.patient).toBe("Patient/{{context.patientId}}");
    expect(prefetch.conditions).toBe("Condition?patient={{context.patientId}}");
    expect(prefetch.procedures).toBe("Procedure?patient={{context.patientId}}");
    expect(prefetch.questionnaireResponses).toBe("QuestionnaireResponse?patient={{context.patientId}}");
    expect(prefetch.observations).toMatch(/^Observation\?patient=\{\{context\.patientId\}\}&code=/);
    expect(prefetch.observations).toContain("http%3A%2F%2Floinc.org%7C89243-0"); // KPS
    expect(prefetch.observations).toContain("http%3A%2F%2Floinc.org%7C89247-1"); // ECOG
    const codes = (prefetch.observations ?? "").split("&code=")[1]?.split(",").map(decodeURIComponent);
    expect(codes?.sort()).toEqual([...SEARCH_CODES.observations].sort());
    expect(prefetch.observations?.length).toBeLessThan(1500);
  });

  it("is also served for HEAD, and refuses other methods with 405", async () => {
    expect((await fetch(svc().url, { method: "HEAD" })).status).toBe(200);
    expect((await fetch(svc().url, { method: "DELETE" })).status).toBe(405);
  });
});

describe("bad input", () => {
  it("malformed JSON → 400 with a short JSON error", async () => {
    const r = await post(hook(), '{"hook": "patient-view",');
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ error: "invalid-json", message: "the request body is not valid JSON" });
  });

  it("unknown service → 404; unknown path → 404", async () => {
    const r = await post(`${svc().url}/no-such-service`, hookBody("x", undefined));
    expect(r.status).toBe(404);
    expect(r.body.error).toBe("unknown-service");
    expect((await post(`${svc().url}/${SERVICE_ID}/other`, {})).status).toBe(404);
    expect((await fetch(`${svc().url.replace("/cds-services", "")}/elsewhere`)).status).toBe(404);
  });

  it("unknown hook → 404", async () => {
    const r = await post(hook(), { ...hookBody("fig3-thoracic-t6", undefined), hook: "order-sign" });
    expect(r.status).toBe(404);
    expect(r.body.error).toBe("unknown-hook");
  });

  it.each([
    ["a JSON array", []],
    ["no hook", { hookInstance: "1", context: { patientId: "p" } }],
    ["no hookInstance", { hook: "patient-view", context: { patientId: "p" } }],
    ["no context", { hook: "patient-view", hookInstance: "1" }],
    [
      "a patientId that is no FHIR id",
      { hook: "patient-view", hookInstance: "1", context: { patientId: "../Patient/x" } },
    ],
    [
      "prefetch not an object",
      { hook: "patient-view", hookInstance: "1", context: { patientId: "p" }, prefetch: "all" },
    ],
    [
      "fhirAuthorization without fhirServer",
      {
        hook: "patient-view",
        hookInstance: "1",
        context: { patientId: "p" },
        fhirAuthorization: { access_token: "t", token_type: "Bearer" },
      },
    ],
  ])("%s → 400", async (_what, body) => {
    const r = await post(hook(), body);
    expect(r.status).toBe(400);
    expect(r.body.error).toBe("invalid-request");
    expect(typeof r.body.message).toBe("string");
  });

  it("Conditions neither prefetched nor fetchable → 412 (null, absent, wrong type)", async () => {
    const g = golden("fig3-thoracic-t6");
    for (const conditions of [null, undefined, { resourceType: "Patient" }, "Condition?patient=x"]) {
      const prefetch: Record<string, unknown> = { ...prefetchOf(g) };
      if (conditions === undefined) delete prefetch.conditions;
      else prefetch.conditions = conditions;
      const r = await post(hook(), hookBody(g.id, prefetch));
      expect(r.status).toBe(412);
      expect(r.body.error).toBe("precondition-failed");
    }
  });

  it("a fhirServer that is not on the allowlist is not used: 412, and the message says why", async () => {
    const g = golden("fig3-thoracic-t6");
    const { conditions: _c, ...rest } = prefetchOf(g);
    const r = await post(
      hook(),
      hookBody(g.id, rest, {
        fhirServer: "https://fhir.elsewhere.example/R4",
        fhirAuthorization: {
          access_token: "t",
          token_type: "Bearer",
          expires_in: 300,
          scope: "patient/*.read",
          subject: "cds",
        },
      }),
    );
    expect(r.status).toBe(412);
    expect(r.body.message).toContain("not on this service's allowlist");
  });

  it("a prefetch entry of the wrong type is treated as missing and reported on the card", async () => {
    const g = golden("breast-t11-t12-complete");
    const prefetch = { ...prefetchOf(g), observations: g.patient, questionnaireResponses: [1, 2, 3] };
    const r = await post(hook(), hookBody(g.id, prefetch));
    expect(r.status).toBe(200);
    const [card] = cardsOf(r);
    expect(card?.extension["spine-met-qol"].missing).toEqual(["observations", "questionnaireResponses"]);
    expect(card?.extension["spine-met-qol"].partial).toBe(true);
    expect(card?.detail).toContain(
      "**Not available to this service:** the Observations (performance status, palsy), the app's questionnaires.",
    );
    // Without the questionnaires and Observations, the complete patient's totals open into ranges.
    expect(card?.extension["spine-met-qol"].sins.total).toBeNull();
  });

  it("a Patient prefetch for another patient is treated as missing", async () => {
    const g = golden("fig3-thoracic-t6");
    const r = await post(hook(), hookBody(g.id, { ...prefetchOf(g), patient: { ...g.patient, id: "someone-else" } }));
    expect(cardsOf(r)[0]?.extension["spine-met-qol"].missing).toEqual(["patient"]);
  });

  it("malformed resources inside a Bundle are left out and named on the card", async () => {
    const g = golden("fig3-thoracic-t6");
    const r = await post(hook(), hookBody(g.id, prefetchWithMalformedObservations(g)));
    expect(r.status).toBe(200);
    const [card] = cardsOf(r);
    expect(card?.detail).toMatch(/\*\*Left out:\*\* 2 resource\(s\) could not be read \(Observation\/bad-kps, …\)\./);
    expect(card?.extension["spine-met-qol"].sins).toMatchObject({ min: 1, max: 16 });
  });

  it("a body over maxBodyBytes → 413", async () => {
    const r = await post(hook(), JSON.stringify({ pad: "x".repeat(2_100_000) })).catch(() => null);
    // The service answers 413 and closes; some clients see the close before the answer.
    if (r) expect(r.status).toBe(413);
  });

  it("one bad call never affects another: 40 calls mixed good and bad, concurrently", async () => {
    const g = golden("jp-gastric-l2-icd10");
    const good = hookBody(g.id, prefetchOf(g));
    const calls = Array.from({ length: 40 }, (_, i) => {
      switch (i % 4) {
        case 0:
          return post(hook(), good);
        case 1:
          return post(hook(), "{not json");
        case 2:
          return post(hook(), { ...good, context: { patientId: 42 } });
        default:
          return post(hook(), { ...good, prefetch: { ...prefetchOf(g), conditions: null } });
      }
    });
    const results = await Promise.all(calls);
    results.forEach((r, i) => {
      expect(r.status).toBe([200, 400, 400, 412][i % 4]);
      if (i % 4 === 0)
        expect(cardsOf(r)[0]?.summary).toBe("Spinal metastasis L2 · SINS 2–17 · Tokuhashi 0–5 (< 6 months)");
    });
  });
});

/** A raw preflight (fetch would not send an OPTIONS with these headers by itself). */
function options(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((ok, fail) => {
    const req = request(url, { method: "OPTIONS", headers }, (res) => {
      res.resume();
      res.on("end", () => ok({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on("error", fail);
    req.end();
  });
}

describe("CORS", () => {
  const paths = (): [string, string][] => [
    ["discovery", svc().url],
    ["hook", hook()],
    ["feedback", `${hook()}/feedback`],
  ];

  it("answers preflights with authorization, content-type for an allowed origin on discovery, hook and feedback", async () => {
    for (const [what, url] of paths()) {
      const method = what === "discovery" ? "GET" : "POST";
      const r = await options(url, {
        Origin: ORIGIN,
        "Access-Control-Request-Method": method,
        "Access-Control-Request-Headers": "authorization, content-type",
      });
      expect(r.status, what).toBe(204);
      expect(r.headers["access-control-allow-origin"], what).toBe(ORIGIN);
      expect(r.headers["access-control-allow-methods"], what).toBe(method);
      expect(String(r.headers["access-control-allow-headers"]).split(", ").sort(), what).toEqual([
        "accept",
        "authorization",
        "content-type",
      ]);
      expect(String(r.headers.vary), what).toContain("Origin");
    }
  });

  it("refuses a preflight from an origin not configured, or asking for other headers or methods", async () => {
    const other = await options(hook(), {
      Origin: "https://evil.example",
      "Access-Control-Request-Method": "POST",
      "Access-Control-Request-Headers": "authorization, content-type",
    });
    expect(other.status).toBe(403);
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
    const header = await options(hook(), {
      Origin: ORIGIN,
      "Access-Control-Request-Method": "POST",
      "Access-Control-Request-Headers": "x-custom",
    });
    expect(header.status).toBe(403);
    const method = await options(hook(), { Origin: ORIGIN, "Access-Control-Request-Method": "DELETE" });
    expect(method.status).toBe(403);
  });

  it("the answers carry Access-Control-Allow-Origin for an allowed origin only", async () => {
    const g = golden("fig3-thoracic-t6");
    const ok = await post(hook(), hookBody(g.id, prefetchOf(g)), { Origin: ORIGIN });
    expect(ok.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    const no = await post(hook(), hookBody(g.id, prefetchOf(g)), { Origin: "https://evil.example" });
    expect(no.headers.get("access-control-allow-origin")).toBeNull();
    const d = await fetch(svc().url, { headers: { Origin: ORIGIN } });
    expect(d.headers.get("access-control-allow-origin")).toBe(ORIGIN);
  });
});

describe("feedback (POST /cds-services/<id>/feedback)", () => {
  it("is accepted and counted per card, accepted / overridden, without the override comment", async () => {
    const g = golden("fig3-thoracic-t6");
    const [card] = cardsOf(await post(hook(), hookBody(g.id, prefetchOf(g))));
    const uuid = card!.uuid;
    const r = await post(`${hook()}/feedback`, {
      feedback: [
        {
          card: uuid,
          outcome: "accepted",
          acceptedSuggestions: [{ id: "s1" }],
          outcomeTimestamp: "2025-06-30T12:01:00Z",
        },
        {
          card: uuid,
          outcome: "overridden",
          overrideReason: { userComment: "Mr Tanaka refused surgery" },
          outcomeTimestamp: "2025-06-30T12:02:00Z",
        },
        { card: uuid, outcome: "overridden", outcomeTimestamp: "2025-06-30T12:03:00Z" },
        { card: "not-one-of-ours", outcome: "accepted", outcomeTimestamp: "2025-06-30T12:04:00Z" },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ received: 4 });
    const counts = svc().handler.feedback.counts();
    expect(counts.perCard[uuid]).toEqual({ accepted: 1, overridden: 2 });
    expect(counts.unknownCard).toBe(1);
    expect(JSON.stringify(counts)).not.toContain("Tanaka");
    expect(JSON.stringify(counts)).not.toContain(g.id);
  });

  it.each([
    ["no feedback array", {}],
    [
      "an outcome that is not accepted/overridden",
      { feedback: [{ card: "c", outcome: "ignored", outcomeTimestamp: "2025-06-30T12:00:00Z" }] },
    ],
    ["no card", { feedback: [{ outcome: "accepted", outcomeTimestamp: "2025-06-30T12:00:00Z" }] }],
    ["no timestamp", { feedback: [{ card: "c", outcome: "accepted" }] }],
  ])("%s → 400", async (_what, body) => {
    const r = await post(`${hook()}/feedback`, body);
    expect(r.status).toBe(400);
    expect(r.body.error).toBe("invalid-feedback");
  });

  it("malformed JSON → 400", async () => {
    expect((await post(`${hook()}/feedback`, "[")).status).toBe(400);
  });
});
