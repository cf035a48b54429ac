/** Stable JSON text for the committed bundles: pretty-printed, or one entry per line for the long history. */
import type { Bundle } from "fhir/r4";

export function formatBundle(bundle: Bundle, oneEntryPerLine: boolean): string {
  if (!oneEntryPerLine) return `${JSON.stringify(bundle, null, 2)}\n`;
  const { entry = [], ...head } = bundle;
  const headText = JSON.stringify(head);
  const lines = entry.map((e) => JSON.stringify(e));
  return `${headText.slice(0, -1)},"entry":[\n${lines.join(",\n")}\n]}\n`;
}
