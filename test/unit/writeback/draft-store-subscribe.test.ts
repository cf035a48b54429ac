/** Item 6: the draft store as an external store for React (useSyncExternalStore), shared by a page's stores. */
import { describe, expect, it, vi } from "vitest";
import { MemoryStorage, draftStore, emptyDraft } from "./helpers";

const draft = emptyDraft;

describe("DraftStore subscribe / getSnapshot", () => {
  it("answers the same array until a write, then the stored drafts", () => {
    const store = draftStore();
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
    const panel = draftStore([], storage);
    const patientMode = draftStore([], storage);
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
