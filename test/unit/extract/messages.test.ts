/**
 * The core's messages and the catalogue cannot drift apart: every reason, context note, suggestion reason,
 * provenance note and diagnostic the core emits is a code (CORE_MESSAGE_CODES) with parameters that the
 * catalogue words completely, in English and in Japanese (no code, separator or placeholder missing).
 * Representative cases reach every code; random mixes of them and every fixture patient are checked the same
 * way; a few sentences are checked word for word.
 */
import fc from "fast-check";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod/mini";
import { describe, expect, it, vi } from "vitest";
import { buildReport, extractEvidence, scoreReport } from "../../../src/extract";
import { CORE_MESSAGE_CODES, EXTRACT_MESSAGE_CODES, msg } from "../../../src/extract/messages";
import { ACCESS_MESSAGE_CODES } from "../../../src/fhir/messages";
import { issueReason } from "../../../src/extract/schemas";
import { coreSentences, coreText, renderCoreMessage, reportInWords } from "../../../src/i18n/core";
import { templateOf } from "../../../src/i18n";
import { coreStrings } from "../../../src/i18n/sections/core";
import { APP_CODE_SYSTEM, questionnaireUrl, type Instrument } from "../../../src/questionnaires/contract";
import type { ClinicianEntries, Provenance, ReportOptions, ScoreReport } from "../../../src/report/types";
import {
  applicability,
  CORE_JOIN_TEXT,
  CORE_JOINS,
  coreList,
  coreTerm,
  SCORE_MESSAGE_CODES,
  segmentGroup,
  SPINAL_LEVELS,
  type Applicability,
  type CoreMessage,
  type CoreParam,
} from "../../../src/scores";
import { FIXTURES, fixture, NOW } from "./helpers";

// A hospital's local codes for concepts the standard tables give no Observation code (local-codes.json is
// empty in the repository): Frankel grade, pain VAS and EQ VAS, so that their readers' messages can be reached.
vi.mock("../../../src/extract/mappings", async (importOriginal) => {
  const orig = await importOriginal<typeof import("../../../src/extract/mappings")>();
  const local: Record<string, "frankel" | "painVas" | "eqVas"> = {
    FRANKEL: "frankel",
    "PAIN-VAS": "painVas",
    "EQ-VAS": "eqVas",
  };
  return {
    ...orig,
    observationConcept: (system: string, code: string) =>
      system === "https://hospital.example/fhir/CodeSystem/lab"
        ? (local[code] ?? null)
        : orig.observationConcept(system, code),
  };
});

const P = "p1";
const LOCAL = "https://hospital.example/fhir/CodeSystem/lab";
const LOINC = "http://loinc.org";
const SCT = "http://snomed.info/sct";
const CM = "http://hl7.org/fhir/sid/icd-10-cm";
const subject = { reference: `Patient/${P}` };
const SYS = APP_CODE_SYSTEM;
const coding = (code: string) => ({ valueCoding: { system: SYS, code } });
const LEVEL = {
  T5: "56401006",
  T6: "45296009",
  L1: "66794005",
  L2: "14293000",
  S5: "49481001",
  Coccyx: "64688005",
} as const;
const REGION = {
  spine: "421060004",
  cervical: "122494005",
  thoracic: "122495006",
  lumbar: "122496007",
  sacrum: "54735007",
} as const;
const THORACIC_SPINE = REGION.thoracic;

const patient = (birthDate = "1950-06-15") => ({ resourceType: "Patient", id: P, birthDate });
const obs = (id: string | undefined, system: string, code: string, extra: Record<string, unknown> = {}) => ({
  resourceType: "Observation",
  ...(id ? { id } : {}),
  status: "final",
  code: { coding: [{ system, code }] },
  subject,
  effectiveDateTime: "2024-05-01",
  ...extra,
});
const kps = (id: string | undefined, value: number, extra: Record<string, unknown> = {}) =>
  obs(id, LOINC, "89243-0", { valueInteger: value, ...extra });
const ecog = (id: string, value: number, day = "2024-05-01") =>
  obs(id, LOINC, "89247-1", { valueInteger: value, effectiveDateTime: day });
const cond = (id: string, codes: [string, string][], sites: string[] = [], extra: Record<string, unknown> = {}) => ({
  resourceType: "Condition",
  id,
  code: { coding: codes.map(([system, code]) => ({ system, code })) },
  bodySite: sites.map((code) => ({ coding: [{ system: SCT, code }] })),
  subject,
  recordedDate: "2024-05-01",
  ...extra,
});
const spinal = (id: string, sites: string[], extra: Record<string, unknown> = {}) =>
  cond(id, [[SCT, "94222008"]], sites, extra);
const status = (code: string) => ({ coding: [{ code }] });
const qr = (
  id: string,
  instrument: Instrument,
  items: { linkId: string; answer: unknown[] }[],
  extra: Record<string, unknown> = {},
) => ({
  resourceType: "QuestionnaireResponse",
  id,
  questionnaire: questionnaireUrl(instrument),
  status: "completed",
  subject,
  authored: "2024-05-02",
  item: items,
  ...extra,
});
const eq5dItems = (withIndex: boolean) => [
  ...["eq5d-mo", "eq5d-sc", "eq5d-ua", "eq5d-pd", "eq5d-ad"].map((linkId) => ({
    linkId,
    answer: [coding("eq5d.level.2")],
  })),
  ...(withIndex
    ? [
        { linkId: "eq5d-index", answer: [{ valueDecimal: 0.7 }] },
        { linkId: "eq5d-value-set", answer: [{ valueString: "Japan_cTTO_fullPrecision" }] },
      ]
    : []),
];

