// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { needPatientBanner, patientBanner, pickName } from "../../../src/fhir/banner";
import { parseScopes, scopeAllows } from "../../../src/fhir/scopes";
import { launchContext } from "../../../src/fhir/context";
import { loadOptionsFromConfig } from "../../../src/fhir/from-config";
import { DEFAULT_CONFIG } from "../../../launch/config";
import { makeClient } from "./helpers";

const MR = { type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "MR" }] } };

describe("patientBanner", () => {
  it("prefers the official name, then usual, and formats Family, Given", () => {
    const banner = patientBanner({
      resourceType: "Patient",
      id: "p1",
      name: [
        { use: "nickname", given: ["Taro-chan"] },
        { use: "usual", family: "Yamada", given: ["Tarō"] },
        { use: "official", family: "山田", given: ["太郎"] },
      ],
      birthDate: "1958-04-02",
      gender: "male",
      identifier: [
        { system: "urn:ins", value: "INS-1" },
        { ...MR, system: "urn:hospital:mrn", value: "0012345" },
      ],
    });
    expect(banner).toEqual({ id: "p1", name: "山田, 太郎", birthDate: "1958-04-02", gender: "male", mrn: "0012345" });
  });

  it("uses the usual name when there is no official one; the name's text wins over its parts", () => {
    expect(pickName([{ family: "A" }, { use: "usual", text: "Hanako Sato", family: "Sato" }])).toBe("Hanako Sato");
  });

  it("skips old, anonymous and ended names", () => {
    expect(
      pickName(
        [
          { use: "official", family: "Old", period: { end: "2001-01-01" } },
          { use: "old", family: "Maiden" },
          { family: "Current", given: ["Now"] },
        ],
        "2025-01-01",
      ),
    ).toBe("Current, Now");
  });

  it("survives a patient without name, birth date or identifiers, and malformed input", () => {
    expect(patientBanner({ resourceType: "Patient", id: "p2" })).toEqual({
      id: "p2",
      name: null,
      birthDate: null,
      gender: null,
      mrn: null,
    });
    expect(patientBanner(null)).toEqual({ id: null, name: null, birthDate: null, gender: null, mrn: null });
    expect(patientBanner({ name: "not an array", birthDate: 1958, identifier: [{ value: "no type" }, 7] })).toEqual({
      id: null,
      name: null,
      birthDate: null,
      gender: null,
      mrn: null,
    });
    expect(patientBanner({ name: [{ given: [" ", "Ken"] }], birthDate: "1958" }).name).toBe("Ken");
  });

  it("shows the banner unless the EHR says need_patient_banner: false", () => {
    expect(needPatientBanner({})).toBe(true);
    expect(needPatientBanner(undefined)).toBe(true);
    expect(needPatientBanner({ need_patient_banner: true })).toBe(true);
    expect(needPatientBanner({ need_patient_banner: false })).toBe(false);
  });
});

describe("scopes", () => {
  it("reads SMART v1 and v2 scopes", () => {
    const v1 = parseScopes(
      "openid fhirUser launch patient/Observation.read patient/QuestionnaireResponse.write user/Questionnaire.read",
    );
    expect(scopeAllows(v1, "Observation", "s")).toBe(true);
    expect(scopeAllows(v1, "QuestionnaireResponse", "c")).toBe(true);
    expect(scopeAllows(v1, "QuestionnaireResponse", "r")).toBe(false);
    expect(scopeAllows(v1, "Questionnaire", "r")).toBe(true);
    expect(scopeAllows(v1, "Questionnaire", "c")).toBe(false);

    const v2 = parseScopes(
      "patient/Observation.rs patient/QuestionnaireResponse.cu patient/Condition.rs?category=problem-list-item",
    );
    expect(scopeAllows(v2, "QuestionnaireResponse", "c")).toBe(true);
    expect(scopeAllows(v2, "Observation", "c")).toBe(false);
    expect(scopeAllows(v2, "Condition", "r")).toBe(true);
    expect(parseScopes("patient/Observation.sr")).toEqual([]);
  });
});

describe("launchContext", () => {
  it("collects patient, encounter, user, banner, locale and what the granted scopes allow", () => {
    const payload = btoa(JSON.stringify({ fhirUser: "https://ehr.example.org/fhir/Practitioner/dr1" })).replace(
      /=+$/,
      "",
    );
    const client = makeClient(
      {},
      {
        patient: "p1",
        encounter: "e9",
        need_patient_banner: false,
        smart_style_url: "https://ehr.example.org/style.json",
        id_token: `x.${payload}.y`,
        scope:
          "openid fhirUser launch patient/Patient.read patient/QuestionnaireResponse.write user/Questionnaire.read",
        locale: "ja-JP",
      },
    );
    const ctx = launchContext(client);
    expect(ctx).toEqual({
      serverUrl: "https://ehr.example.org/fhir",
      patientId: "p1",
      encounterId: "e9",
      fhirUser: "Practitioner/dr1",
      needPatientBanner: false,
      locale: "ja-JP",
      smartStyleUrl: "https://ehr.example.org/style.json",
      scopes: [
        "openid",
        "fhirUser",
        "launch",
        "patient/Patient.read",
        "patient/QuestionnaireResponse.write",
        "user/Questionnaire.read",
      ],
      openServer: false,
      canWrite: true,
      canReadQuestionnaire: true,
      canWriteQuestionnaire: false,
    });
    expect(JSON.stringify(ctx)).not.toContain("access-1");
  });

  it("cannot write without a QuestionnaireResponse write scope; a broken id_token just means no user", () => {
    const ctx = launchContext(makeClient({}, { scope: "patient/*.read", id_token: "garbage" }));
    expect(ctx).toMatchObject({
      canWrite: false,
      fhirUser: null,
      needPatientBanner: true,
      locale: null,
      encounterId: null,
    });
  });
});

describe("settings from app-config.json", () => {
  it("become the load options and request policy", () => {
    const options = loadOptionsFromConfig(
      { ...DEFAULT_CONFIG, fhirTimeoutMs: 5000, fhirMaxRetries: 1, fhirPageSize: 50, fhirMaxPages: 4 },
      ["http://loinc.org|89243-0"],
    );
    expect(options).toEqual({
      observationCodes: ["http://loinc.org|89243-0"],
      pageSize: 50,
      maxPages: 4,
      policy: { timeoutMs: 5000, maxRetries: 1 },
    });
  });
});
