// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { http, HttpResponse } from "msw";
import { server } from "../../setup/msw-server";
import { searchAll, searchUrl } from "../../../src/fhir/search";
import { FhirFaultError } from "../../../src/fhir/faults";
import type { RequestPolicy } from "../../../src/fhir/request";
import { BASE, bundle, fastPolicy, makeClient } from "./helpers";

const obs = (id: string): object => ({ resourceType: "Observation", id, status: "final" });

/** searchAll of p1's Observations, `pageSize` a page and at most `maxPages` pages, under fastPolicy(`policy`). */
function searchObservations(pageSize: number, maxPages: number, policy: Partial<RequestPolicy> = {}) {
  return searchAll(makeClient(), "Observation", new URLSearchParams({ patient: "p1" }), {
    pageSize,
    maxPages,
    ...fastPolicy(policy),
  });
}

/**
 * Serves p1's Observation search: `answer` is given the request's `page` parameter (null for the first page).
 * Returns the query strings asked for, in order.
 */
function observationPages(answer: (page: string | null) => Response): string[] {
  const requested: string[] = [];
  server.use(
    http.get(`${BASE}/Observation`, ({ request }) => {
      const url = new URL(request.url);
      requested.push(url.search);
      return answer(url.searchParams.get("page"));
    }),
  );
  return requested;
}

describe("searchUrl", () => {
  it("encodes every value with URLSearchParams and adds _count", () => {
    const url = searchUrl(
      "Observation",
      new URLSearchParams({ patient: "p 1", code: "http://loinc.org|89243-0,http://loinc.org|89247-1" }),
      50,
    );
    expect(url).toBe(
      "Observation?patient=p+1&code=http%3A%2F%2Floinc.org%7C89243-0%2Chttp%3A%2F%2Floinc.org%7C89247-1&_count=50",
    );
  });
});