/** A resource whose reader throws (a getter), to reach the "internal error" diagnostic. */
function throwing(stableType: boolean): unknown {
  let reads = 0;
  return {
    get resourceType() {
      reads++;
      return stableType || reads === 1 ? "Observation" : undefined;
    },
    id: "boom",
    get code(): unknown {
      throw new Error("reader failure");
    },
  };
}

interface Case {
  name: string;
  resources: unknown[];
  options?: Partial<ReportOptions>;
}

const INVALID_ENTRIES = {
  sins: { location: "X", pain: "x", boneLesion: "x", alignment: "x", collapse: "x", posterolateral: "x" },
  tokuhashi: {
    generalCondition: "x",
    extraspinalBoneMets: "x",
    vertebralBodyMets: "x",
    visceralMets: "x",
    primarySite: "x",
    palsy: "x",
  },
} as unknown as ClinicianEntries;

/** Representative cases: together they reach every message of src/extract. */
const CASES: Case[] = [
  {
    name: "entries by the clinician over the record's values",
    resources: [patient(), kps("k60", 60), spinal("t5", [LEVEL.T5])],
    options: { clinician: { tokuhashi: { generalCondition: "good" }, sins: { pain: "none", location: "T6" } } },
  },
  {
    name: "several questionnaires of one day (one in progress), and twelve ECOG records of one day",
    resources: [
      patient(),
      qr("eq-a", "eq5d5l", eq5dItems(false), { status: "in-progress" }),
      qr("eq-b", "eq5d5l", eq5dItems(false)),
      qr("eq-c", "eq5d5l", eq5dItems(false)),
      ...Array.from({ length: 12 }, (_, i) => ecog(`e${i + 1}`, 2, "2024-04-01")),
    ],
  },
  {
    name: "a long chart: thirty KPS and thirty ECOG records of one day in two values each (twenty named, the rest counted)",
    resources: [
      patient(),
      ...Array.from({ length: 30 }, (_, i) => kps(`k${i}`, i % 2 ? 60 : 80, { effectiveDateTime: "2024-06-01" })),
      ...Array.from({ length: 30 }, (_, i) => ecog(`e${i}`, i % 2 ? 1 : 2, "2024-06-02")),
    ],
  },
  {
    name: "unreadable entries and resources",
    resources: [
      patient("1950"),
      null,
      42,
      {},
      { resourceType: "Observation", id: "no-code", status: "final", subject },
      { resourceType: "Observation", id: "code-text", status: "final", code: "KPS", subject },
      kps("bad-status", 60, { status: 5 }),
      kps("bad-date", 60, { effectiveDateTime: "2024-13-45" }),
      kps("long-date", 60, { effectiveDateTime: `2024-01-01${"0".repeat(60)}` }),
      { resourceType: "QuestionnaireResponse", id: "q-num", questionnaire: 5, status: "completed", subject },
      { resourceType: "Patient", id: 5 },
      throwing(true),
      throwing(false),
    ],
  },
  {
    name: "statuses, values and scales of Observations",
    resources: [
      patient(),
      kps("other", 60, { subject: { reference: "Patient/someone-else" } }),
      kps("eie", 60, { status: "entered-in-error" }),
      kps("registered", 60, { status: "registered" }),
      kps("prelim", 60, { status: "preliminary" }),
      obs("no-value", LOINC, "89243-0"),
      kps("kps-35", 35),
      kps("kps-0", 0),
      kps("kps-coded", 60, { valueCodeableConcept: { coding: [{ system: LOINC, code: "LA29178-3" }] } }),
      obs("barthel-20", LOINC, "96761-2", { valueInteger: 15, referenceRange: [{ high: { value: 20 } }] }),
      obs("barthel-15", LOINC, "96761-2", { valueInteger: 15 }),
      obs("vas-140", LOCAL, "PAIN-VAS", { valueInteger: 140 }),
      obs("frankel-none", LOCAL, "FRANKEL"),
      obs("nrs-12", LOINC, "72514-3", { valueInteger: 12 }),
      obs("eqvas-150", LOCAL, "EQ-VAS", { valueInteger: 150 }),
      obs("barthel-17", LOINC, "96761-2", { valueInteger: 17 }),
    ],
  },
  {
    name: "spinal metastases named by region only",
    resources: [patient(), ...Object.values(REGION).map((code, i) => spinal(`region-${i}`, [code]))],
  },
  {
    name: "statuses of Conditions and QuestionnaireResponses",
    resources: [
      patient(),
      spinal("refuted", [LEVEL.T5], { verificationStatus: status("refuted") }),
      spinal("resolved", [LEVEL.T5], { clinicalStatus: status("resolved") }),
      spinal("provisional", [LEVEL.T5], { verificationStatus: status("provisional") }),
      spinal("unconfirmed", [LEVEL.T6], { verificationStatus: status("unconfirmed") }),
      spinal("differential", [LEVEL.T6], { verificationStatus: status("differential") }),
      spinal("region", [THORACIC_SPINE]),
      spinal("no-site", []),
      qr("q-eie", "ecog", [], { status: "entered-in-error" }),
      qr("q-odd", "ecog", [], { status: "amended-ish" }),
      qr("q-wip", "sins", [{ linkId: "sins-pain", answer: [coding("sins.pain.mechanical")] }], {
        status: "in-progress",
      }),
      qr("q-bad", "sins", [{ linkId: "sins-pain", answer: [coding("sins.pain.excruciating")] }]),
    ],
  },
  {
    name: "conflicts on one date, and a measurement conflict without a date",
    resources: [
      patient(),
      kps("k1", 60),
      kps(undefined, 80),
      obs("vas-1", LOCAL, "PAIN-VAS", { valueInteger: 30, effectiveDateTime: undefined }),
      obs(undefined, LOCAL, "PAIN-VAS", { valueInteger: 50, effectiveDateTime: undefined }),
      qr("s-1", "sins", [
        { linkId: "sins-scored-level", answer: [coding("level.T5")] },
        { linkId: "sins-bone-lesion", answer: [coding("sins.boneLesion.lytic")] },
        { linkId: "sins-pain", answer: [coding("sins.pain.mechanical")] },
        { linkId: "sins-alignment", answer: [coding("sins.alignment.normal")] },
        { linkId: "sins-collapse", answer: [coding("sins.collapse.gt50")] },
        { linkId: "sins-posterolateral", answer: [coding("sins.posterolateral.none")] },
      ]),
      qr("s-2", "sins", [
        { linkId: "sins-scored-level", answer: [coding("level.T6")] },
        { linkId: "sins-bone-lesion", answer: [coding("sins.boneLesion.blastic")] },
        { linkId: "sins-pain", answer: [coding("sins.pain.occasional")] },
        { linkId: "sins-alignment", answer: [coding("sins.alignment.deformity")] },
        { linkId: "sins-collapse", answer: [coding("sins.collapse.noCollapseOver50Involved")] },
        { linkId: "sins-posterolateral", answer: [coding("sins.posterolateral.bilateral")] },
      ]),
      qr("t-1", "tokuhashi", [
        { linkId: "tokuhashi-extraspinal-bone-mets", answer: [coding("tokuhashi.extraspinalBoneMets.3+")] },
        { linkId: "tokuhashi-vertebral-body-mets", answer: [coding("tokuhashi.vertebralBodyMets.2")] },
        { linkId: "tokuhashi-visceral-mets", answer: [coding("tokuhashi.visceralMets.removable")] },
        { linkId: "tokuhashi-primary-site", answer: [coding("tokuhashi.primarySite.kidney")] },
        { linkId: "tokuhashi-palsy", answer: [coding("frankel.B")] },
      ]),
      qr("t-2", "tokuhashi", [
        { linkId: "tokuhashi-extraspinal-bone-mets", answer: [coding("tokuhashi.extraspinalBoneMets.1-2")] },
        { linkId: "tokuhashi-vertebral-body-mets", answer: [coding("tokuhashi.vertebralBodyMets.3+")] },
        { linkId: "tokuhashi-visceral-mets", answer: [coding("tokuhashi.visceralMets.unremovable")] },
        { linkId: "tokuhashi-primary-site", answer: [coding("tokuhashi.primarySite.breast")] },
        { linkId: "tokuhashi-palsy", answer: [coding("frankel.D")] },
      ]),
    ],
  },
  {
    name: "the same category twice, from the forms",
    resources: [
      patient(),
      qr("t-gc", "tokuhashi", [
        { linkId: "tokuhashi-general-condition", answer: [coding("tokuhashi.generalCondition.moderate")] },
      ]),
      qr("t-kps", "tokuhashi", [{ linkId: "tokuhashi-kps", answer: [{ valueInteger: 60 }] }]),
    ],
  },
  { name: "KPS 60 and 70 on one date, and a preliminary KPS", resources: [patient(), kps("k60", 60), kps("k70", 70)] },
  { name: "a preliminary KPS only", resources: [patient(), kps("kp", 50, { status: "preliminary" })] },
  { name: "ECOG 2 only", resources: [patient(), ecog("e2", 2)] },
  { name: "ECOG 1 only", resources: [patient(), ecog("e1", 1)] },
  { name: "two ECOG values on one date", resources: [patient(), ecog("e2", 2), ecog("e3", 3)] },
  // Issue 12: recency across instruments, units, the study population, primary site
  {
    name: "a KPS older than a newer ECOG",
    resources: [patient(), kps("k-old", 90, { effectiveDateTime: "2024-01-15" }), ecog("e-new", 4, "2024-06-20")],
  },
  { name: "an ECOG as old as the KPS", resources: [patient(), kps("k", 40), ecog("e", 3)] },
  {
    name: "a pain VAS in cm and one in inches",
    resources: [
      patient(),
      obs("vas-cm", LOCAL, "PAIN-VAS", {
        valueQuantity: { value: 7, system: "http://unitsofmeasure.org", code: "cm" },
      }),
      obs("vas-in", LOCAL, "PAIN-VAS", { valueQuantity: { value: 3, unit: "in" } }),
    ],
  },
  {
    name: "an inactive T5, an unlevelled lumbar metastasis, a breast cancer in remission and an unmapped mCODE primary",
    resources: [
      patient(),
      spinal("t5-old", [LEVEL.T5], { clinicalStatus: status("resolved") }),
      cond("lumbar", [[SCT, "94222008"]], [REGION.lumbar]),
      spinal("l1", [LEVEL.L1]),
      cond("breast", [[SCT, "254837009"]], [], { clinicalStatus: status("remission") }),
      cond("idc", [[SCT, "408643008"]], [], {
        meta: { profile: ["http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-primary-cancer-condition"] },
      }),
      cond("liver-old", [[CM, "C78.7"]], [], { clinicalStatus: status("inactive") }),
    ],
  },
  {
    name: "lesions across location classes, a rib and a femur, and the coccyx",
    resources: [
      patient(),
      spinal("l1-l2", [LEVEL.L1, LEVEL.L2]),
      spinal("sacro", [LEVEL.S5, LEVEL.Coccyx]),
      cond("rib", [[SCT, "94222008"]], [], {
        bodySite: [{ coding: [{ system: SCT, code: "113197003", display: "Rib" }] }],
      }),
      cond("femur", [[SCT, "94222008"]], [], {
        bodySite: [{ coding: [{ system: SCT, code: "71341001", display: "Femur" }] }],
      }),
      cond("liver", [[CM, "C78.7"]]),
      cond("pleura", [[CM, "C78.2"]]),
      cond("lung", [[CM, "C34.1"]]),
      cond("digestive", [[CM, "C26.9"]]),
    ],
  },
  {
    name: "one thoracic lesion linked to its primary, one rib, a metastasis of unknown site",
    resources: [
      patient(),
      spinal("t5-t6", [LEVEL.T5, LEVEL.T6], {
        extension: [
          {
            url: "http://hl7.org/fhir/StructureDefinition/condition-related",
            valueReference: { reference: "Condition/anal" },
          },
        ],
      }),
      spinal("t6", [LEVEL.T6]),
      cond("rib", [[SCT, "94222008"]], [], {
        bodySite: [{ coding: [{ system: SCT, code: "113197003", display: "Rib" }] }],
      }),
      cond("anywhere", [[SCT, "128462008"]]),
      cond("anal", [[CM, "C21.0"]]),
      cond("lung", [[CM, "C34.1"]]),
    ],
  },
  { name: "nothing on file, no Patient", resources: [] },
  { name: "a birth date after the report date", resources: [patient("2999-01-01")] },
  { name: "entries outside every item's categories", resources: [patient()], options: { clinician: INVALID_ENTRIES } },
  {
    name: "EQ-5D-5L under a value set that does not exist",
    resources: [
      patient(),
      qr("eq-stored", "eq5d5l", eq5dItems(true)),
      qr("eq-bare", "eq5d5l", eq5dItems(false), { authored: "2024-05-03" }),
    ],
    options: { valueSetId: "Nowhere" },
  },
  // Time (src/extract/timing.ts): spinal surgeries and the app's timepoint answers.
  ...TIME_CASES(),
];

