// @vitest-environment jsdom
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { INSTRUMENTS } from "../../../src/questionnaires/contract";
import { DraftStore } from "../../../src/writeback/drafts";
import { sendDraft, sendPending, type OutboxDeps } from "../../../src/writeback/outbox";
import { appQuestionnaire } from "../../../src/writeback/questionnaires";
import { ensureQuestionnaire } from "../../../src/writeback/presence";
import { submitResponse } from "../../../src/writeback/submit";
import { outcomeMessage } from "../../../src/forms/form-session";
import { createTranslator } from "../../../src/i18n";
import { server } from "../../setup/msw-server";
import {
  CREATE_ONLY,
  FakeFhir,
  NO_ACCESS,
  QUESTIONNAIRE_MISSING_TEXT,
  READ_AND_CREATE,
  READ_ONLY,
  rejection,
  seeded,
  testSend,
  type ResponseFault,
} from "./fake-fhir";
import { MemoryStorage, SCOPE, draftStore, submittedDraft, testResponse as response } from "./helpers";

const allQuestionnaires = INSTRUMENTS.map((i) => appQuestionnaire(i));

/** The server refuses the ECOG response because it cannot resolve its Questionnaire. */
const UNRESOLVED_ECOG = rejection(422, {
  code: "not-found",
  diagnostics: "Unable to resolve questionnaire https://w3id.org/spine-met-qol/fhir/Questionnaire/ecog|1.0.0",
  expression: ["QuestionnaireResponse.questionnaire"],
});
function deps(send: OutboxDeps["send"], mayCreateQuestionnaire = true): OutboxDeps {
  return {
    send,
    questionnaire: (i) => appQuestionnaire(i),
    mayReadQuestionnaire: true,
    mayCreateQuestionnaire,
    canWrite: true,
  };
}

describe("100 submissions through injected faults", () => {
  it("end with exactly 100 stored, no duplicate and nothing lost", async () => {
    const random = seeded(20261127);
    const seen = { serverErrors: 0, timeouts: 0, rateLimited: 0 };
    const fake = new FakeFhir({
      questionnaires: allQuestionnaires,
      fault: (): ResponseFault => {
        const r = random();
        if (r < 0.3) {
          seen.serverErrors += 1;
          return { kind: "server-error", status: [500, 502, 503, 504][Math.floor(random() * 4)] ?? 503 };
        }
        if (r < 0.5) {
          seen.timeouts += 1;
          return { kind: "timeout-after-store", delayMs: 150 };
        }
        if (r < 0.6) {
          seen.rateLimited += 1;
          return { kind: "rate-limited", retryAfter: "1" };
        }
        return { kind: "none" };
      },
    });
    const { send, sleeps } = fake.serve({ timeoutMs: 40 });
    const store = draftStore();
    const d = deps(send);

    const firstRound = [];
    for (let n = 0; n < 100; n++) {
      const draft = submittedDraft(INSTRUMENTS[n % INSTRUMENTS.length] ?? "eq5d5l", n);
      store.put(draft);
      firstRound.push(await sendDraft(store, draft, d));
    }
    // What is still unsent after the retries of one send stays a draft and is sent again, as the panel does.
    let rounds = 0;
    while (store.list().length > 0 && rounds < 10) {
      await sendPending(store, d);
      rounds += 1;
    }

    expect(store.list()).toEqual([]);
    expect(fake.responses).toHaveLength(100);
    expect(fake.duplicates()).toBe(0);
    expect(fake.countsByIdentifier().size).toBe(100);
    for (let n = 0; n < 100; n++) {
      const sent = fake.responses.find((r) => r.identifier?.value?.endsWith(String(n).padStart(12, "0")));
      expect(sent, `submission ${n}`).toBeDefined();
    }
    // The faults really happened, and every POST was a conditional create on the identifier.
    expect(seen.serverErrors).toBeGreaterThan(20);
    expect(seen.timeouts).toBeGreaterThan(15);
    expect(seen.rateLimited).toBeGreaterThan(3);
    expect(fake.responsePosts).toBeGreaterThan(150);
    expect(fake.ifNoneExist.every((h) => /^identifier=.+%7C.+$/.test(h))).toBe(true);
    // Retry-After: 1 was honoured (1000 ms); the other waits are the exponential backoff.
    expect(sleeps).toContain(1000);
    expect(firstRound.some((o) => o.kind === "stored" && !o.created)).toBe(true);
    // Questionnaires were looked up once per canonical, not once per submission.
    expect(fake.questionnaireSearches).toBe(INSTRUMENTS.length);
  }, 30_000);
});

