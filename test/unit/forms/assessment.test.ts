// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Bundle } from "fhir/r4";
import { describe, expect, it } from "vitest";
import {
  AssessmentNotSavedError,
  assessmentAnswers,
  makeAssessmentSaver,
  saveAssessment,
} from "../../../src/forms/assessment";
import { buildReport } from "../../../src/extract";
import { INSTRUMENTS } from "../../../src/questionnaires/contract";
import type { ClinicianEntries } from "../../../src/report/types";
import { DraftStore } from "../../../src/writeback/drafts";
import { appQuestionnaire } from "../../../src/writeback/questionnaires";
import { BASE, FakeFhir, READ_AND_CREATE } from "../writeback/fake-fhir";
import { MemoryStorage } from "../writeback/helpers";

const NOW = new Date("2026-11-27T00:00:00Z");
const context = { serverUrl: BASE, patientId: "cervical-c7-t1", encounterId: null, fhirUser: "Practitioner/dr-1" };
const clock = {
  now: () => NOW,
  newId: (() => {
    let n = 0;
    return () => `00000000-0000-4000-a000-${String(++n).padStart(12, "0")}`;
  })(),
};
/** A clock whose identifiers start again at …0001. */
function countingClock() {
  let n = 0;
  return { now: () => NOW, newId: () => `00000000-0000-4000-a000-${String(++n).padStart(12, "0")}` };
}

