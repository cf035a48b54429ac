// @vitest-environment jsdom
/**
 * Issue 11, items 9–11 and 13 at the write path: a server or gateway that does not honour If-None-Exist, failures
 * whose outcome is unknown, a 412, drafts bound to the launch's FHIR server and patient, no write scope.
 */
import type { QuestionnaireResponse } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { INSTRUMENTS } from "../../../src/questionnaires/contract";
import { DraftStore, purgeOtherDrafts, type Draft } from "../../../src/writeback/drafts";
import { sendDraft, type OutboxDeps } from "../../../src/writeback/outbox";
import { appQuestionnaire } from "../../../src/writeback/questionnaires";
import type { RequestPolicy } from "../../../src/fhir/request";
import { FakeFhir, READ_ONLY, type FakeFhirOptions, type ResponseFault } from "./fake-fhir";
import { MemoryStorage, SCOPE, draftStore, submittedDraft, testResponse as response } from "./helpers";

const SYSTEM = "https://w3id.org/spine-met-qol/fhir/NamingSystem/questionnaire-response-id";
const allQuestionnaires = INSTRUMENTS.map((i) => appQuestionnaire(i));

function deps(send: OutboxDeps["send"], canWrite = true): OutboxDeps {
  return {
    send,
    questionnaire: (i) => appQuestionnaire(i),
    ...READ_ONLY,
    canWrite,
  };
}

/**
 * A fake FHIR server knowing the app's Questionnaires (with `options`), its transport under `policy`, and an outbox
 * holding `draft`.
 */
function outboxWith(draft: Draft, options: FakeFhirOptions = {}, policy: Partial<RequestPolicy> = {}) {
  const fake = new FakeFhir({ questionnaires: allQuestionnaires, ...options });
  const { send, sleeps } = fake.serve(policy);
  return { fake, send, sleeps, store: draftStore([draft]) };
}

/** Faults in order, then none. */
function sequence(...faults: ResponseFault[]): () => ResponseFault {
  let n = 0;
  return () => faults[n++] ?? { kind: "none" };
}