describe("submitResponse", () => {
  it("a 4xx is shown as the server's OperationOutcome in words and the draft is kept", async () => {
    const fake = new FakeFhir({
      questionnaires: allQuestionnaires,
      fault: () =>
        rejection(422, {
          code: "invalid",
          diagnostics: "Answer value is outside the permitted range",
          expression: ["QuestionnaireResponse.item[1]"],
        }),
    });
    const { send } = fake.serve();
    const draft = submittedDraft("pain-vas", 1);
    const store = draftStore([draft]);
    const outcome = await sendDraft(store, draft, deps(send));
    expect(outcome).toEqual({
      kind: "rejected",
      status: 422,
      message: "Answer value is outside the permitted range (QuestionnaireResponse.item[1])",
    });
    expect(fake.responsePosts).toBe(1); // a 4xx is not retried
    expect(store.get(draft.id)).toMatchObject({
      lastFailure: "rejected",
      failureMessage: "Answer value is outside the permitted range (QuestionnaireResponse.item[1])",
    });
    expect(store.get(draft.id)?.response).toEqual(draft.response);
  });

  it("creates a missing Questionnaire once, with a conditional create on url and version", async () => {
    const fake = new FakeFhir();
    const { send } = fake.serve();
    const q = appQuestionnaire("frankel");
    expect(await submitResponse(send, q, response("frankel", 1), READ_AND_CREATE)).toMatchObject({
      kind: "stored",
      created: true,
    });
    expect(await submitResponse(send, q, response("frankel", 2), READ_AND_CREATE)).toMatchObject({
      kind: "stored",
      created: true,
    });
    expect(fake.questionnaires).toHaveLength(1);
    expect(fake.questionnaires[0]).toMatchObject({ url: q.url, version: q.version, resourceType: "Questionnaire" });
    expect(fake.questionnairePosts).toBe(1);
    // A second session (another send function) finds it by search and does not post it again.
    const other = testSend();
    expect(await submitResponse(other.send, q, response("frankel", 3), READ_AND_CREATE)).toMatchObject({
      kind: "stored",
    });
    expect(fake.questionnairePosts).toBe(1);
  });

  it("item 12: a Questionnaire search with 0 hits and a Questionnaire POST refused (403): the response is sent anyway and stored", async () => {
    const fake = new FakeFhir({ forbidQuestionnaireCreate: true });
    const { send } = fake.serve();
    const draft = submittedDraft("ecog", 4);
    const store = draftStore([draft]);
    expect(await sendDraft(store, draft, deps(send))).toEqual({ kind: "stored", id: "qr1", created: true });
    expect(fake.questionnairePosts).toBe(1);
    expect(fake.responsePosts).toBe(1);
    expect(fake.responses[0]?.questionnaire).toBe("https://w3id.org/spine-met-qol/fhir/Questionnaire/ecog|1.0.0");
    expect(store.list()).toEqual([]);
  });

  it("item 12: a Questionnaire search with 0 hits and no scope to create it: not created, the response is sent anyway (the canonical need not resolve)", async () => {
    const fake = new FakeFhir();
    const { send } = fake.serve();
    expect(await submitResponse(send, appQuestionnaire("ecog"), response("ecog", 1), READ_ONLY)).toEqual({
      kind: "stored",
      id: "qr1",
      created: true,
    });
    expect(await submitResponse(send, appQuestionnaire("ecog"), response("ecog", 2), READ_ONLY)).toEqual({
      kind: "stored",
      id: "qr2",
      created: true,
    });
    expect(fake.questionnairePosts).toBe(0);
    expect(fake.questionnaireSearches).toBe(1);
    expect(fake.responsePosts).toBe(2);
  });

  it("item 12: the server refuses the response because of its Questionnaire (422 naming the canonical): questionnaire-missing, not 'try again', the draft kept", async () => {
    const fake = new FakeFhir({ fault: () => UNRESOLVED_ECOG });
    const { send } = fake.serve();
    const draft = submittedDraft("ecog", 5);
    const store = draftStore([draft]);
    const result = await sendDraft(store, draft, deps(send, false));
    expect(result).toEqual({
      kind: "questionnaire-missing",
      status: 422,
      message:
        "Unable to resolve questionnaire https://w3id.org/spine-met-qol/fhir/Questionnaire/ecog|1.0.0 (QuestionnaireResponse.questionnaire)",
    });
    expect(fake.responsePosts).toBe(1);
    expect(store.get(draft.id)?.lastFailure).toBe("questionnaire-missing");
    expect(createTranslator("en").t(...outcomeMessage(result))).toBe(QUESTIONNAIRE_MISSING_TEXT);
  });

  it("item 12: a refusal about the answers themselves stays 'rejected' even while the Questionnaire is absent", async () => {
    const fake = new FakeFhir({
      fault: () =>
        rejection(422, {
          code: "invalid",
          diagnostics: "Encounter is closed",
          expression: ["QuestionnaireResponse.encounter"],
        }),
    });
    const { send } = fake.serve();
    expect(await submitResponse(send, appQuestionnaire("ecog"), response("ecog", 6), READ_ONLY)).toEqual({
      kind: "rejected",
      status: 422,
      message: "Encounter is closed (QuestionnaireResponse.encounter)",
    });
  });

  it("when Questionnaires may not be searched it sends the response anyway and asks only once per session", async () => {
    const fake = new FakeFhir({ forbidQuestionnaireSearch: true });
    const { send } = fake.serve();
    const q = appQuestionnaire("ecog");
    expect(await submitResponse(send, q, response("ecog", 1), READ_ONLY)).toMatchObject({
      kind: "stored",
    });
    expect(await submitResponse(send, q, response("ecog", 2), READ_ONLY)).toMatchObject({
      kind: "stored",
    });
    expect(fake.questionnaireSearches).toBe(1);
    expect(fake.questionnairePosts).toBe(0);
    expect(fake.responses).toHaveLength(2);
  });

  it("a 403 on the response itself is 'forbidden', on an expired session 'session-ended'", async () => {
    const fake = new FakeFhir({
      questionnaires: allQuestionnaires,
      fault: () => rejection(403, { code: "forbidden" }),
    });
    const { send } = fake.serve();
    expect(await submitResponse(send, appQuestionnaire("ecog"), response("ecog", 1), READ_AND_CREATE)).toEqual({
      kind: "forbidden",
    });
    server.use(
      http.post("https://ehr.example.org/fhir/QuestionnaireResponse", () => new HttpResponse(null, { status: 401 })),
    );
    expect(await submitResponse(send, appQuestionnaire("ecog"), response("ecog", 2), READ_AND_CREATE)).toEqual({
      kind: "session-ended",
    });
  });

  it("an invalid response is refused before anything is sent", async () => {
    // Any request would fail the test: the shared server errors on unhandled requests.
    const { send } = testSend();
    const broken = response("pain-vas", 1);
    broken.item = [{ linkId: "pain-vas", answer: [{ valueInteger: 250 }] }];
    const outcome = await submitResponse(send, appQuestionnaire("pain-vas"), broken, READ_AND_CREATE);
    expect(outcome).toMatchObject({
      kind: "invalid",
      issues: [
        { linkId: "timepoint", code: "required" },
        { linkId: "pain-vas", code: "above-max", limit: 100 },
      ],
    });
    const noNarrative = { ...response("pain-vas", 2), text: { status: "generated" as const, div: "<p>plain</p>" } };
    expect(await submitResponse(send, appQuestionnaire("pain-vas"), noNarrative, READ_AND_CREATE)).toMatchObject({
      kind: "invalid",
      issues: [],
      problems: [expect.stringMatching(/^text\.div: /)],
    });
  });
});

