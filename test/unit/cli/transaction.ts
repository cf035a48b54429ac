/** Test input files for the CLI. */
import { writeFileSync } from "node:fs";

/** Writes a transaction Bundle of `entry` to `file` and gives the path back. */
export function writeTransaction(file: string, entry: object[]): string {
  writeFileSync(file, JSON.stringify({ resourceType: "Bundle", type: "transaction", entry }));
  return file;
}
