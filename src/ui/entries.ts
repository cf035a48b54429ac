/** Immutable updates of the clinician's entries (ClinicianEntries) from the view's controls. */
import type { ClinicianEntries } from "../report/types";
import { SINS_OPTIONS, TOKUHASHI_OPTIONS, type SinsItemKey, type TokuhashiItemKey } from "./labels";

type SinsEntries = NonNullable<ClinicianEntries["sins"]>;
type TokuhashiEntries = NonNullable<ClinicianEntries["tokuhashi"]>;

/** Sets (or with null clears) the clinician's value of one SINS item; an unknown value is refused. */
export function withSinsEntry(entries: ClinicianEntries, item: SinsItemKey, value: string | null): ClinicianEntries {
  const next: SinsEntries = { ...entries.sins };
  if (value === null) {
    delete next[item];
  } else {
    if (!SINS_OPTIONS[item].some((o) => o.value === value))
      throw new RangeError(`sins.${item}: unknown value "${value}"`);
    (next as Record<string, string>)[item] = value;
  }
  return { ...entries, sins: next };
}

/** Sets (or with null clears) the clinician's value of one Tokuhashi item; an unknown value is refused. */
export function withTokuhashiEntry(
  entries: ClinicianEntries,
  item: TokuhashiItemKey,
  value: string | null,
): ClinicianEntries {
  const next: TokuhashiEntries = { ...entries.tokuhashi };
  if (value === null) {
    delete next[item];
  } else {
    if (!TOKUHASHI_OPTIONS[item].some((o) => o.value === value)) {
      throw new RangeError(`tokuhashi.${item}: unknown value "${value}"`);
    }
    (next as Record<string, string>)[item] = value;
  }
  return { ...entries, tokuhashi: next };
}

export function withEnBlocPlanned(entries: ClinicianEntries, planned: boolean | null): ClinicianEntries {
  return { ...entries, enBlocPlanned: planned };
}
