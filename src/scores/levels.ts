/**
 * Spinal levels: order, contiguity, the study's segment group and whether a patient resembles the study
 * population (Segi et al., Global Spine J 2025;15(4):2286–2299, doi:10.1177/21925682241297948).
 */
import { SPINAL_LEVELS } from "./domains";
import { coreList, scoreMessage } from "./messages";
import { ApplicabilityInputSchema, KNOWN_LEVELS, SpinalLevelSchema, SpinalLevelsSchema, parseInput } from "./schemas";
import type {
  Applicability,
  ApplicabilityInput,
  CoreMessage,
  CoreParam,
  SegmentGroup,
  SegmentGroupResult,
  SpinalLevel,
} from "./types";

/**
 * Each level's position, built once: levels are parsed and ordered several times per report (segment group,
 * applicability, their messages), and scanning the 31-level list for each was a hot spot of scoring.
 */
const LEVEL_INDEX: ReadonlyMap<SpinalLevel, number> = new Map(SPINAL_LEVELS.map((l, i) => [l, i]));

/** The position of a known level (every SpinalLevel has one). */
function indexOf(level: SpinalLevel): number {
  return LEVEL_INDEX.get(level) ?? -1;
}

/** Position of a level from the occiput (0) to the coccyx (30), cranial to caudal. */
export function levelIndex(level: SpinalLevel): number {
  return indexOf(parseInput(SpinalLevelSchema, level, "level"));
}

/**
 * Checks a list of levels at the entry (SpinalLevelsSchema); returns them without duplicates, cranial to caudal.
 * The functions below take the result as it is: a list is checked once per call from outside, never again inside.
 */
function parseLevels(field: string, levels: unknown): SpinalLevel[] {
  return sortLevels(parseInput(SpinalLevelsSchema, levels, field, KNOWN_LEVELS));
}

function sortLevels(levels: readonly SpinalLevel[]): SpinalLevel[] {
  const indices: number[] = [];
  for (const l of levels) {
    const i = indexOf(l);
    if (!indices.includes(i)) indices.push(i);
  }
  // A handful of levels at most: sorting their positions beats filtering the whole list of 31.
  return indices.sort((a, b) => a - b).map((i) => SPINAL_LEVELS[i] as SpinalLevel);
}

/** Sorted, distinct levels form one unbroken run (false for none). */
function contiguous(sorted: readonly SpinalLevel[]): boolean {
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return false;
  return indexOf(last) - indexOf(first) === sorted.length - 1;
}

function describeSorted(sorted: readonly SpinalLevel[]): string {
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return "no level";
  if (sorted.length === 1) return first;
  return contiguous(sorted) ? `${first}–${last}` : sorted.join(", ");
}

function paramOfSorted(sorted: SpinalLevel[]): CoreParam {
  if (sorted.length > 1 && !contiguous(sorted)) return coreList("comma", sorted);
  return describeSorted(sorted);
}

/** True when the levels (duplicates ignored) form one unbroken run; false for none. */
export function isContiguous(levels: readonly SpinalLevel[]): boolean {
  return contiguous(parseLevels("levels", levels));
}

/** "T10", "T10–T11", "T3, T5, T6": levels for a message. */
export function describeLevels(levels: readonly SpinalLevel[]): string {
  return describeSorted(parseLevels("levels", levels));
}

/** describeLevels as a message parameter: the same text, with a non-contiguous list as a list. */
export function levelsParam(levels: readonly SpinalLevel[]): CoreParam {
  return paramOfSorted(parseLevels("levels", levels));
}

const CERVICAL: ReadonlySet<SpinalLevel> = new Set(["Occiput", "C1", "C2", "C3", "C4", "C5", "C6", "C7"]);
const T1_INDEX = SPINAL_LEVELS.indexOf("T1");
const T10_INDEX = SPINAL_LEVELS.indexOf("T10");
const T11_INDEX = SPINAL_LEVELS.indexOf("T11");
const S5_INDEX = SPINAL_LEVELS.indexOf("S5");

/**
 * The study's segment group of every metastatic level on file (the study's Figure 1 groups; docs/scores.md):
 * any cervical level (occiput, C1–C7) → cervical; else any of T11–S5 → TL/L/S; else (only T1–T10) → thoracic.
 * C7–T1 is cervical, T10–T11 TL/L/S, T10 alone thoracic. The coccyx belongs to no group.
 */