function fixture(name: string): unknown[] {
  const bundle = JSON.parse(readFileSync(join(__dirname, "../../fixtures/patients", name), "utf8")) as Bundle;
  return (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}

const entries: ClinicianEntries = {
  sins: {
    location: "C7",
    pain: "mechanical",
    boneLesion: "lytic",
    alignment: "normal",
    collapse: "lt50",
    posterolateral: "unilateral",
  },
  tokuhashi: {
    extraspinalBoneMets: "1-2",
    vertebralBodyMets: "2",
    visceralMets: "none",
    primarySite: "breast",
    palsy: "D",
  },
};

describe("Save assessment", () => {
  it("writes what is known as sins and tokuhashi responses that the extraction reads back to the same scores", async () => {
    const resources = fixture("cervical-c7-t1.json");
    const report = buildReport(resources, context.patientId, { now: NOW, clinician: entries });
    // By hand (docs/scores.md): SINS C7 junctional 3 + mechanical 3 + lytic 2 + normal 0 + < 50 % 2
    // + unilateral 1 = 11; Tokuhashi KPS 60 (record) 1 + 1–2 foci 1 + two bodies 1 + no visceral 2 + breast 5 + Frankel D 1 = 11.
    expect([report.sins.total, report.tokuhashi.total, report.tokuhashi.prognosis]).toEqual([11, 11, ">=6m"]);

    const fake = new FakeFhir({ questionnaires: INSTRUMENTS.map((i) => appQuestionnaire(i)) });
    const { send } = fake.serve();
    const result = await saveAssessment(report, entries, {
      send,
      context,
      ...READ_AND_CREATE,
      canWrite: true,
      storage: new MemoryStorage(),
      clock,
    });
    expect(result.sins).toMatchObject({ kind: "stored", created: true });
    expect(result.tokuhashi).toMatchObject({ kind: "stored", created: true });
    expect(fake.responses).toHaveLength(2);

    const sinsQr = fake.responses.find((r) => r.questionnaire?.includes("/sins|"));
    const levels = sinsQr?.item
      ?.find((i) => i.linkId === "sins-lesion-levels")
      ?.answer?.map((a) => a.valueCoding?.code);
    // Issue 12 item 9: only what the clinician entered or confirmed. The record's C7–T1 span and KPS 60 were not
    // confirmed: the scored level C7 (entered) is written, T1 and the general condition are not.
    expect(levels).toEqual(["level.C7"]);
    expect(sinsQr?.item?.find((i) => i.linkId === "sins-total")?.answer).toEqual([{ valueInteger: 11 }]);
    const tokuQr = fake.responses.find((r) => r.questionnaire?.includes("/tokuhashi|"));
    expect(tokuQr?.item?.find((i) => i.linkId === "tokuhashi-general-condition")).toBeUndefined();
    expect(
      tokuQr?.item?.find((i) => i.linkId === "tokuhashi-primary-site")?.answer?.map((a) => a.valueCoding?.code),
    ).toEqual(["tokuhashi.primarySite.breast"]);

    // Read back without the clinician's entries: the saved questionnaires now carry them.
    const reread = buildReport([...resources, ...fake.responses], context.patientId, {
      now: new Date("2026-11-28T00:00:00Z"),
    });
    expect(reread.sins.total).toBe(11);
    expect(reread.sins.items.pain).toMatchObject({ value: "mechanical", source: "questionnaire" });
    expect(reread.sins.items.location.value).toBe("C7");
    expect(reread.tokuhashi.items.primarySite.value).toBe("breast");
    expect(reread.tokuhashi.items.palsy.value).toBe("D");
    expect([reread.tokuhashi.total, reread.tokuhashi.min, reread.tokuhashi.max]).toEqual([11, 11, 11]);
  });

  it("issue 12 item 9: writes only what the clinician entered or confirmed: no record value nobody confirmed, no range, no suggestion", () => {
    const report = buildReport(fixture("cervical-c7-t1.json"), context.patientId, { now: NOW });
    // The record alone (levels C7–T1, KPS 60, kidney): nothing is confirmed, so nothing is written.
    expect(report.tokuhashi.items.generalCondition).toMatchObject({ source: "record", confirmed: false });
    expect(assessmentAnswers(report, {})).toEqual({ sins: null, tokuhashi: null });
    // One entry: only that item (and the timepoint) is written.
    const one = assessmentAnswers(
      buildReport(fixture("cervical-c7-t1.json"), context.patientId, {
        now: NOW,
        clinician: { tokuhashi: { palsy: "E" } },
      }),
      { tokuhashi: { palsy: "E" } },
      { timepoint: "other", date: "2026-11-20" },
    );
    expect(one.sins).toBeNull();
    expect(Object.keys(one.tokuhashi ?? {}).sort()).toEqual(["timepoint", "timepoint-date", "tokuhashi-palsy"]);
    expect(one.tokuhashi?.["timepoint"]?.map((a) => a.valueCoding?.code)).toEqual(["timepoint.other"]);
    expect(one.tokuhashi?.["timepoint-date"]).toEqual([{ valueDate: "2026-11-20" }]);

    const noLevel = structuredClone(report);
    noLevel.sins.items.location = { ...noLevel.sins.items.location, source: "missing", value: null, overridden: null };
    expect(assessmentAnswers(noLevel, {}).sins).toBeNull();
  });

  it("the UI's saver rejects when a part is not stored, and the draft stays for the forms panel", async () => {
    const fake = new FakeFhir({
      questionnaires: INSTRUMENTS.map((i) => appQuestionnaire(i)),
      fault: () => ({ kind: "server-error", status: 503 }),
    });
    const { send } = fake.serve({ maxRetries: 1 });
    const storage = new MemoryStorage();
    const save = makeAssessmentSaver({ send, context, ...READ_AND_CREATE, canWrite: true, storage, clock });
    const report = buildReport(fixture("cervical-c7-t1.json"), context.patientId, { now: NOW, clinician: entries });
    await expect(save(report, entries)).rejects.toBeInstanceOf(AssessmentNotSavedError);
    const drafts = new DraftStore(
      { serverUrl: BASE, patientId: context.patientId, userId: context.fhirUser },
      storage,
    ).list();
    expect(drafts.map((d) => d.instrument).sort()).toEqual(["sins", "tokuhashi"]);
    expect(drafts.every((d) => d.response !== null && d.lastFailure === "unsent")).toBe(true);
  });

  it("item 8: Save after a 503 outage resends the same drafts; a second click and opening the questionnaires give 2 responses, not 4", async () => {
    let down = true;
    const fake = new FakeFhir({
      questionnaires: INSTRUMENTS.map((i) => appQuestionnaire(i)),
      fault: () => (down ? { kind: "server-error", status: 503 } : { kind: "none" }),
    });
    const { send } = fake.serve({ maxRetries: 1 });
    const storage = new MemoryStorage();
    const save = makeAssessmentSaver({
      send,
      context,
      ...READ_AND_CREATE,
      canWrite: true,
      storage,
      clock: countingClock(),
    });
    const report = buildReport(fixture("cervical-c7-t1.json"), context.patientId, { now: NOW, clinician: entries });

    await expect(save(report, entries)).rejects.toBeInstanceOf(AssessmentNotSavedError);
    const store = new DraftStore({ serverUrl: BASE, patientId: context.patientId, userId: context.fhirUser }, storage);
    expect(store.list().map((d) => d.id)).toEqual([
      "00000000-0000-4000-a000-000000000001",
      "00000000-0000-4000-a000-000000000002",
    ]);

    down = false;
    await save(report, entries);
    expect(fake.responses.map((r) => r.identifier?.value)).toEqual([
      "00000000-0000-4000-a000-000000000001",
      "00000000-0000-4000-a000-000000000002",
    ]);
    expect(store.list()).toEqual([]);

    // Opening the questionnaires afterwards finds nothing left to send.
    const { sendPending } = await import("../../../src/writeback/outbox");
    await sendPending(store, {
      send,
      questionnaire: (i) => appQuestionnaire(i),
      ...READ_AND_CREATE,
      canWrite: true,
    });
    expect(fake.responses).toHaveLength(2);
  });

  it("item 8: identical entries saved again in the session make no second draft and no second response", async () => {
    const fake = new FakeFhir({ questionnaires: INSTRUMENTS.map((i) => appQuestionnaire(i)) });
    const { send } = fake.serve();
    const storage = new MemoryStorage();
    const deps = { send, context, ...READ_AND_CREATE, canWrite: true, storage, clock: countingClock() };
    const report = buildReport(fixture("cervical-c7-t1.json"), context.patientId, { now: NOW, clinician: entries });
    const first = await saveAssessment(report, entries, deps);
    expect([first.sins, first.tokuhashi]).toEqual([
      { kind: "stored", id: "qr1", created: true },
      { kind: "stored", id: "qr2", created: true },
    ]);
    const second = await saveAssessment(report, entries, deps);
    expect([second.sins, second.tokuhashi]).toEqual([
      { kind: "stored", id: "qr1", created: false },
      { kind: "stored", id: "qr2", created: false },
    ]);
    expect(fake.responses).toHaveLength(2);
    expect(fake.responsePosts).toBe(2);

    // Other entries are another assessment: a new response for the part that changed only.
    const changed = { ...entries, sins: { ...entries.sins, pain: "none" as const } };
    const third = await saveAssessment(
      buildReport(fixture("cervical-c7-t1.json"), context.patientId, { now: NOW, clinician: changed }),
      changed,
      deps,
    );
    expect([third.sins, third.tokuhashi]).toEqual([
      { kind: "stored", id: "qr3", created: true },
      { kind: "stored", id: "qr2", created: false },
    ]);
    expect(fake.responses).toHaveLength(3);
  });

  it("item 13: without a write scope the saver sends nothing and gives the one reason", async () => {
    const fake = new FakeFhir({ questionnaires: INSTRUMENTS.map((i) => appQuestionnaire(i)) });
    const { send } = fake.serve();
    const save = makeAssessmentSaver({
      send,
      context,
      ...READ_AND_CREATE,
      canWrite: false,
      storage: new MemoryStorage(),
      clock: countingClock(),
    });
    const report = buildReport(fixture("cervical-c7-t1.json"), context.patientId, { now: NOW, clinician: entries });
    const error: unknown = await save(report, entries).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AssessmentNotSavedError);
    expect((error as AssessmentNotSavedError).reason).toEqual(["forms.status.noWrite"]);
    expect(fake.log).toEqual([]);
  });
});