describe("searchAll", () => {
  it("follows next links over three pages", async () => {
    const requested = observationPages((page) => {
      if (page === null)
        return HttpResponse.json(bundle([obs("o1"), obs("o2")], `${BASE}/Observation?page=2&token=abc`));
      if (page === "2") return HttpResponse.json(bundle([obs("o3")], `${BASE}/Observation?page=3&token=abc`));
      return HttpResponse.json(bundle([obs("o4")]));
    });
    const result = await searchObservations(2, 10);
    expect(result.status).toBe("complete");
    expect(result.pages).toBe(3);
    expect(result.resources.map((r) => (r as { id: string }).id)).toEqual(["o1", "o2", "o3", "o4"]);
    expect(requested).toEqual(["?patient=p1&_count=2", "?page=2&token=abc", "?page=3&token=abc"]);
  });

  it("stops at the page cap and says so", async () => {
    const requested = observationPages((page) => {
      const n = Number(page ?? "1");
      return HttpResponse.json(bundle([obs(`o${n}`)], `${BASE}/Observation?page=${n + 1}`));
    });
    const result = await searchObservations(1, 2);
    expect(result).toEqual({ status: "capped", resources: [obs("o1"), obs("o2")], pages: 2 });
    expect(requested).toHaveLength(2);
  });

  it("keeps the pages read when a later page fails", async () => {
    observationPages((page) =>
      page === "2"
        ? new HttpResponse(null, { status: 500 })
        : HttpResponse.json(bundle([obs("o1")], `${BASE}/Observation?page=2`)),
    );
    const result = await searchObservations(1, 5, { maxRetries: 1 });
    expect(result).toEqual({
      status: "failed-midway",
      resources: [obs("o1")],
      pages: 1,
      fault: { kind: "server-error", status: 500, attempts: 2 },
    });
  });

  it("throws when the first page fails", async () => {
    server.use(http.get(`${BASE}/Observation`, () => new HttpResponse(null, { status: 403 })));
    const search = searchObservations(1, 5);
    await expect(search).rejects.toBeInstanceOf(FhirFaultError);
    await expect(search).rejects.toHaveProperty("fault", { kind: "forbidden", status: 403 });
  });

  it("does not follow a next link to another server (it would receive the token)", async () => {
    let foreign = 0;
    server.use(
      http.get(`${BASE}/Observation`, () =>
        HttpResponse.json(bundle([obs("o1")], "https://elsewhere.example.net/fhir/Observation?page=2")),
      ),
      http.get("https://elsewhere.example.net/fhir/Observation", () => {
        foreign += 1;
        return HttpResponse.json(bundle([]));
      }),
    );
    const result = await searchObservations(1, 5);
    expect(result).toEqual({
      status: "failed-midway",
      resources: [obs("o1")],
      pages: 1,
      fault: { kind: "invalid-response", detail: "a next-page link points to another server" },
    });
    expect(foreign).toBe(0);
  });

  it("a next link to a page already read stops the search as a loop", async () => {
    const requested = observationPages((page) =>
      page === "2"
        ? HttpResponse.json(bundle([obs("o2")], `${BASE}/Observation?page=2`))
        : HttpResponse.json(bundle([obs("o1")], `${BASE}/Observation?page=2`)),
    );
    const result = await searchObservations(1, 5);
    expect(result).toEqual({
      status: "failed-midway",
      resources: [obs("o1"), obs("o2")],
      pages: 2,
      fault: { kind: "invalid-response", detail: "next-page links loop" },
    });
    expect(requested).toEqual(["?patient=p1&_count=1", "?page=2"]);
  });

  it("keeps only matches of the searched type, once each", async () => {
    observationPages((page) =>
      page === "2"
        ? HttpResponse.json(bundle([obs("o1"), obs("o2")]))
        : HttpResponse.json({
            resourceType: "Bundle",
            type: "searchset",
            link: [{ relation: "next", url: `${BASE}/Observation?page=2` }],
            entry: [
              { resource: obs("o1"), search: { mode: "match" } },
              { resource: { resourceType: "Patient", id: "p1" }, search: { mode: "include" } },
              { resource: { resourceType: "OperationOutcome", issue: [] }, search: { mode: "outcome" } },
              { search: { mode: "match" } },
            ],
          }),
    );
    const result = await searchObservations(5, 5);
    expect(result.resources).toEqual([obs("o1"), obs("o2")]);
  });

  it("a last page whose Bundle.total is more than the matches read, with no next link, is partial, not complete", async () => {
    server.use(
      http.get(`${BASE}/Observation`, () =>
        HttpResponse.json({
          resourceType: "Bundle",
          type: "searchset",
          total: 5,
          entry: [
            { resource: obs("o1"), search: { mode: "match" } },
            { resource: obs("o2"), search: { mode: "match" } },
            { resource: { resourceType: "Patient", id: "p1" }, search: { mode: "include" } },
          ],
        }),
      ),
    );
    const result = await searchObservations(100, 5);
    expect(result).toEqual({ status: "incomplete", resources: [obs("o1"), obs("o2")], pages: 1, total: 5 });
  });

  it("Bundle.total over two pages: the last page's total counts the matches of every page", async () => {
    const pages = (total: number) => (page: string | null) =>
      page === "2"
        ? HttpResponse.json({ ...bundle([obs("o3")]), total })
        : HttpResponse.json({ ...bundle([obs("o1"), obs("o2")], `${BASE}/Observation?page=2`), total });
    observationPages(pages(3));
    const whole = await searchObservations(2, 5);
    expect(whole).toEqual({ status: "complete", resources: [obs("o1"), obs("o2"), obs("o3")], pages: 2 });
    observationPages(pages(4));
    const short = await searchObservations(2, 5);
    expect(short).toEqual({ status: "incomplete", resources: [obs("o1"), obs("o2"), obs("o3")], pages: 2, total: 4 });
  });

  it("no Bundle.total, or one not larger than the matches read, is complete", async () => {
    for (const total of [undefined, 0, 2, -1, "9", 2.5]) {
      server.use(
        http.get(`${BASE}/Observation`, () =>
          HttpResponse.json({ ...bundle([obs("o1"), obs("o2")]), ...(total === undefined ? {} : { total }) }),
        ),
      );
      const result = await searchObservations(100, 5);
      expect(result.status, String(total)).toBe("complete");
    }
  });

  it("a page that is not a Bundle is an invalid response", async () => {
    server.use(
      http.get(`${BASE}/Observation`, () => HttpResponse.json({ resourceType: "OperationOutcome", issue: [] })),
    );
    await expect(searchObservations(5, 5)).rejects.toHaveProperty("fault", {
      kind: "invalid-response",
      detail: "not a Bundle",
    });
  });
});