/** Cases that reach the messages of the time rules (test/unit/extract/timing.test.ts has the golden cases). */
function TIME_CASES(): Case[] {
  const surgery = (id: string, extra: Record<string, unknown> = {}) => ({
    resourceType: "Procedure",
    id,
    status: "completed",
    subject,
    code: { coding: [{ system: SCT, code: "55705006", display: "Spinal fusion" }] },
    performedDateTime: "2024-06-01",
    ...extra,
  });
  const frankel = (id: string, grade: string, timepoint: "preop" | "1mo", date: string | null) =>
    qr(
      id,
      "frankel",
      [
        { linkId: "timepoint", answer: [coding(`timepoint.${timepoint}`)] },
        ...(date ? [{ linkId: "timepoint-date", answer: [{ valueDate: date }] }] : []),
        { linkId: "frankel", answer: [coding(`frankel.${grade}`)] },
      ],
      date ? { authored: date } : { authored: undefined },
    );
  return [
    {
      name: "a surgery: evidence the same day, after it, a diagnosis recorded after it, an ignored Procedure",
      resources: [
        patient(),
        surgery("s1"),
        surgery("s-err", { status: "entered-in-error" }),
        kps("k60", 60, { effectiveDateTime: "2024-05-20" }),
        kps("k80", 80, { effectiveDateTime: "2024-06-01" }),
        kps("k70", 70, { effectiveDateTime: "2024-06-01" }),
        frankel("f-pre", "C", "preop", "2024-05-25"),
        frankel("f-1a", "D", "1mo", "2024-07-01"),
        frankel("f-1b", "E", "1mo", "2024-07-01"),
        spinal("m-late", [LEVEL.T5], { recordedDate: "2024-06-05" }),
      ],
    },
    {
      name: "a surgery: contradicting timepoint answers",
      resources: [
        patient(),
        surgery("s1"),
        frankel("f-pre-late", "E", "preop", "2024-06-05"),
        kps("k60", 60, { effectiveDateTime: "2024-05-20" }),
        kps("k70", 70, { effectiveDateTime: "2024-06-01" }),
      ],
    },
    {
      name: "a surgery and a 1-month answer dated before it",
      resources: [patient(), surgery("s1"), frankel("f-1-early", "D", "1mo", "2024-05-20")],
    },
    {
      name: "no surgery on file, a 1-month answer, and an undated KPS",
      resources: [
        patient(),
        frankel("f-1", "D", "1mo", "2024-07-01"),
        kps("k-undated", 90, { effectiveDateTime: undefined }),
      ],
    },
    {
      name: "a surgery without a date, and one of unknown status",
      resources: [
        patient(),
        surgery("s-nodate", { performedDateTime: undefined }),
        kps("k60", 60, { effectiveDateTime: "2024-05-20" }),
      ],
    },
    {
      name: "a surgery of unknown status before the index surgery",
      resources: [
        patient(),
        surgery("s1"),
        surgery("s-unknown", { status: "unknown", performedDateTime: "2024-05-01" }),
        kps("k60", 60, { effectiveDateTime: "2024-05-20" }),
      ],
    },
    {
      name: "no surgery on file: the app's 1-month answers mark it; a late pre-op answer; an undated KPS",
      resources: [
        patient(),
        frankel("f-pre", "C", "preop", "2024-05-25"),
        frankel("f-1", "D", "1mo", "2024-07-01"),
        frankel("f-pre-late", "E", "preop", "2024-07-10"),
        kps("k50", 50, { effectiveDateTime: "2024-06-10" }),
        kps("k-undated", 90, { effectiveDateTime: undefined }),
      ],
    },
    {
      name: "no surgery on file, a 1-month answer without a date, and Procedures that could not be read",
      resources: [patient(), frankel("f-1", "D", "1mo", null), kps("k50", 50, { effectiveDateTime: "2024-06-10" })],
      options: {
        diagnostics: [
          {
            severity: "warning",
            code: "search-forbidden",
            message: {
              code: "access.search-forbidden",
              params: {
                search: "Procedure",
                data: { code: "access.search.Procedure" },
                holds: { code: "access.holds.Procedure" },
              },
            },
          },
        ],
      },
    },
  ];
}

