/**
 * zod/mini schemas of the core's inputs, for the app's boundary (validate, then call the core). They accept
 * exactly what the calculators accept (a test checks that they agree), built from the same domains.
 */
import { z } from "zod/mini";
import { BARTHEL_POINTS } from "./barthel";
import {
  EXTRASPINAL_BONE_METS,
  FRANKEL_GRADES,
  GENERAL_CONDITIONS,
  PRIMARY_SITES,
  SINS_ALIGNMENT,
  SINS_BONE_LESION,
  SINS_COLLAPSE,
  SINS_LEVELS,
  SINS_PAIN,
  SINS_POSTEROLATERAL,
  VERTEBRAL_BODY_METS,
  VISCERAL_METS,
} from "./domains";
import { SPINAL_LEVELS } from "./types";

function candidatesSchema<V extends string>(domain: readonly V[]) {
  const value = z.enum(domain as readonly V[] as [V, ...V[]]);
  return z.optional(z.nullable(z.union([value, z.array(value)])));
}

export const SpinalLevelSchema = z.enum(SPINAL_LEVELS);

export const SinsInputSchema = z.strictObject({
  location: candidatesSchema(SINS_LEVELS),
  pain: candidatesSchema(SINS_PAIN),
  boneLesion: candidatesSchema(SINS_BONE_LESION),
  alignment: candidatesSchema(SINS_ALIGNMENT),
  collapse: candidatesSchema(SINS_COLLAPSE),
  posterolateral: candidatesSchema(SINS_POSTEROLATERAL),
});

export const TokuhashiInputSchema = z.strictObject({
  generalCondition: candidatesSchema(GENERAL_CONDITIONS),
  extraspinalBoneMets: candidatesSchema(EXTRASPINAL_BONE_METS),
  vertebralBodyMets: candidatesSchema(VERTEBRAL_BODY_METS),
  visceralMets: candidatesSchema(VISCERAL_METS),
  primarySite: candidatesSchema(PRIMARY_SITES),
  palsy: candidatesSchema(FRANKEL_GRADES),
});

export const ApplicabilityInputSchema = z.strictObject({
  levels: z.array(SpinalLevelSchema),
  age: z.optional(z.nullable(z.number().check(z.minimum(0), z.maximum(150)))),
  enBlocPlanned: z.optional(z.nullable(z.boolean())),
});

function barthelItem(points: readonly number[]) {
  return z.optional(z.nullable(z.literal(points as readonly number[] as [number, ...number[]])));
}

export const BarthelInputSchema = z.strictObject({
  feeding: barthelItem(BARTHEL_POINTS.feeding),
  bathing: barthelItem(BARTHEL_POINTS.bathing),
  grooming: barthelItem(BARTHEL_POINTS.grooming),
  dressing: barthelItem(BARTHEL_POINTS.dressing),
  bowels: barthelItem(BARTHEL_POINTS.bowels),
  bladder: barthelItem(BARTHEL_POINTS.bladder),
  toiletUse: barthelItem(BARTHEL_POINTS.toiletUse),
  transfers: barthelItem(BARTHEL_POINTS.transfers),
  mobility: barthelItem(BARTHEL_POINTS.mobility),
  stairs: barthelItem(BARTHEL_POINTS.stairs),
});

/** Five digits MO SC UA PD AD, each 1–5. */
export const Eq5dProfileSchema = z.string().check(z.regex(/^[1-5]{5}$/));
export const EcogSchema = z.int().check(z.minimum(0), z.maximum(5));
export const PainVasSchema = z.number().check(z.minimum(0), z.maximum(100));
export const EqVasSchema = z.int().check(z.minimum(0), z.maximum(100));
export const FrankelSchema = z.enum(FRANKEL_GRADES as readonly string[] as ["A", "B", "C", "D", "E"]);
export const KpsSchema = z.int().check(z.minimum(10), z.maximum(100), z.multipleOf(10));
