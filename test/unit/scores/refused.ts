/** The calculators' one way to refuse input: a ScoreInputError (a RangeError) that names the field. */
import { expect } from "vitest";
import { ScoreInputError } from "../../../src/scores";

export function refused(f: () => unknown, field: string): void {
  let error: unknown;
  try {
    f();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ScoreInputError);
  expect(error).toBeInstanceOf(RangeError);
  expect((error as ScoreInputError).field).toBe(field);
}