// ------------------------------------------------------------------------------------------ helpers

function isMessage(p: CoreParam): p is CoreMessage {
  return typeof p === "object" && "code" in p;
}

/** Every code in a message, nested ones included (a term of the mapping data has none). */
function codesIn(param: CoreParam, into: Set<string>): void {
  if (typeof param !== "object" || "term" in param) return;
  if (isMessage(param)) {
    into.add(param.code);
    for (const p of Object.values(param.params ?? {})) codesIn(p, into);
  } else for (const p of param.items) codesIn(p, into);
}

interface Pair {
  where: string;
  /** A message, or an item's sentences. */
  message: CoreMessage | readonly CoreMessage[] | null | undefined;
}

function applicabilityPairs(a: Applicability, where: string): Pair[] {
  return a.reasons.map((message, i) => ({ where: `${where} reason ${i}`, message }));
}

/** Every provenance of a report, where it is. */
function provenances(r: ScoreReport): [string, Provenance][] {
  const out: [string, Provenance][] = r.segmentGroup.provenance.map((p) => ["segment group", p]);
  for (const [key, item] of [...Object.entries(r.sins.items), ...Object.entries(r.tokuhashi.items)]) {
    for (const p of item.provenance) out.push([key, p]);
    for (const p of item.overridden?.provenance ?? []) out.push([`${key} overridden`, p]);
    for (const o of item.conflict?.options ?? []) out.push([`${key} conflict`, o.provenance]);
  }
  for (const t of r.qol.timepoints) out.push([`QOL ${t.timepoint} ${t.date ?? ""}`, t.source]);
  return out;
}

