/**
 * src/study: the study's tables and what is derived from them. Pure data and arithmetic: no FHIR, no React,
 * no I/O; every number cites its table.
 *
 * The study's numbers, typed and cited: Segi N, et al. Global Spine J 2025;15(4):2286–2299,
 * doi 10.1177/21925682241297948. Public face of src/study.
 */
export { expectedQol, groupExpected } from "./expected";
export { SEGMENT_GROUPS, GROUP_N } from "./groups";
export { TABLE_4 } from "./table4";
export { TABLE_6, TABLE_6_N, COMPARISONS, COMPARISON_GROUPS, table6ChangeRow } from "./table6";
export type { Comparison, StudyOutcome, StudyTimepoint, Table6Row } from "./table6";
export { pValue, isSignificant } from "./pValue";
export type { CountCell } from "./cells";
export { TABLE_1, TABLE_1_LEVELS } from "./table1";
export type { Table1Level } from "./table1";
export { TABLE_2 } from "./table2";
export { STUDY, INCLUSION, MCIDS } from "./study";
export { ILLUSTRATED_CASES } from "./cases";
export type { IllustratedCase } from "./cases";
export { GROUP_DIFFERENCES, WITHIN_GROUP_CHANGES, groupDifferences } from "./significance";
