/** Age in whole years at a given day from a FHIR birthDate (possibly partial: "1950", "1950-06"). */

/** Older than this is taken as a data error. */
const MAX_AGE = 130;

export interface AgeRange {
  /** The age when the birth date fixes it, else null. */
  age: number | null;
  min: number;
  max: number;
}

function fullYears(by: number, bm: number, bd: number, ny: number, nm: number, nd: number): number {
  return ny - by - (nm < bm || (nm === bm && nd < bd) ? 1 : 0);
}

export function ageAt(birthDate: string | null, now: Date): AgeRange | null {
  if (!birthDate || Number.isNaN(now.getTime())) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(birthDate);
  if (!m) return null;
  const y = Number(m[1]);
  const ny = now.getUTCFullYear();
  const nm = now.getUTCMonth() + 1;
  const nd = now.getUTCDate();
  let min: number;
  let max: number;
  if (m[3] !== undefined && m[2] !== undefined) {
    min = max = fullYears(y, Number(m[2]), Number(m[3]), ny, nm, nd);
  } else if (m[2] !== undefined) {
    const mo = Number(m[2]);
    min = fullYears(y, mo, 31, ny, nm, nd);
    max = fullYears(y, mo, 1, ny, nm, nd);
  } else {
    min = fullYears(y, 12, 31, ny, nm, nd);
    max = fullYears(y, 1, 1, ny, nm, nd);
  }
  // Born after the report date, or an implausible age (a data error): unknown.
  if (max < 0 || min > MAX_AGE) return null;
  min = Math.max(0, min);
  return { age: min === max ? min : null, min, max };
}

/** The age to judge the study's "aged 20 or older" by: exact, or any value of the range when the whole range agrees. */
export function ageForThreshold(range: AgeRange | null, threshold: number): number | null {
  if (!range) return null;
  if (range.age !== null) return range.age;
  if (range.min >= threshold) return range.min;
  if (range.max < threshold) return range.max;
  return null;
}
