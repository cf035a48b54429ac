/**
 * Validators for the observations the app records and reads back, on the schemas of ./schemas.ts. Each `validateX`
 * returns the value or throws ScoreInputError naming the field; each `isX` is the same schema as a type guard.
 * Nothing is coerced.
 */
import { z } from "zod/mini";
import { EcogSchema, EqVasSchema, FrankelSchema, KpsSchema, PainVasSchema, parseInput } from "./schemas";
import type { EcogGrade, FrankelGrade, KpsScore } from "./types";

/** ECOG performance status: integer 0–5 (5 = dead). */
export function validateEcog(value: unknown, field = "ecog"): EcogGrade {
  return parseInput(EcogSchema, value, field);
}

/** Pain VAS in mm: 0–100 (decimals allowed: a 100-mm line is read to the millimetre or finer). */
export function validatePainVas(value: unknown, field = "painVas"): number {
  return parseInput(PainVasSchema, value, field);
}

/** EQ VAS: integer 0–100. */
export function validateEqVas(value: unknown, field = "eqVas"): number {
  return parseInput(EqVasSchema, value, field);
}

/** Frankel grade A–E. */
export function validateFrankel(value: unknown, field = "frankel"): FrankelGrade {
  return parseInput(FrankelSchema, value, field);
}

/** Karnofsky performance status as the Tokuhashi item uses it: 10–100 in steps of 10 (0 = dead is refused). */
export function validateKps(value: unknown, field = "kps"): KpsScore {
  return parseInput(KpsSchema, value, field);
}

export const isEcog = (value: unknown): value is EcogGrade => z.safeParse(EcogSchema, value).success;
export const isPainVas = (value: unknown): value is number => z.safeParse(PainVasSchema, value).success;
export const isEqVas = (value: unknown): value is number => z.safeParse(EqVasSchema, value).success;
export const isFrankel = (value: unknown): value is FrankelGrade => z.safeParse(FrankelSchema, value).success;
export const isKps = (value: unknown): value is KpsScore => z.safeParse(KpsSchema, value).success;