describe("Questionnaire requests only as the launch's scopes allow (questionnaireAccess)", () => {
  it('"read": the Questionnaire is searched for by url and version before the response is sent, as before', async () => {
    const fake = new FakeFhir({ questionnaires: allQuestionnaires });
    const { send } = fake.serve();
    expect(await submitResponse(send, appQuestionnaire("ecog"), response("ecog", 1), READ_ONLY)).toMatchObject({
      kind: "stored",
    });
    expect(fake.questionnaireRequests()).toEqual(["GET Questionnaire"]);
    expect(fake.log.filter((r) => r === "POST QuestionnaireResponse")).toHaveLength(1);
  });

  it('"none" (the default): no Questionnaire request at all, the response is POSTed exactly once', async () => {
    const fake = new FakeFhir();
    const { send } = fake.serve();
    const draft = submittedDraft("ecog", 7);
    const store = draftStore([draft]);
    expect(await sendDraft(store, draft, { ...deps(send), ...NO_ACCESS })).toEqual({
      kind: "stored",
      id: "qr1",
      created: true,
    });
    expect(fake.questionnaireRequests()).toEqual([]);
    expect(fake.log.filter((r) => r === "POST QuestionnaireResponse")).toHaveLength(1);
    expect(fake.responses).toHaveLength(1);
    expect(store.list()).toEqual([]);
  });

  it("create granted without read: no search, straight to the conditional create, which keeps an existing one", async () => {
    const fake = new FakeFhir();
    const { send } = fake.serve();
    const q = appQuestionnaire("frankel");
    expect(await submitResponse(send, q, response("frankel", 1), CREATE_ONLY)).toMatchObject({ kind: "stored" });
    expect(fake.questionnaireRequests()).toEqual(["POST Questionnaire"]);
    expect(fake.questionnaires).toHaveLength(1);
    expect(fake.log.filter((r) => r === "POST QuestionnaireResponse")).toHaveLength(1);
    // Another session posts it again: If-None-Exist (url and version) finds the stored one, nothing is added.
    const other = testSend();
    expect(await ensureQuestionnaire(other.send, q, { mayRead: false, mayCreate: true })).toBe("present");
    expect(fake.questionnaireRequests()).toEqual(["POST Questionnaire", "POST Questionnaire"]);
    expect(fake.questionnaires).toHaveLength(1);
  });

  it('without read the presence is "unknown", never "absent": nothing said the Questionnaire is missing', async () => {
    const fake = new FakeFhir({ forbidQuestionnaireCreate: true });
    const { send } = fake.serve();
    expect(await ensureQuestionnaire(send, appQuestionnaire("ecog"), { mayRead: false, mayCreate: false })).toBe(
      "unknown",
    );
    expect(fake.log).toEqual([]);
    expect(await ensureQuestionnaire(send, appQuestionnaire("ecog"), { mayRead: false, mayCreate: true })).toBe(
      "unknown",
    );
    expect(fake.log).toEqual(["POST Questionnaire"]);
  });

  it('"none" and a refusal naming the Questionnaire (presence "unknown"): questionnaire-missing, the installer must load it', async () => {
    const fake = new FakeFhir({ fault: () => UNRESOLVED_ECOG });
    const { send } = fake.serve();
    const draft = submittedDraft("ecog", 8);
    const store = draftStore([draft]);
    const result = await sendDraft(store, draft, { ...deps(send), ...NO_ACCESS });
    expect(result).toEqual({
      kind: "questionnaire-missing",
      status: 422,
      message:
        "Unable to resolve questionnaire https://w3id.org/spine-met-qol/fhir/Questionnaire/ecog|1.0.0 (QuestionnaireResponse.questionnaire)",
    });
    expect(fake.questionnaireRequests()).toEqual([]);
    expect(fake.responsePosts).toBe(1);
    expect(store.get(draft.id)?.lastFailure).toBe("questionnaire-missing");
    expect(createTranslator("en").t(...outcomeMessage(result))).toBe(QUESTIONNAIRE_MISSING_TEXT);
  });
});