describe("item 9: retries do not assume If-None-Exist", () => {
  it("a gateway that drops If-None-Exist and answers 504 twice after storing: one response stored, not three", async () => {
    const draft = submittedDraft("ecog", 1);
    const { fake, send, store } = outboxWith(draft, {
      dropIfNoneExist: true,
      fault: sequence({ kind: "error-after-store", status: 504 }, { kind: "error-after-store", status: 504 }),
    });
    expect(await sendDraft(store, draft, deps(send))).toEqual({ kind: "stored", id: "qr1", created: false });
    expect(fake.responses).toHaveLength(1);
    expect(fake.responsePosts).toBe(1);
    // After the 504 the identifier was looked up (and found) instead of posting again.
    expect(fake.log).toEqual([
      "GET Questionnaire",
      "GET metadata",
      "POST QuestionnaireResponse",
      "GET QuestionnaireResponse",
    ]);
    expect(fake.responseSearches).toEqual([
      new URLSearchParams({ identifier: `${SYSTEM}|${draft.id}`, subject: "Patient/p1" }).toString(),
    ]);
    expect(store.list()).toEqual([]);
  });

  it("with conditionalCreate announced, the first send is one conditional create and no search", async () => {
    const draft = submittedDraft("ecog", 2);
    const { fake, send, store } = outboxWith(draft, { conditionalCreate: true });
    expect(await sendDraft(store, draft, deps(send))).toEqual({ kind: "stored", id: "qr1", created: true });
    expect(fake.log).toEqual(["GET Questionnaire", "GET metadata", "POST QuestionnaireResponse"]);
  });

  for (const [label, conditionalCreate] of [
    ["conditionalCreate false", false],
    ["conditionalCreate absent", "absent"],
    ["no CapabilityStatement (404)", "no-metadata"],
  ] as const) {
    it(`${label}: the identifier is searched before the POST, and found means stored without a POST`, async () => {
      const first = submittedDraft("ecog", 3);
      const { fake, send, store } = outboxWith(first, { conditionalCreate, dropIfNoneExist: true });
      expect(await sendDraft(store, first, deps(send))).toEqual({ kind: "stored", id: "qr1", created: true });
      expect(fake.log).toEqual([
        "GET Questionnaire",
        "GET metadata",
        "GET QuestionnaireResponse",
        "POST QuestionnaireResponse",
      ]);

      // The same response again (a second tab, a reload that lost the draft's removal): found, not posted.
      store.put(first);
      expect(await sendDraft(store, first, deps(send))).toEqual({ kind: "stored", id: "qr1", created: false });
      expect(fake.responses).toHaveLength(1);
      expect(fake.responsePosts).toBe(1);
      // The CapabilityStatement is read once per session.
      expect(fake.metadataReads).toBe(1);
    });
  }

  it("a search that ignores `identifier` does not count another response of the patient as this one", async () => {
    const draft = submittedDraft("ecog", 4);
    const { fake, send, store } = outboxWith(draft, { conditionalCreate: false, searchIgnoresIdentifier: true });
    fake.responses.push({ ...response("ecog", 40), id: "other" });
    expect(await sendDraft(store, draft, deps(send))).toEqual({ kind: "stored", id: "qr1", created: true });
    expect(fake.responses.map((r) => r.identifier?.value)).toEqual(["00000000-0000-4000-8000-000000000040", draft.id]);
  });

  it("a draft whose earlier send had an unknown outcome is looked up before it is sent again, also with conditionalCreate announced", async () => {
    const draft = submittedDraft("ecog", 5);
    const { fake, send, store } = outboxWith(
      draft,
      { dropIfNoneExist: true, fault: sequence({ kind: "error-after-store", status: 504 }) },
      { maxRetries: 0 },
    );
    const first = await sendDraft(store, draft, deps(send));
    expect(first).toMatchObject({ kind: "unsent", fault: { kind: "server-error", status: 504, attempts: 1 } });
    expect(store.get(draft.id)).toMatchObject({ lastFailure: "unsent", attempted: true });
    // "Send again" (or "Save assessment" again): the stored copy is found, nothing is posted.
    const again = store.get(draft.id) as Draft;
    expect(await sendDraft(store, again, deps(send))).toEqual({ kind: "stored", id: "qr1", created: false });
    expect(fake.responses).toHaveLength(1);
    expect(fake.responsePosts).toBe(1);
  });

  it("429 and 503 after storing count as unknown too: looked up before the resend, waits as the transport would", async () => {
    const draft = submittedDraft("barthel", 6);
    const { fake, send, sleeps, store } = outboxWith(draft, {
      dropIfNoneExist: true,
      fault: sequence({ kind: "rate-limited", retryAfter: "2" }, { kind: "server-error", status: 503 }),
    });
    expect(await sendDraft(store, draft, deps(send))).toEqual({ kind: "stored", id: "qr1", created: true });
    expect(fake.responsePosts).toBe(3);
    expect(fake.responseSearches).toHaveLength(2);
    expect(sleeps).toEqual([2000, 1000]);
    expect(fake.responses).toHaveLength(1);
  });
});

describe("item 10: a 412 is confirmed before the draft goes", () => {
  const precondition = {
    resourceType: "OperationOutcome",
    issue: [{ severity: "error", code: "duplicate", diagnostics: "Multiple resources match this search" }],
  };

  it("412 and the identifier found: stored (not created), the draft removed", async () => {
    const draft = submittedDraft("frankel", 7);
    const { fake, send, store } = outboxWith(draft, {
      fault: sequence({ kind: "reject", status: 412, outcome: precondition }),
    });
    fake.responses.push({ ...(draft.response as QuestionnaireResponse), id: "earlier" });
    expect(await sendDraft(store, draft, deps(send))).toEqual({ kind: "stored", id: "earlier", created: false });
    expect(fake.log.slice(-2)).toEqual(["POST QuestionnaireResponse", "GET QuestionnaireResponse"]);
    expect(store.list()).toEqual([]);
  });

  it("412 and nothing under the identifier: rejected with the server's words, the draft kept", async () => {
    const draft = submittedDraft("frankel", 8);
    const { fake, send, store } = outboxWith(draft, {
      fault: sequence({ kind: "reject", status: 412, outcome: precondition }),
    });
    expect(await sendDraft(store, draft, deps(send))).toEqual({
      kind: "rejected",
      status: 412,
      message: "Multiple resources match this search",
    });
    expect(store.get(draft.id)).toMatchObject({
      lastFailure: "rejected",
      failureMessage: "Multiple resources match this search",
    });
    expect(fake.responses).toHaveLength(0);
  });
});

