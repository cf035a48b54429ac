// @vitest-environment jsdom
/** Item 11: setting the write tools up for a launch purges other launches' drafts (PHI at rest). */
import FHIR from "fhirclient/lib/entry/browser";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../../launch/config";
import { writeTools } from "../../../src/ui/writeTools";
import { DraftStore } from "../../../src/writeback/drafts";
import { BASE, launchContext } from "../writeback/fake-fhir";
import { MemoryStorage, emptyDraft } from "../writeback/helpers";

const context = launchContext();

const draft = emptyDraft;

describe("writeTools", () => {
  it("keeps this launch's drafts and removes the other patients', servers' and users'", () => {
    const storage = new MemoryStorage();
    const scope = { serverUrl: BASE, patientId: "p1", userId: "Practitioner/dr-1" };
    new DraftStore(scope, storage).put(draft("mine"));
    new DraftStore({ ...scope, patientId: "p2" }, storage).put(draft("other-patient"));
    new DraftStore({ ...scope, serverUrl: "https://other-ehr.example.org/fhir" }, storage).put(draft("other-server"));
    new DraftStore({ ...scope, userId: "Practitioner/dr-2" }, storage).put(draft("other-user"));
    const client = FHIR.client({
      serverUrl: BASE,
      tokenResponse: { access_token: "t", token_type: "Bearer", patient: "p1" },
    });

    const tools = writeTools(client, context, DEFAULT_CONFIG, storage);
    expect(tools.save).toBeUndefined();
    expect([...storage.data.values()].join()).not.toMatch(/other-/);
    expect(new DraftStore(scope, storage).list().map((d) => d.id)).toEqual(["mine"]);
  });
});
