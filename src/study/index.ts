/**
 * The study's numbers, typed and cited: Segi N, et al. Global Spine J 2025;15(4):2286–2299,
 * doi 10.1177/21925682241297948. Public face of src/study.
 */
export { expectedQol, groupExpected, preopBaseline, projectOutcome, PROJECTED_OUTCOMES } from "./expected";
export { SEGMENT_GROUPS, GROUP_N, GROUP_LABEL, isSegmentGroup } from "./groups";
export { TABLE_4, TABLE_4_TITLE } from "./table4";
export type { Table4Column, Table4Row } from "./table4";
export { TABLE_6, TABLE_6_TITLE, TABLE_6_N, COMPARISONS, COMPARISON_GROUPS, table6ChangeRow } from "./table6";
export type {
  Comparison,
  ContinuousOutcome,
  StudyOutcome,
  StudyTimepoint,
  Table6Row,
  Table6ContinuousRow,
  Table6EcogRow,
  Table6FrankelRow,
} from "./table6";
export { pValue, isSignificant, ALPHA } from "./pValue";
export type { PValue, PRelation } from "./pValue";
export type { CountCell, EcogCell, FrankelCell, MeanAndSd, MeanSdCell } from "./cells";