/** Every message of a report, where it is. */
function pairs(r: ScoreReport): Pair[] {
  const out = applicabilityPairs(r.applicability, "applicability");
  for (const [where, p] of provenances(r)) {
    if (p.note) out.push({ where: `${where} provenance note`, message: p.note });
    if (p.claim) out.push({ where: `${where} provenance claim`, message: p.claim });
  }
  const items = [...Object.entries(r.sins.items), ...Object.entries(r.tokuhashi.items)];
  for (const [key, item] of items) {
    if (item.context) out.push({ where: `${key} context`, message: item.context });
    if (item.suggestion) out.push({ where: `${key} suggestion`, message: item.suggestion.reason });
  }
  for (const d of r.diagnostics) out.push({ where: `diagnostic ${d.code ?? ""}`, message: d.message });
  return out;
}

/** The catalogue words the pair's message completely, in English and in Japanese. */
function expectWorded(p: Pair, seen: Set<string>): void {
  expect(p.message, `${p.where}: no message`).toBeTruthy();
  const messages: readonly CoreMessage[] = Array.isArray(p.message)
    ? p.message
    : p.message
      ? [p.message as CoreMessage]
      : [];
  expect(messages.length, `${p.where}: no message`).toBeGreaterThan(0);
  for (const m of messages) {
    codesIn(m, seen);
    expect(renderCoreMessage("en", m), `${p.where}: ${m.code} in English`).not.toBeNull();
    expect(renderCoreMessage("ja", m), `${p.where}: ${m.code} in Japanese`).not.toBeNull();
  }
}

function checkReport(r: ScoreReport, seen: Set<string>): void {
  for (const p of pairs(r)) expectWorded(p, seen);
}

const valueCodes = new Set<string>(EXTRACT_MESSAGE_CODES.filter((c) => c.startsWith("value.")));

// -------------------------------------------------------------------------------------------- tests

