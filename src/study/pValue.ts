/**
 * P values as the study prints them ("0.027", "<0.001", ">0.99"), with a numeric/bound form.
 * The study's threshold: "A P-value <0.05 was considered statistically significant" (Methods, Statistical analysis).
 */

type PRelation = "=" | "<" | ">";

export interface PValue {
  /** Exactly as printed in the paper, e.g. "0.060", "<0.001", ">0.99". */
  text: string;
  /** The number printed (for "<0.001": the bound 0.001). */
  value: number;
  /** "=" for a printed value, "<" / ">" for a printed bound. */
  relation: PRelation;
}

/** The study's significance level (Methods, "Statistical analysis"). */
const ALPHA = 0.05;

/** Turns a printed P value into its numeric/bound form. Throws on text that is not a P value (a transcription error). */
export function pValue(text: string): PValue {
  const match = /^([<>]?)(0?\.\d+|1(?:\.0+)?)$/.exec(text);
  if (!match) throw new RangeError(`not a printed P value: "${text}"`);
  const sign = match[1] ?? "";
  const digits = match[2] ?? "";
  const relation: PRelation = sign === "<" ? "<" : sign === ">" ? ">" : "=";
  return { text, value: Number(digits), relation };
}

/** True when the printed P value is below the study's α of 0.05 ("<0.05" counts as significant). */
export function isSignificant(p: PValue): boolean {
  switch (p.relation) {
    case "=":
      return p.value < ALPHA;
    case "<":
      return p.value <= ALPHA;
    case ">":
      // Every printed lower bound in the study is ">0.99"; a bound above α is never significant.
      return false;
  }
}
