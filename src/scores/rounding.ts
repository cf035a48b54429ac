/**
 * Display rounding in exact decimal arithmetic. A number is taken as the shortest decimal that reads back as
 * the same double (what String(x) prints): 0.6845 is 0.6845, not 0.68449999999999999734. Rounding is half
 * away from zero on that decimal: 0.6845 → 0.685, −0.0255 → −0.026, 0.9755 → 0.976.
 */
import { DecimalsSchema, FiniteNumberSchema, describeValue, parseInput } from "./schemas";
import { ScoreInputError } from "./types";

/** |x| as digits with an implied decimal point: x = ±digits × 10^(−scale). */
interface Decimal {
  negative: boolean;
  digits: bigint;
  scale: number;
}

/** The shortest decimal of a finite double (exponent notation unfolded). */
export function toDecimal(x: number): Decimal {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!match) throw new ScoreInputError("x", `expected a finite number, got ${describeValue(x)}`);
  const [, sign = "", whole = "0", fraction = "", exponent = "0"] = match;
  const exp = Number(exponent);
  let digits = BigInt(whole + fraction);
  let scale = fraction.length - exp;
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { negative: sign === "-", digits, scale };
}

/** ±digits rounded to `decimals` places, half away from zero; returns the rounded digits at that scale. */
function roundDigits(d: Decimal, decimals: number): bigint {
  if (d.scale <= decimals) return d.digits * 10n ** BigInt(decimals - d.scale);
  const divisor = 10n ** BigInt(d.scale - decimals);
  const quotient = d.digits / divisor;
  const remainder = d.digits % divisor;
  return remainder * 2n >= divisor ? quotient + 1n : quotient;
}

function checkArgs(x: number, decimals: number): void {
  parseInput(FiniteNumberSchema, x, "x");
  parseInput(DecimalsSchema, decimals, "decimals");
}

/** x rounded to `decimals` places, ties away from zero, on the decimal value of x (see the file comment). */
export function roundHalfAwayFromZero(x: number, decimals: number): number {
  checkArgs(x, decimals);
  const d = toDecimal(x);
  const rounded = roundDigits(d, decimals);
  if (rounded === 0n) return 0;
  const value = Number(`${rounded}e-${decimals}`);
  return d.negative ? -value : value;
}

/** `x` to `decimals` places as text, ties away from zero; a result of zero is "0.000", never "-0.000". */
export function formatFixed(x: number, decimals: number): string {
  checkArgs(x, decimals);
  const d = toDecimal(x);
  const rounded = roundDigits(d, decimals)
    .toString()
    .padStart(decimals + 1, "0");
  const whole = rounded.slice(0, rounded.length - decimals);
  const fraction = rounded.slice(rounded.length - decimals);
  const text = decimals > 0 ? `${whole}.${fraction}` : whole;
  return d.negative && /[1-9]/.test(rounded) ? `-${text}` : text;
}

/** An EQ-5D-5L index for display: 3 decimals, half away from zero (−0.0255 → "−0.026" as "-0.026"). */
export function formatIndex(x: number): string {
  return formatFixed(x, 3);
}