describe("drafts", () => {
  it("a reload with a pending draft sends it once, even when two sends race", async () => {
    const fake = new FakeFhir({ questionnaires: allQuestionnaires });
    const { send } = fake.serve();
    const storage = new MemoryStorage();
    new DraftStore(SCOPE, storage).put(submittedDraft("eq5d5l", 7));

    // The page reloads: a new store over the same sessionStorage finds the draft.
    const reloaded = new DraftStore(SCOPE, storage);
    expect(reloaded.list()).toHaveLength(1);
    await Promise.all([sendPending(reloaded, deps(send)), sendPending(reloaded, deps(send))]);
    expect(fake.responsePosts).toBe(1);
    expect(fake.responses).toHaveLength(1);
    expect(reloaded.list()).toEqual([]);
    expect(new DraftStore(SCOPE, storage).list()).toEqual([]);
  });

  it("are kept per patient and user, and survive a corrupt or full storage in memory", () => {
    const storage = new MemoryStorage();
    const mine = new DraftStore(SCOPE, storage);
    mine.put(submittedDraft("frankel", 1));
    expect(new DraftStore({ ...SCOPE, patientId: "p2" }, storage).list()).toEqual([]);
    expect(new DraftStore({ ...SCOPE, userId: "Practitioner/other" }, storage).list()).toEqual([]);
    expect(new DraftStore(SCOPE, storage).hasUnsent()).toBe(true);

    const corrupt = new MemoryStorage();
    corrupt.setItem([...storage.data.keys()][0] ?? "", "{not json");
    expect(new DraftStore(SCOPE, corrupt).list()).toEqual([]);

    const full: MemoryStorage = Object.assign(new MemoryStorage(), {
      setItem: () => {
        throw new DOMException("quota", "QuotaExceededError");
      },
    });
    const store = new DraftStore(SCOPE, full);
    expect(store.put(submittedDraft("frankel", 2))).toBe(false);
    expect(store.list()).toHaveLength(1);
  });

  it("several stores over one storage (panel, patient mode, assessment) see and keep each other's drafts", () => {
    const storage = new MemoryStorage();
    const panel = new DraftStore(SCOPE, storage);
    const patientMode = new DraftStore(SCOPE, storage);
    panel.put(submittedDraft("frankel", 5));
    patientMode.put(submittedDraft("eq5d5l", 6));
    panel.put({ ...submittedDraft("frankel", 5), lastFailure: "unsent" });
    expect(
      panel
        .list()
        .map((d) => d.instrument)
        .sort(),
    ).toEqual(["eq5d5l", "frankel"]);
    expect(patientMode.get(submittedDraft("frankel", 5).id)?.lastFailure).toBe("unsent");
  });

  it("use sessionStorage, never localStorage", () => {
    const store = new DraftStore(SCOPE);
    store.put(submittedDraft("frankel", 3));
    expect(sessionStorage.length).toBe(1);
    expect(localStorage.length).toBe(0);
    store.remove(submittedDraft("frankel", 3).id);
    expect(sessionStorage.length).toBe(0);
  });
});
