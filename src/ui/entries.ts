/** Immutable updates of the clinician's entries (ClinicianEntries) from the view's controls. */
import type { ClinicianEntries } from "../report/types";
import { SINS_OPTIONS, TOKUHASHI_OPTIONS, type ItemOption } from "./labels";

/** The two scores whose items the clinician can set. */
export type ItemScore = "sins" | "tokuhashi";
/** An item of that score. */
export type EntryItem<S extends ItemScore> = keyof NonNullable<ClinicianEntries[S]>;

const ITEM_OPTIONS: Readonly<Record<ItemScore, Readonly<Record<string, readonly ItemOption[]>>>> = {
  sins: SINS_OPTIONS,
  tokuhashi: TOKUHASHI_OPTIONS,
};

/** Sets (or with null clears) the clinician's value of one SINS or Tokuhashi item; an unknown value is refused. */
export function withItemEntry<S extends ItemScore>(
  entries: ClinicianEntries,
  score: S,
  item: EntryItem<S>,
  value: string | null,
): ClinicianEntries {
  const key = String(item);
  const next: Record<string, string> = { ...entries[score] };
  if (value === null) {
    delete next[key];
  } else {
    if (!ITEM_OPTIONS[score][key]?.some((o) => o.value === value)) {
      throw new RangeError(`${score}.${key}: unknown value "${value}"`);
    }
    next[key] = value;
  }
  return { ...entries, [score]: next };
}

export function withEnBlocPlanned(entries: ClinicianEntries, planned: boolean | null): ClinicianEntries {
  return { ...entries, enBlocPlanned: planned };
}
