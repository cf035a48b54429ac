/** Pure parts of the sandbox: scopes, date shifting, the id_token, level formatting, the search rewrite. */
import type { Bundle, Patient } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { daysBetween, shiftBundle, shiftDateString, SHIFT_TAG } from "../../../sandbox/dates";
import { indexDefinitions } from "../../../sandbox/engine";
import { classify } from "../../../sandbox/fhir-http";
import { decodeJwt, newSigningKey, signRs256, verifyRs256 } from "../../../sandbox/jwt";
import { formatLevels, levelOfSnomed } from "../../../sandbox/levels";
import { rewriteSearchParams } from "../../../sandbox/rewrite";
import { allows, grantedScopeString, isSubset, parseScopes } from "../../../sandbox/scopes";
import { decodeLaunch, encodeLaunch, s256 } from "../../../sandbox/smart";
import { ageOn } from "../../../sandbox/summary";

describe("scopes", () => {
  // Every permission letter of every type: what each scope string grants, written out by hand.
  it.each([
    [
      "v1 .read grants read and search, .write create/update/delete, .* everything",
      "patient/Observation.read user/QuestionnaireResponse.write patient/Condition.*",
      { Observation: "rs", QuestionnaireResponse: "cud", Condition: "cruds", Patient: "" },
    ],
    [
      "v2 letters grant exactly what they name (patient/*.s: search on every type)",
      "patient/Observation.rs patient/QuestionnaireResponse.cu patient/*.s",
      { Observation: "rs", QuestionnaireResponse: "cus", Condition: "s", Patient: "s" },
    ],
  ])("%s", (_label, scopes, granted) => {
    const s = parseScopes(scopes);
    for (const [type, letters] of Object.entries(granted)) {
      for (const p of ["c", "r", "u", "d", "s"] as const)
        expect(allows(s, type, p), `${type} ${p}`).toBe(letters.includes(p));
    }
  });

  it("v2 letters are read in cruds order only", () => {
    expect(parseScopes("patient/Observation.sr").unknown).toEqual(["patient/Observation.sr"]);
  });

  it("granular v2 scopes keep their query; launch scopes are recognised; unknown strings are dropped", () => {
    const s = parseScopes("launch openid fhirUser patient/Observation.rs?category=laboratory bogus");
    expect(s.resource[0]?.query).toBe("category=laboratory");
    expect([...s.other].sort()).toEqual(["fhirUser", "launch", "openid"]);
    expect(grantedScopeString(s, "launch openid fhirUser patient/Observation.rs?category=laboratory bogus")).toBe(
      "launch openid fhirUser patient/Observation.rs?category=laboratory",
    );
  });

  it("a refresh may narrow the scope but not widen it", () => {
    expect(isSubset("patient/*.read", "launch patient/*.read openid")).toBe(true);
    expect(isSubset("patient/*.write", "patient/*.read")).toBe(false);
  });
});

describe("interaction classification (which permission a request needs)", () => {
  it.each([
    ["GET", ["Observation"], "s"],
    ["GET", ["Observation", "1"], "r"],
    ["GET", ["Observation", "1", "_history", "2"], "r"],
    ["POST", ["Observation"], "c"],
    ["POST", ["Observation", "_search"], "s"],
    ["PUT", ["Observation", "1"], "u"],
    ["PATCH", ["Observation", "1"], "u"],
    ["DELETE", ["Observation", "1"], "d"],
    ["GET", [], "s"],
  ] as const)("%s %j needs %s", (method, segments, permission) => {
    expect(classify(method, [...segments])?.permission).toBe(permission);
  });

  it("refuses paths that are not FHIR routes", () => {
    expect(classify("GET", ["observation"])).toBeNull();
    expect(classify("GET", ["Observation", "1", "x", "y", "z"])).toBeNull();
  });
});

describe("dates", () => {
  it("moves dates, dateTimes and instants by whole days and keeps the time part", () => {
    expect(shiftDateString("2025-06-30", 1)).toBe("2025-07-01");
    expect(shiftDateString("2024-02-28", 1)).toBe("2024-02-29");
    expect(shiftDateString("2025-05-12T10:00:00+09:00", 10)).toBe("2025-05-22T10:00:00+09:00");
    expect(shiftDateString("2025-01-01T00:00:00.000Z", -1)).toBe("2024-12-31T00:00:00.000Z");
    expect(shiftDateString("SB-0001", 5)).toBe("SB-0001");
    expect(shiftDateString("2025-06", 5)).toBe("2025-06");
  });

  it("counts whole UTC days", () => {
    expect(daysBetween("2025-06-30T00:00:00Z", new Date("2026-06-30T15:00:00Z"))).toBe(365);
    expect(daysBetween("2025-06-30", new Date("2025-06-29T23:00:00Z"))).toBe(-1);
  });

  it("shifts only tagged bundles, and an age at the anchor stays the age today", () => {
    const bundle: Bundle = {
      resourceType: "Bundle",
      type: "transaction",
      timestamp: "2025-06-30T00:00:00Z",
      meta: { tag: [SHIFT_TAG] },
      entry: [
        {
          resource: {
            resourceType: "Patient",
            id: "p",
            birthDate: "2006-01-15",
            identifier: [{ value: "2025-01-01" }],
          } as Patient,
          request: { method: "PUT", url: "Patient/p" },
        },
      ],
    };
    const today = new Date("2027-03-10T08:00:00Z");
    const { bundle: shifted, days } = shiftBundle(bundle, today);
    expect(days).toBe(daysBetween("2025-06-30", today));
    const p = shifted.entry?.[0]?.resource as { birthDate?: string; identifier?: { value?: string }[] };
    expect(ageOn(p.birthDate, today)).toBe(ageOn("2006-01-15", new Date("2025-06-30T00:00:00Z")));
    expect(ageOn(p.birthDate, today)).toBe(19);
    expect(p.identifier?.[0]?.value).toBe("2025-01-01");
    const plain: Bundle = { ...bundle, meta: {} };
    const untagged = shiftBundle(plain, today);
    expect(untagged.days).toBe(0);
    expect(untagged.bundle).toBe(plain);
    expect((untagged.bundle.entry?.[0]?.resource as { birthDate?: string }).birthDate).toBe("2006-01-15");
  });
});

