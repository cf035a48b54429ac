/** Item 6: the draft store as an external store for React (useSyncExternalStore), shared by a page's stores. */
import { describe, expect, it, vi } from "vitest";
import { DraftStore, type Draft } from "../../../src/writeback/drafts";
import { MemoryStorage } from "./helpers";

const scope = { serverUrl: "https://ehr.example.org/fhir", patientId: "p1", userId: "Practitioner/dr-1" };
const draft = (id: string): Draft => ({
  id,
  instrument: "ecog",
  selfReport: false,
  answers: {},
  updatedAt: "2026-11-27T00:00:00Z",
  response: null,
  lastFailure: null,
});

describe("DraftStore subscribe / getSnapshot", () => {
  it("answers the same array until a write, then the stored drafts", () => {
    const store = new DraftStore(scope, new MemoryStorage());
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    store.put(draft("a"));
    const second = store.getSnapshot();
    expect(second).not.toBe(first);
    expect(second.map((d) => d.id)).toEqual(["a"]);
    expect(store.getSnapshot()).toBe(second);
  });

  it("tells a subscriber of one store about another store's write (panel and patient mode share the storage)", () => {
    const storage = new MemoryStorage();
    const panel = new DraftStore(scope, storage);
    const patientMode = new DraftStore(scope, storage);
    const onChange = vi.fn();
    const unsubscribe = panel.subscribe(onChange);
    patientMode.put(draft("b"));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(panel.getSnapshot().map((d) => d.id)).toEqual(["b"]);
    patientMode.remove("b");
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(panel.getSnapshot()).toEqual([]);
    unsubscribe();
    patientMode.put(draft("c"));
    expect(onChange).toHaveBeenCalledTimes(2);
  });
});