describe("every core message is worded by the catalogue, in English and Japanese", () => {
  const seen = new Set<string>();

  it("applicability and segment-group reasons (src/scores)", () => {
    const inputs = [
      { levels: [], age: null, enBlocPlanned: null },
      { levels: ["T1", "T3", "T4", "T5"], age: 19, enBlocPlanned: true },
      { levels: ["Coccyx"], age: 50, enBlocPlanned: false },
      { levels: ["S5", "Coccyx"], age: 50, enBlocPlanned: null },
      { levels: ["T6"], age: 72, enBlocPlanned: false },
    ] as const;
    for (const input of inputs) {
      const a = applicability({ levels: [...input.levels], age: input.age, enBlocPlanned: input.enBlocPlanned });
      for (const p of applicabilityPairs(a, input.levels.join("+"))) expectWorded(p, seen);
    }
    const fourNonContiguous = applicability({ levels: ["T1", "T3", "T4", "T5"], age: 19, enBlocPlanned: true });
    expect(coreText("en", fourNonContiguous.reasons[0] as CoreMessage)).toBe(
      "4 vertebrae (T1, T3, T4, T5): the study included 1–3 contiguous vertebrae",
    );
    for (const levels of [[], ["Coccyx"]] as const) {
      const g = segmentGroup([...levels]);
      expect(g.reason).not.toBeNull();
      expectWorded({ where: `segment ${levels.join("+")}`, message: g.reason }, seen);
    }
    expect(segmentGroup(["T6"]).reason).toBeNull();
  });

  it("any applicability input: every reason worded", () => {
    const level = fc.constantFrom(...SPINAL_LEVELS);
    const input = fc.record({
      levels: fc.uniqueArray(level, { maxLength: 5 }),
      age: fc.option(fc.integer({ min: 0, max: 110 })),
      enBlocPlanned: fc.option(fc.boolean()),
    });
    fc.assert(
      fc.property(input, (i) => {
        for (const p of applicabilityPairs(applicability(i), i.levels.join("+"))) expectWorded(p, new Set());
        const g = segmentGroup(i.levels);
        expect(g.reason === null).toBe(g.group !== null);
        if (g.reason !== null) expectWorded({ where: "segment", message: g.reason }, new Set());
      }),
      { numRuns: 300 },
    );
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    checkReport(buildReport(c.resources, P, { now: NOW, ...c.options }), seen);
  });

  it("a primary cancer Condition without a display or code (evidence built by hand)", () => {
    const ev = extractEvidence([patient()], P);
    ev.primaries.push({
      reference: "Condition/x",
      candidates: ["lung"],
      date: null,
      note: null,
      displayFromMapping: false,
      provenance: { reference: "Condition/x", date: null, code: null },
    });
    const r = scoreReport(ev, { now: NOW });
    expect(coreSentences("en", r.tokuhashi.items.primarySite.context)).toBe(
      "Primary cancer on file: primary cancer (Condition/x: lung).",
    );
    checkReport(r, seen);
  });

  it("reasons for a resource that zod refuses, from real zod issues", () => {
    const issues = [
      z.safeParse(z.object({ status: z.enum(["final"]) }), { status: "draft" }),
      z.safeParse(z.object({ item: z.array(z.string()).check(z.minLength(1)) }), { item: [] }),
      z.safeParse(z.object({}), 5),
    ].map((r) => (r.success ? [] : r.error.issues));
    const reasons = [...issues.map((i) => issueReason(i)), issueReason([])];
    expect(reasons.map((r) => coreText("en", r as CoreMessage))).toEqual([
      "status: not an allowed value",
      "item: invalid",
      "(resource): expected object",
      "invalid",
    ]);
    for (const r of reasons) {
      expect(typeof r).toBe("object");
      expectWorded({ where: "issue", message: r as CoreMessage }, seen);
    }
  });

  it("every fixture patient", () => {
    for (const file of readdirSync(join(FIXTURES, "patients"))) {
      const name = file.replace(/\.json$/, "");
      checkReport(buildReport(fixture(name), name, { now: NOW }), seen);
    }
  });

  it("the cases reach every code the core can emit (the item values are checked one by one below)", () => {
    const missing = CORE_MESSAGE_CODES.filter((c) => !seen.has(c) && !valueCodes.has(c));
    expect(missing).toEqual([]);
    // A case may carry a data-access note (src/fhir's codes, rendered through the same catalogue).
    const known: readonly string[] = [...CORE_MESSAGE_CODES, ...ACCESS_MESSAGE_CODES];
    const unknown = [...seen].filter((c) => !known.includes(c));
    expect(unknown).toEqual([]);
  });

  it("an item value reads as its key in English (String(value))", () => {
    expect(valueCodes.size).toBe(3 + 3 + 3 + 3 + 17 + 3 + 3 + 3 + 4 + 3);
    for (const code of valueCodes) expect(templateOf("en", `core.${code}`)).toBe(code.split(".").slice(2).join("."));
  });

  it("list separators are the core's", () => {
    for (const j of CORE_JOINS) expect(templateOf("en", `core.join.${j}`)).toBe(CORE_JOIN_TEXT[j]);
  });

  it("any mix of the cases' resources: every message worded", () => {
    const pool = CASES.flatMap((c) => c.resources).filter(
      (r) => !(typeof r === "object" && r !== null && "resourceType" in r && r.resourceType === "Patient"),
    );
    fc.assert(
      fc.property(fc.subarray(pool, { maxLength: 14 }), fc.boolean(), (resources, withPatient) => {
        const list = withPatient ? [patient(), ...resources] : resources;
        checkReport(buildReport(list, P, { now: NOW }), new Set());
      }),
      { numRuns: 80 },
    );
  });
});