describe("item 11: drafts are bound to the FHIR server and the patient", () => {
  it("a store of another server does not see this server's drafts", () => {
    const storage = new MemoryStorage();
    new DraftStore(SCOPE, storage).put(submittedDraft("ecog", 9));
    expect(new DraftStore({ ...SCOPE, serverUrl: "https://other-ehr.example.org/fhir" }, storage).list()).toEqual([]);
    // The same server written differently (trailing slash, host case) is the same server.
    expect(new DraftStore({ ...SCOPE, serverUrl: "https://EHR.example.org/fhir/" }, storage).list()).toHaveLength(1);
    expect(new DraftStore(SCOPE, storage).list()[0]?.server).toBe("https://ehr.example.org/fhir");
  });

  it("a draft whose subject is another patient is not sent", async () => {
    const foreign = submittedDraft("ecog", 10, "p2");
    const { fake, send, store } = outboxWith(foreign);
    expect(await sendDraft(store, foreign, deps(send))).toEqual({ kind: "wrong-context" });
    expect(fake.log).toEqual([]);
    expect(store.get(foreign.id)?.lastFailure).toBe("wrong-context");
  });

  it("a draft made for another server (found under this key) is not sent", async () => {
    const fake = new FakeFhir({ questionnaires: allQuestionnaires });
    const { send } = fake.serve();
    const storage = new MemoryStorage();
    const store = new DraftStore(SCOPE, storage);
    const elsewhere: Draft = { ...submittedDraft("ecog", 11), server: "https://other-ehr.example.org/fhir" };
    store.put(elsewhere);
    expect(await sendDraft(store, elsewhere, deps(send))).toEqual({ kind: "wrong-context" });
    expect(fake.log).toEqual([]);
  });

  it("purgeOtherDrafts removes other patients', servers' and users' drafts and older keys, keeps this launch's and other apps' keys", () => {
    const storage = new MemoryStorage();
    const mine = new DraftStore(SCOPE, storage);
    mine.put(submittedDraft("ecog", 12));
    mine.rememberStored("fingerprint", "id");
    new DraftStore({ ...SCOPE, patientId: "p2" }, storage).put(submittedDraft("ecog", 13, "p2"));
    new DraftStore({ ...SCOPE, serverUrl: "https://other-ehr.example.org/fhir" }, storage).put(
      submittedDraft("ecog", 14),
    );
    new DraftStore({ ...SCOPE, userId: "Practitioner/other" }, storage).put(submittedDraft("ecog", 15));
    storage.setItem("spine-met-qol.drafts.v1:p1:Practitioner%2Fdr-1", "[]");
    storage.setItem("SMART_KEY", "fhirclient's");
    expect(storage.data.size).toBe(7);

    expect(purgeOtherDrafts(SCOPE, storage)).toBe(4);
    expect([...storage.data.keys()].sort()).toEqual([
      "SMART_KEY",
      "spine-met-qol.drafts.v2.stored:https%3A%2F%2Fehr.example.org%2Ffhir:p1:Practitioner%2Fdr-1",
      "spine-met-qol.drafts.v2:https%3A%2F%2Fehr.example.org%2Ffhir:p1:Practitioner%2Fdr-1",
    ]);
    expect(mine.list()).toHaveLength(1);
    // A launch without a patient keeps none.
    expect(purgeOtherDrafts(null, storage)).toBe(2);
    expect([...storage.data.keys()]).toEqual(["SMART_KEY"]);
  });
});

describe("item 13: without a write scope nothing is sent", () => {
  it("sendDraft makes no request, says not-permitted and keeps the draft", async () => {
    const draft = submittedDraft("pain-vas", 16);
    const { fake, send, store } = outboxWith(draft);
    expect(await sendDraft(store, draft, deps(send, false))).toEqual({ kind: "not-permitted" });
    expect(fake.log).toEqual([]);
    expect(store.get(draft.id)).toMatchObject({ lastFailure: "not-permitted", response: draft.response });
  });
});
