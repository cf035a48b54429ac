/**
 * Validators for the observations the app records and reads back. Each `validateX` returns the value or
 * throws ScoreInputError naming the field; each `isX` is the same check as a type guard. Nothing is coerced.
 */
import { FRANKEL_GRADES } from "./domains";
import { ScoreInputError, type FrankelGrade } from "./types";
import { describeValue, requireInteger, requireNumber } from "./validate";

/** ECOG performance status: integer 0–5 (5 = dead). */
export function validateEcog(value: unknown, field = "ecog"): number {
  return requireInteger(field, value, 0, 5);
}

/** Pain VAS in mm: 0–100 (decimals allowed: a 100-mm line is read to the millimetre or finer). */
export function validatePainVas(value: unknown, field = "painVas"): number {
  return requireNumber(field, value, 0, 100);
}

/** EQ VAS: integer 0–100. */
export function validateEqVas(value: unknown, field = "eqVas"): number {
  return requireInteger(field, value, 0, 100);
}

/** Frankel grade A–E. */
export function validateFrankel(value: unknown, field = "frankel"): FrankelGrade {
  if (typeof value !== "string" || !(FRANKEL_GRADES as readonly string[]).includes(value)) {
    throw new ScoreInputError(field, `expected a Frankel grade A–E, got ${describeValue(value)}`);
  }
  return value as FrankelGrade;
}

/** Karnofsky performance status as the Tokuhashi item uses it: 10–100 in steps of 10 (0 = dead is refused). */
export function validateKps(value: unknown, field = "kps"): number {
  const kps = requireInteger(field, value, 10, 100);
  if (kps % 10 !== 0) throw new ScoreInputError(field, `${kps} is not a Karnofsky score (multiples of 10 only)`);
  return kps;
}

function passes(check: (v: unknown) => unknown, value: unknown): boolean {
  try {
    check(value);
    return true;
  } catch (e) {
    if (e instanceof ScoreInputError) return false;
    throw e;
  }
}

export const isEcog = (value: unknown): value is number => passes(validateEcog, value);
export const isPainVas = (value: unknown): value is number => passes(validatePainVas, value);
export const isEqVas = (value: unknown): value is number => passes(validateEqVas, value);
export const isFrankel = (value: unknown): value is FrankelGrade => passes(validateFrankel, value);
export const isKps = (value: unknown): value is number => passes(validateKps, value);
