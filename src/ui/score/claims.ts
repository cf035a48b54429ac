/**
 * Display helpers that read an item's context messages (ReportItem.context): which value each
 * piece of evidence claimed ("ECOG 1", "KPS 60"), and which sentences are mapping notes. No clinical logic:
 * the report decides; this only picks what to show where.
 */
import type { CoreList, CoreMessage, CoreParam } from "../../scores/types";
import type { ReportItem } from "../../report/types";

function isMessage(p: CoreParam | undefined): p is CoreMessage {
  return typeof p === "object" && p !== null && "code" in p && typeof p.code === "string";
}
function isList(p: CoreParam | undefined): p is CoreList {
  return typeof p === "object" && p !== null && "items" in p && Array.isArray((p as { items: unknown }).items);
}

/** The claims the context names with their resource ("ECOG 1 (Observation/…)"): reference → claim message. */
export function claimsByReference(item: Pick<ReportItem, "context">): Map<string, CoreMessage> {
  const found = new Map<string, CoreMessage>();
  const walk = (p: CoreParam | undefined): void => {
    if (isList(p)) {
      p.items.forEach(walk);
      return;
    }
    if (!isMessage(p)) return;
    const label = p.params?.label;
    const ref = p.params?.ref;
    if (p.code === "term.with-ref" && isMessage(label) && label.code.startsWith("claim.") && typeof ref === "string") {
      if (!found.has(ref)) found.set(ref, label);
      return;
    }
    for (const v of Object.values(p.params ?? {})) walk(v);
  };
  for (const c of item.context ?? []) walk(c);
  return found;
}

/**
 * The mapping notes of the primary-site table (fhir-mappings/primary-sites.json "note", e.g. the carcinoid
 * note of every lung code) apply only while the category is still to be picked, or when the category the
 * record gave is the one a note explains (carcinoid, from an ICD-O-3 morphology). Otherwise they are left out
 * of the item's context shown (a display filter: the report keeps them).
 */
export function shownContext(item: ReportItem): Pick<ReportItem, "context"> {
  const codes = item.context;
  if (!codes || codes.length === 0) return item;
  const applies = item.value === null || item.value === "carcinoid";
  if (applies) return item;
  const kept = codes.filter((c) => c.code !== "context.primary.mapping-note");
  if (kept.length === codes.length) return item;
  return { context: kept.length > 0 ? kept : null };
}
