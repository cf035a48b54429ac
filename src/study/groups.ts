/** The study's three segment groups (Methods, "Variables and Grouping"; Table 1): SEGMENT_GROUPS of the scoring core. */
import { SEGMENT_GROUPS, type SegmentGroup } from "../scores/domains";

export { SEGMENT_GROUPS };

/** Group sizes, the header of Tables 1, 2, 4 and 6 ("N = 31", "N = 82", "N = 90"); 31 + 82 + 90 = 203. */
export const GROUP_N: Readonly<Record<SegmentGroup, number>> = { cervical: 31, thoracic: 82, "tl-l-s": 90 };

export function isSegmentGroup(value: unknown): value is SegmentGroup {
  return (SEGMENT_GROUPS as readonly unknown[]).includes(value);
}
