/**
 * Where the app's sins and tokuhashi Questionnaires take each score item: its linkId (LINKS) and the concept of
 * its answer codes (`${concept}.${value}`). Read by the form's live totals, "Save assessment" and the extraction
 * of the app's own responses, so the three agree on every item.
 */
import { SINS_ITEMS, TOKUHASHI_ITEMS } from "../scores";
import { LINKS } from "./contract";

export interface ItemAnswer {
  linkId: string;
  concept: string;
}

function itemAnswers<I extends string>(
  items: readonly I[],
  where: (item: I) => ItemAnswer,
): Readonly<Record<I, ItemAnswer>> {
  return Object.fromEntries(items.map((item) => [item, where(item)])) as Record<I, ItemAnswer>;
}

/** SINS: location is answered by the scored level (codes level.<level>); the others by sins.<item>.<value>. */
export const SINS_ANSWERS = itemAnswers(SINS_ITEMS, (item) =>
  item === "location"
    ? { linkId: LINKS.sins.scoredLevel, concept: "level" }
    : { linkId: LINKS.sins[item], concept: `sins.${item}` },
);

/** Tokuhashi: palsy is answered by Frankel grade (codes frankel.<grade>); the others by tokuhashi.<item>.<value>. */
export const TOKUHASHI_ANSWERS = itemAnswers(TOKUHASHI_ITEMS, (item) =>
  item === "palsy"
    ? { linkId: LINKS.tokuhashi.palsy, concept: "frankel" }
    : { linkId: LINKS.tokuhashi[item], concept: `tokuhashi.${item}` },
);
