/**
 * The study's numbers, typed and cited: Segi N, et al. Global Spine J 2025;15(4):2286–2299,
 * doi 10.1177/21925682241297948. Public face of src/study.
 */
export { expectedQol, groupExpected } from "./expected";
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
export { TABLE_1, TABLE_1_LEVELS, TABLE_1_TITLE } from "./table1";
export type { Table1Level } from "./table1";
export { TABLE_2 } from "./table2";
export type {
  Table2,
  Table2CategoricalBlock,
  Table2CountRow,
  Table2MeanRow,
  Table2Origin,
  Table2Procedure,
  Table2SinsClass,
} from "./table2";
export { STUDY, INCLUSION, GROUP_DEFINITION, MCID, MCIDS } from "./study";
export type { Mcid } from "./study";
export { ILLUSTRATED_CASES } from "./cases";
export type { CaseValues, IllustratedCase } from "./cases";
export { GROUP_DIFFERENCES, WITHIN_GROUP_CHANGES, groupDifferences } from "./significance";
export type { GroupDifference, WithinGroupChange } from "./significance";