describe("the core section of the catalogue", () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  // The core's codes and, beside them, those of the data-access notes (src/fhir/messages.ts; checked against
  // what src/fhir/record.ts writes in test/unit/fhir/record.test.ts).
  const ALL_CODES: readonly string[] = [...CORE_MESSAGE_CODES, ...ACCESS_MESSAGE_CODES];

  it("has exactly the core's codes, the data-access notes' codes and the separators, in English and Japanese", () => {
    const keys = [...ALL_CODES.map((c) => `core.${c}`), ...CORE_JOINS.map((j) => `core.join.${j}`)].sort();
    expect(Object.keys(coreStrings.en).sort()).toEqual(keys);
    expect(Object.keys(coreStrings.ja).sort()).toEqual(keys);
    expect(new Set(ALL_CODES).size).toBe(ALL_CODES.length);
    expect(SCORE_MESSAGE_CODES.every((c) => CORE_MESSAGE_CODES.includes(c))).toBe(true);
  });

  it("every code has a Japanese text with the same placeholders", () => {
    for (const code of ALL_CODES) {
      const en = templateOf("en", `core.${code}`);
      const ja = templateOf("ja", `core.${code}`);
      expect(ja, code).toBeTruthy();
      expect(placeholders(ja ?? ""), code).toEqual(placeholders(en ?? ""));
    }
  });

  it("renders a report's messages in Japanese", () => {
    const four = buildReport(fixture("four-levels-l1-l4"), "four-levels-l1-l4", { now: NOW });
    expect(coreText("ja", four.applicability.reasons[0] as CoreMessage)).toBe(
      "椎体4個（L1–L4）：本研究の対象は連続する1〜3椎体",
    );
    const vertebrae = four.tokuhashi.items.vertebralBodyMets;
    expect(coreSentences("ja", vertebrae.context)).toBe(
      "少なくとも4椎体の転移が記録されています（L1–L4）：確認されるまでは下限値です。",
    );
    const ecogOnly = buildReport([patient(), ecog("e2", 2)], P, { now: NOW }).tokuhashi.items.generalCondition;
    expect(coreSentences("ja", ecogOnly.context)).toBe(
      "カルノフスキー・パフォーマンス・ステータス（KPS）の記録がありません。ECOG 2（2024-05-01、観察値 e2）を参考として表示します。KPSには換算しません。",
    );
    const s = ecogOnly.suggestion;
    expect(coreText("ja", s?.reason as CoreMessage)).toBe(
      "ECOG 2はKPS 50–60（oBDS）、KPS 60–70（Ma et al. 2010）、KPS 70（Prasad et al. 2018）に相当し、いずれの対応表でも「中等度（KPS 50–70 %）」です。あくまで提案です：確定するかKPSを入力してください。",
    );
    const conflict = buildReport([patient(), kps("k1", 60), kps(undefined, 80)], P, { now: NOW });
    const d = conflict.diagnostics.find((x) => x.message.code === "diag.conflict.item");
    expect(coreText("ja", d?.message as CoreMessage)).toBe(
      "徳橋スコア 全身状態（KPS）：2024-05-01に異なる値が記録されています：KPS 60（観察値 k1）；KPS 80（IDなし）。正しい値を選んでください。",
    );
  });

  it("a message the locale cannot word completely reads wholly in English, never half; one no catalogue knows, as its code", () => {
    expect(coreText("ja", { code: "applicability.age-under-20", params: { age: 19 } })).toBe(
      "19歳：本研究の対象は20歳以上",
    );
    expect(coreText("en", { code: "applicability.age-under-20", params: { age: 19 } })).toBe(
      "age 19: the study included patients aged 20 years or older",
    );
    expect(coreText("ja", { code: "no.such.code" })).toBe("no.such.code");
    expect(renderCoreMessage("ja", { code: "applicability.age-under-20" })).toBeNull();
    expect(coreText("ja", { code: "applicability.age-under-20" })).toBe("applicability.age-under-20");
    expect(coreSentences("ja", [{ code: "context.no-kps" }, { code: "no.such.code" }])).toBe(
      "context.no-kps no.such.code",
    );
    expect(coreSentences("ja", [])).toBe("");
  });

  it("the Japanese differs from the English except for language-neutral terms", () => {
    const neutral = [
      "concept.kps",
      "concept.ecog",
      "concept.eqVas",
      "claim.kps",
      "claim.ecog",
      "claim.frankel",
      // Only the mapping's note, a term translated by fhir-mappings/terms.ja.json.
      "context.primary.mapping-note",
      // Only the provenance notes, joined by the locale's separator.
      "prov.notes",
    ];
    const same = ALL_CODES.filter((c) => templateOf("en", `core.${c}`) === templateOf("ja", `core.${c}`));
    expect(same).toEqual(neutral);
  });
});

describe("terms of the mapping data in Japanese (fhir-mappings/terms.ja.json)", () => {
  const visceral = () =>
    buildReport(
      [
        patient(),
        cond("liver", [[CM, "C78.7"]]),
        cond("pleura", [[CM, "C78.2"]]),
        // A metastasis of unspecified site whose body site the record names: the record's words, quoted.
        cond("elsewhere", [[SCT, "128462008"]], [], {
          bodySite: [{ coding: [{ system: SCT, code: "78961009", display: "Splenic structure" }] }],
        }),
      ],
      P,
      { now: NOW },
    ).tokuhashi.items.visceralMets;

  it("a visceral metastasis: the mapping's organs in Japanese, the record's body site as written", () => {
    const item = visceral();
    expect(coreSentences("en", item.context)).toBe(
      "Metastasis to a major internal organ on file: liver (Condition/liver). Removable or not is the surgeon's judgement. " +
        "Also on file, possibly a major internal organ: pleura (Condition/pleura), Splenic structure (Condition/elsewhere).",
    );
    expect(coreSentences("ja", item.context)).toBe(
      "主要臓器への転移が記録されています：肝臓（病名・状態 liver）。切除可能かどうかは術者が判断してください。" +
        "主要臓器に該当する可能性のある転移の記録もあります：胸膜（病名・状態 pleura）、Splenic structure（病名・状態 elsewhere）。",
    );
  });

  it("an ambiguous primary: the mapping's site name and note in Japanese; the record's own display as written", () => {
    const anal = buildReport([patient(), cond("anal", [[CM, "C21.0"]])], P, { now: NOW }).tokuhashi.items.primarySite;
    expect(coreSentences("en", anal.context)).toBe(
      "Primary cancer on file: Anus and anal canal (Condition/anal: rectum or others). " +
        "The anal canal is not the rectum anatomically, but registries often group them: ask. Pick the primary-site category.",
    );
    expect(coreSentences("ja", anal.context)).toBe(
      "記録にある原発がん：肛門および肛門管（病名・状態 anal：直腸またはその他）。" +
        "肛門管は解剖学的には直腸ではありませんが、がん登録ではまとめて扱われることが多いため、確認してください。原発巣の分類を選んでください。",
    );
    const named = {
      resourceType: "Condition",
      id: "cx",
      code: { coding: [{ system: CM, code: "C53.9", display: "Carcinoma of cervix uteri" }] },
      subject,
    };
    const cervix = buildReport([patient(), named], P, { now: NOW }).tokuhashi.items.primarySite;
    expect(coreSentences("ja", cervix.context)).toBe(
      "記録にある原発がん：Carcinoma of cervix uteri（病名・状態 cx：子宮またはその他）。原発巣の分類を選んでください。",
    );
  });

  it("a term the table lacks is shown in its English inside the Japanese sentence", () => {
    const message = msg("context.visceral.possible", {
      organs: coreList("comma", [msg("term.with-ref", { label: coreTerm("spleen"), ref: "Condition/s" })]),
    });
    expect(coreText("ja", message)).toBe(
      "主要臓器に該当するかどうか判断を要する転移の記録があります：spleen（病名・状態 s）。判断してください。",
    );
    expect(coreText("en", message)).toBe(
      "Metastasis on file that may or may not count as a major internal organ: spleen (Condition/s). Please decide.",
    );
    expect(coreText("ja", msg("context.primary.mapping-note", { note: coreTerm("A note nobody translated.") }))).toBe(
      "A note nobody translated.",
    );
  });

  it('"site not coded" stays a message of the core, also when a record names a body site so', () => {
    const r = buildReport(
      [
        patient(),
        cond("nowhere", [[SCT, "128462008"]]),
        cond("odd", [[SCT, "128462008"]], [], {
          bodySite: [{ coding: [{ system: SCT, code: "1", display: "site not coded" }] }],
        }),
      ],
      P,
      { now: NOW },
    );
    expect(coreSentences("ja", r.tokuhashi.items.visceralMets.context)).toBe(
      "主要臓器に該当するかどうか判断を要する転移の記録があります：部位コードなし（病名・状態 nowhere）、site not coded（病名・状態 odd）。判断してください。",
    );
  });
});