export function segmentGroup(levels: readonly SpinalLevel[]): SegmentGroupResult {
  return groupOfSorted(parseLevels("levels", levels));
}

function groupOfSorted(sorted: SpinalLevel[]): SegmentGroupResult {
  let group: SegmentGroup | null = null;
  if (sorted.some((l) => CERVICAL.has(l))) group = "cervical";
  else if (sorted.some((l) => indexOf(l) >= T11_INDEX && indexOf(l) <= S5_INDEX)) group = "tl-l-s";
  else if (sorted.some((l) => indexOf(l) >= T1_INDEX && indexOf(l) <= T10_INDEX)) group = "thoracic";
  if (sorted.length === 0) {
    return { group, levels: sorted, reason: scoreMessage("segment.no-level") };
  }
  if (group === null) {
    return {
      group,
      levels: sorted,
      reason: scoreMessage("segment.coccyx"),
    };
  }
  return { group, levels: sorted, reason: null };
}

/** The study's inclusion criteria (Segi 2025, Methods): age ≥ 20, 1–3 consecutive vertebrae, no total en bloc spondylectomy. */
export const STUDY_MIN_AGE = 20;
const STUDY_MAX_LEVELS = 3;

/**
 * Whether the patient resembles the study population. false (with every reason) when more than 3 levels,
 * non-contiguous levels, age < 20 or en bloc resection planned; null when no level is known, when the only
 * level is the coccyx (no segment group), or when age is unknown and nothing else excludes the patient (the
 * study's "aged ≥ 20" cannot be confirmed); otherwise
 * true. An unanswered en bloc question does not block true (it is asked in the UI) but is noted.
 */
export function applicability(input: ApplicabilityInput): Applicability {
  const given = parseInput(ApplicabilityInputSchema, input, "applicability input");
  const levels = sortLevels(given.levels);
  const age = given.age ?? null;
  const enBloc = given.enBlocPlanned ?? null;

  const excluded = new Reasons();
  const open = new Reasons();
  const notes = new Reasons();
  const whereParam = paramOfSorted(levels);

  if (levels.length === 0) {
    open.add(scoreMessage("applicability.no-level"));
  } else {
    if (levels.length > STUDY_MAX_LEVELS) {
      excluded.add(scoreMessage("applicability.too-many-levels", { count: levels.length, levels: whereParam }));
    }
    if (!contiguous(levels)) {
      excluded.add(scoreMessage("applicability.non-contiguous", { levels: whereParam }));
    }
    if (groupOfSorted(levels).group === null) {
      open.add(scoreMessage("applicability.coccyx-only"));
    } else if (levels.includes("Coccyx")) {
      notes.add(scoreMessage("applicability.coccyx-note"));
    }
  }
  if (age === null) {
    open.add(scoreMessage("applicability.age-unknown"));
  } else if (age < STUDY_MIN_AGE) {
    excluded.add(scoreMessage("applicability.age-under-20", { age }));
  }
  if (enBloc === true) {
    excluded.add(scoreMessage("applicability.en-bloc-planned"));
  } else if (enBloc === null) {
    notes.add(scoreMessage("applicability.en-bloc-unanswered"));
  }

  if (excluded.codes.length > 0) return excluded.then(notes).result(false);
  if (open.codes.length > 0) return open.then(notes).result(null);
  const fits = new Reasons();
  if (levels.length === 1) {
    fits.add(scoreMessage("applicability.within-one", { levels: whereParam, age: age ?? "" }));
  } else {
    fits.add(scoreMessage("applicability.within", { count: levels.length, levels: whereParam, age: age ?? "" }));
  }
  return fits.then(notes).result(true);
}

/** The reasons of one verdict, in order. */
class Reasons {
  readonly codes: CoreMessage[] = [];

  add(code: CoreMessage): void {
    this.codes.push(code);
  }

  then(more: Reasons): Reasons {
    this.codes.push(...more.codes);
    return this;
  }

  result(inStudyPopulation: boolean | null): Applicability {
    return { inStudyPopulation, reasons: this.codes };
  }
}
