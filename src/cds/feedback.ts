/**
 * CDS Hooks 2.0 feedback (`POST /cds-services/<id>/feedback`): accepted and counted, accepted / overridden per
 * card. Nothing of the patient is kept: a card is known by the random uuid the service gave it, and only counts
 * are stored (no override comment, no timestamp, no suggestion content). Cards this service issued are
 * remembered (uuid only, bounded, 24 h) so that feedback for other uuids is counted apart.
 */
import { isObject } from "../extract/fhir";

export type FeedbackOutcome = "accepted" | "overridden";

export interface FeedbackCounts {
  accepted: number;
  overridden: number;
  /** Feedback entries naming a card uuid this service did not issue (or no longer remembers). */
  unknownCard: number;
  /** Per issued card uuid that received feedback. */
  perCard: Record<string, { accepted: number; overridden: number }>;
}

export type FeedbackParse =
  { ok: true; items: { card: string; outcome: FeedbackOutcome }[] } | { ok: false; message: string };

/** Checks a feedback body: `{ feedback: [{ card, outcome, outcomeTimestamp, … }] }`. */
export function parseFeedback(body: unknown): FeedbackParse {
  if (!isObject(body) || !Array.isArray(body.feedback)) return { ok: false, message: 'expected { "feedback": [ … ] }' };
  if (body.feedback.length > 1000) return { ok: false, message: "at most 1000 feedback entries per call" };
  const items: { card: string; outcome: FeedbackOutcome }[] = [];
  for (const [i, f] of body.feedback.entries()) {
    if (!isObject(f)) return { ok: false, message: `feedback[${i}] must be an object` };
    if (typeof f.card !== "string" || f.card === "" || f.card.length > 200)
      return { ok: false, message: `feedback[${i}].card must be the card's uuid` };
    if (f.outcome !== "accepted" && f.outcome !== "overridden")
      return { ok: false, message: `feedback[${i}].outcome must be "accepted" or "overridden"` };
    if (typeof f.outcomeTimestamp !== "string" || Number.isNaN(Date.parse(f.outcomeTimestamp))) {
      return { ok: false, message: `feedback[${i}].outcomeTimestamp must be an ISO timestamp` };
    }
    items.push({ card: f.card, outcome: f.outcome });
  }
  return { ok: true, items };
}

export class FeedbackLog {
  private readonly issued = new Map<string, number>();
  private readonly perCard = new Map<string, { accepted: number; overridden: number }>();
  private accepted = 0;
  private overridden = 0;
  private unknownCard = 0;

  constructor(
    private readonly maxCards = 10_000,
    private readonly ttlMs = 24 * 3600_000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** A card the service gave out. */
  issue(uuid: string): void {
    const t = this.now();
    for (const [k, at] of this.issued) {
      if (at + this.ttlMs > t && this.issued.size < this.maxCards) break;
      this.issued.delete(k);
      this.perCard.delete(k);
    }
    this.issued.set(uuid, t);
  }

  record(items: readonly { card: string; outcome: FeedbackOutcome }[]): void {
    for (const { card, outcome } of items) {
      if (outcome === "accepted") this.accepted++;
      else this.overridden++;
      if (!this.issued.has(card)) {
        this.unknownCard++;
        continue;
      }
      const c = this.perCard.get(card) ?? { accepted: 0, overridden: 0 };
      c[outcome]++;
      this.perCard.set(card, c);
    }
  }

  counts(): FeedbackCounts {
    return {
      accepted: this.accepted,
      overridden: this.overridden,
      unknownCard: this.unknownCard,
      perCard: Object.fromEntries(this.perCard),
    };
  }
}