describe("id_token and launch context", () => {
  it("signs with RS256 and a kid; the public JWKS verifies it, another key or a changed payload does not", () => {
    const key = newSigningKey();
    const jwt = signRs256({ sub: "x", fhirUser: "Practitioner/1" }, key);
    expect(decodeJwt(jwt).fhirUser).toBe("Practitioner/1");
    const header = JSON.parse(Buffer.from(jwt.split(".")[0]!, "base64url").toString("utf8")) as Record<string, unknown>;
    expect(header).toEqual({ alg: "RS256", typ: "JWT", kid: key.jwk.kid });
    expect(key.jwk).toMatchObject({ kty: "RSA", e: "AQAB", alg: "RS256", use: "sig" });
    expect(key.jwk).not.toHaveProperty("d"); // the public half only
    expect(verifyRs256(jwt, { keys: [key.jwk] })).toEqual({ sub: "x", fhirUser: "Practitioner/1" });
    const other = newSigningKey();
    expect(verifyRs256(jwt, { keys: [{ ...other.jwk, kid: key.jwk.kid }] })).toBeNull();
    const [h, , sig] = jwt.split(".");
    const forged = `${h}.${Buffer.from(JSON.stringify({ sub: "x", fhirUser: "Practitioner/2" })).toString("base64url")}.${sig}`;
    expect(verifyRs256(forged, { keys: [key.jwk] })).toBeNull();
    // An unsigned token ("alg": "none") is never accepted.
    const none = `${Buffer.from(JSON.stringify({ alg: "none", kid: key.jwk.kid })).toString("base64url")}.${jwt.split(".")[1]}.`;
    expect(verifyRs256(none, { keys: [key.jwk] })).toBeNull();
  });

  it("the opaque launch round-trips and rejects garbage", () => {
    expect(decodeLaunch(encodeLaunch({ patient: "p1", encounter: "e1" }))).toEqual({ patient: "p1", encounter: "e1" });
    expect(decodeLaunch(encodeLaunch({ patient: "p1" }))).toEqual({ patient: "p1" });
    expect(decodeLaunch("not-base64-json")).toBeNull();
  });

  it("S256 is base64url(sha256(verifier)) (RFC 7636 appendix B)", () => {
    expect(s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  });
});

describe("levels", () => {
  it("formats contiguous runs and gaps", () => {
    expect(formatLevels(["T12", "T11"])).toBe("T11–T12");
    expect(formatLevels(["T9", "T10", "T11", "T12"])).toBe("T9–T12");
    expect(formatLevels(["L2", "T4"])).toBe("T4, L2");
    expect(formatLevels(["C7", "T1"])).toBe("C7–T1");
  });

  it("knows both SNOMED concepts of a vertebra and no region", () => {
    expect(levelOfSnomed("113205007")?.level).toBe("C3");
    expect(levelOfSnomed("32430008")?.level).toBe("T6");
    expect(levelOfSnomed("122495006")).toBeNull();
  });
});

describe("search rewrite", () => {
  indexDefinitions();
  const rw = (type: string, q: string, bases: string[] = []): string =>
    rewriteSearchParams(type, new URLSearchParams(q), bases).toString();

  it("types bare ids in reference searches and puts reference filters last", () => {
    expect(rw("Observation", "patient=123&code=http://loinc.org|89243-0")).toBe(
      new URLSearchParams({ code: "http://loinc.org|89243-0", subject: "Patient/123" }).toString(),
    );
    expect(rw("Condition", "subject=abc")).toBe("subject=Patient%2Fabc");
    expect(rw("Observation", "subject:Patient=abc")).toBe("subject=Patient%2Fabc");
    expect(rw("Observation", "encounter=e1")).toBe("encounter=Encounter%2Fe1");
    expect(rw("QuestionnaireResponse", "patient=a,b")).toBe("subject=Patient%2Fa%2CPatient%2Fb");
  });

  it("makes references to this server relative and leaves other values alone", () => {
    expect(rw("Observation", "patient=http://127.0.0.1:1/fhir/Patient/9", ["http://127.0.0.1:1/fhir"])).toBe(
      "subject=Patient%2F9",
    );
    expect(rw("Observation", "subject:missing=true")).toBe("subject%3Amissing=true");
    expect(rw("Observation", "code=89243-0&_format=json&_pretty=true")).toBe("code=89243-0");
    expect(rw("AllergyIntolerance", "patient=1")).toBe("patient=Patient%2F1");
  });
});