describe("provenance notes (Provenance.note)", () => {
  const sources = (resources: unknown[]) =>
    buildReport([patient(), ...resources], P, { now: NOW }).qol.timepoints.map((t) => t.source);

  it("a day of several records names the others (ten at most, the rest counted) and says when one is preliminary", () => {
    const ecogs = Array.from({ length: 12 }, (_, i) => ecog(`e${i + 1}`, 2, "2024-04-01"));
    const [day] = sources([
      ...ecogs,
      obs("ep", LOINC, "89247-1", { valueInteger: 2, effectiveDateTime: "2024-04-01", status: "preliminary" }),
    ]);
    const others = Array.from({ length: 10 }, (_, i) => `Observation/e${i + 2}`);
    expect(coreText("en", day?.note as CoreMessage)).toBe(
      `also ${others.join(", ")}, 2 more; includes preliminary results`,
    );
    // Japanese names the resource type in words (src/i18n/sections/fhir.ts).
    expect(coreText("ja", day?.note as CoreMessage)).toBe(
      `ほかに${others.map((r) => r.replace("Observation/", "観察値 ")).join("、")}、ほか2件；暫定結果を含む`,
    );
  });

  it("questionnaires of one day: the first's own note, then each other one", () => {
    const [row] = sources([
      qr("eq-a", "eq5d5l", eq5dItems(false), { status: "in-progress" }),
      qr("eq-b", "eq5d5l", eq5dItems(false)),
      qr("eq-c", "eq5d5l", eq5dItems(false)),
    ]);
    expect(coreText("en", row?.note as CoreMessage)).toBe(
      "questionnaire in progress; also QuestionnaireResponse/eq-b; also QuestionnaireResponse/eq-c",
    );
    expect(coreText("ja", row?.note as CoreMessage)).toBe(
      "回答途中の質問票；ほかに質問票の回答 eq-b；ほかに質問票の回答 eq-c",
    );
  });

  it("single notes: preliminary, entered by the clinician, an unconfirmed diagnosis", () => {
    const r = buildReport(
      [
        patient(),
        kps("kp", 50, { status: "preliminary" }),
        spinal("t5", [LEVEL.T5], { verificationStatus: status("provisional") }),
      ],
      P,
      {
        now: NOW,
        clinician: { sins: { pain: "none" } },
      },
    );
    const notes = (ps: readonly Provenance[]) =>
      ps.map((p) => [coreText("en", p.note as CoreMessage), coreText("ja", p.note as CoreMessage)]);
    expect(notes(r.tokuhashi.items.generalCondition.provenance)).toEqual([["preliminary result", "暫定結果"]]);
    expect(notes(r.sins.items.pain.provenance)).toEqual([["entered by clinician", "臨床医が入力"]]);
    expect(notes(r.sins.items.location.provenance)).toEqual([["provisional diagnosis", "暫定診断"]]);
  });
});

describe("a report in words (reportInWords: the CLI's JSON)", () => {
  it("every message becomes its English text, an item's context one text per sentence; figures stay as they are", () => {
    const r = buildReport(fixture("four-levels-l1-l4"), "four-levels-l1-l4", { now: NOW });
    const w = reportInWords(r);
    expect(w.applicability.reasons[0]).toBe("4 vertebrae (L1–L4): the study included 1–3 contiguous vertebrae");
    expect(w.tokuhashi.items.vertebralBodyMets.context).toEqual([
      "At least 4 vertebrae on file (L1–L4): a lower bound until confirmed.",
    ]);
    expect(w.sins).toMatchObject({ total: r.sins.total, min: r.sins.min, max: r.sins.max });
    for (const d of w.diagnostics) expect(typeof d.message).toBe("string");
    // No message object is left in the output: only the words.
    expect(JSON.stringify(w)).not.toMatch(/"code":"(context|diag|applicability|prov|suggestion|segment|access)\./);
  });
});
