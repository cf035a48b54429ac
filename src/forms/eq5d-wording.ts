/**
 * The licensed EQ-5D-5L wording, supplied by the deployment (never shipped: docs/EQ5D-WORDING.md). When the
 * file `eq5d5l-wording.json` sits beside the app, its labels replace the neutral ones of the
 * Questionnaire on screen; the stored answers keep the neutral codes and displays. Format:
 * docs/EQ5D-WORDING.md.
 */
import { z } from "zod/mini";
import type { Locale } from "../i18n";
import { LINKS } from "../questionnaires/contract";

export const WORDING_FILE = "eq5d5l-wording.json";
const WORDING_FORMAT = "eq5d5l-wording/1";

const text = z.string().check(z.minLength(1), z.maxLength(2000));
const dimension = z.object({ label: text, levels: z.tuple([text, text, text, text, text]) });
const language = z.object({
  notice: text,
  dimensions: z.object({ MO: dimension, SC: dimension, UA: dimension, PD: dimension, AD: dimension }),
  vas: z.optional(z.object({ label: text, hint: z.optional(text), top: z.optional(text), bottom: z.optional(text) })),
});
const wordingSchema = z.object({
  format: z.literal(WORDING_FORMAT),
  source: z.optional(text),
  languages: z.object({ en: z.optional(language), ja: z.optional(language) }),
});

export type Eq5dWording = z.infer<typeof wordingSchema>;

/** Labels laid over a Questionnaire's: per linkId, the item text and option labels by code. */
interface OverlayItem {
  text?: string;
  hint?: string;
  options?: Readonly<Record<string, string>>;
  /** A VAS drawn vertically (highest value at the top), as the licensed EQ VAS is. */
  vertical?: boolean;
  /** A VAS's end labels from the licensed file: at the highest value (top) and the lowest (bottom). */
  anchors?: { top?: string; bottom?: string };
}

export interface LabelOverlay {
  items: Readonly<Record<string, OverlayItem>>;
  /** Shown with the form (the trade mark notice). */
  notice: string | null;
}

export function parseEq5dWording(value: unknown): Eq5dWording | null {
  const r = z.safeParse(wordingSchema, value);
  return r.success ? r.data : null;
}

/**
 * Reads the deployment's wording file; null when there is none, or it is not in the documented format
 * (the form then shows the neutral labels and says so).
 */
export async function loadEq5dWording(
  url: string = WORDING_FILE,
  fetchFn: typeof fetch = fetch,
): Promise<Eq5dWording | null> {
  try {
    // Beside the app: relative to the page, whatever the page's path.
    const resolved = typeof document === "undefined" ? url : new URL(url, document.baseURI).href;
    const res = await fetchFn(resolved, { credentials: "same-origin", headers: { accept: "application/json" } });
    if (!res.ok) return null;
    return parseEq5dWording(await res.json());
  } catch {
    return null;
  }
}

const DIMENSION_LINKS = {
  MO: LINKS.eq5d5l.mobility,
  SC: LINKS.eq5d5l.selfCare,
  UA: LINKS.eq5d5l.usualActivities,
  PD: LINKS.eq5d5l.painDiscomfort,
  AD: LINKS.eq5d5l.anxietyDepression,
} as const;

/** The overlay for `locale`, or null when the file has no wording in that language. */
export function eq5dOverlay(wording: Eq5dWording | null, locale: Locale): LabelOverlay | null {
  const lang = wording?.languages[locale];
  if (!lang) return null;
  const items: Record<string, OverlayItem> = {};
  for (const [dim, linkId] of Object.entries(DIMENSION_LINKS) as [keyof typeof DIMENSION_LINKS, string][]) {
    const d = lang.dimensions[dim];
    items[linkId] = {
      text: d.label,
      options: Object.fromEntries(d.levels.map((label, i) => [`eq5d.level.${i + 1}`, label])),
    };
  }
  // With the licensed wording the EQ VAS is the vertical scale of the licensed form, with the file's end labels.
  const vas = lang.vas;
  items[LINKS.eq5d5l.eqVas] = {
    vertical: true,
    ...(vas ? { text: vas.label } : {}),
    ...(vas?.hint ? { hint: vas.hint } : {}),
    ...(vas?.top || vas?.bottom
      ? { anchors: { ...(vas.top ? { top: vas.top } : {}), ...(vas.bottom ? { bottom: vas.bottom } : {}) } }
      : {}),
  };
  return { items, notice: lang.notice };
}
