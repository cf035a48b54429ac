/** The clinician's entry of a score item in tests: its radio group (named "<item>: clinician's entry") and a pick. */
import { screen, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";

/** The item's entry control: a group of radios, one per option ("Mechanical pain · 3"). */
export function entryGroup(item: string): HTMLElement {
  return screen.getByRole("group", { name: `${item}: clinician's entry` });
}

/** The words of the item's options as their labels read, in order ("Lung · 0 from the record"). */
export function entryOptions(item: string): (string | null | undefined)[] {
  return within(entryGroup(item))
    .getAllByRole("radio")
    .map((r) => r.closest("label")?.textContent);
}

/** The radio of one option, by its words and points, e.g. entryRadio("Pain", "Mechanical pain · 3"). */
export function entryRadio(item: string, option: string): HTMLInputElement {
  const escaped = option.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return within(entryGroup(item)).getByRole("radio", { name: new RegExp(`^${escaped}( from the record)?$`) });
}

/** Clicks an option of the item's entry. */
export async function chooseEntry(user: UserEvent, item: string, option: string): Promise<void> {
  await user.click(entryRadio(item, option));
}
