import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BARTHEL_ITEMS,
  BARTHEL_POINTS,
  SINS_DOMAINS as SINS_ITEM_VALUES,
  SINS_ITEMS,
  SPINAL_LEVELS,
  TOKUHASHI_DOMAINS as TOKUHASHI_ITEM_VALUES,
  TOKUHASHI_ITEMS,
  barthelIndex,
  eq5d5lIndex,
  formatIndex,
  roundHalfAwayFromZero,
  segmentGroup,
  sins,
  sinsCategory,
  tokuhashi,
  tokuhashiPrognosis,
  valueSets,
} from "../../../src/scores";

// Each item's values, as the calculators define them (the tests draw inputs from them; the figures they check
// are written by hand elsewhere).
const SINS_DOMAINS: Record<string, readonly string[]> = SINS_ITEM_VALUES;
const TOKUHASHI_DOMAINS: Record<string, readonly string[]> = TOKUHASHI_ITEM_VALUES;

/** undefined, null, one value, or any subset (possibly empty) of the domain. */
function candidates(domain: readonly string[]): fc.Arbitrary<string | string[] | null | undefined> {
  return fc.oneof(fc.constant(undefined), fc.constant(null), fc.constantFrom(...domain), fc.subarray([...domain]));
}
function inputOf(domains: Record<string, readonly string[]>) {
  return fc.record(Object.fromEntries(Object.entries(domains).map(([k, d]) => [k, candidates(d)])));
}
function completeOf(domains: Record<string, readonly string[]>) {
  return fc.record(Object.fromEntries(Object.entries(domains).map(([k, d]) => [k, fc.constantFrom(...d)])));
}
const choices = fc.array(fc.nat(), { minLength: 6, maxLength: 6 });

interface Ranged {
  total: number | null;
  min: number;
  max: number;
  items: Record<string, { points: number | null; min: number; max: number; candidates: string[] }>;
}

function checkRange(r: Ranged, maxTotal: number): void {
  expect(r.min).toBeGreaterThanOrEqual(0);
  expect(r.max).toBeLessThanOrEqual(maxTotal);
  expect(r.min).toBeLessThanOrEqual(r.max);
  if (r.total !== null) {
    expect(r.total).toBe(r.min);
    expect(r.total).toBe(r.max);
  }
  for (const item of Object.values(r.items)) {
    expect(item.min).toBeLessThanOrEqual(item.max);
    expect(item.points === null).toBe(item.min !== item.max);
  }
}

/**
 * Any completion of the unknowns (one candidate per item, picked by `pick`) scores inside [min, max], and
 * the completions made of each item's lowest (highest) candidate reach min (max).
 */
function checkCompletions(
  score: (x: Record<string, unknown>) => Ranged,
  items: readonly string[],
  r: Ranged,
  pick: number[],
): void {
  const chosen = Object.fromEntries(
    items.map((k, i) => {
      const c = r.items[k]?.candidates ?? [];
      return [k, c[(pick[i] ?? 0) % c.length]];
    }),
  );
  const total = score(chosen).total;
  expect(total).not.toBeNull();
  expect(total).toBeGreaterThanOrEqual(r.min);
  expect(total).toBeLessThanOrEqual(r.max);
  for (const bound of ["min", "max"] as const) {
    const extreme = Object.fromEntries(
      items.map((k) => {
        const item = r.items[k];
        return [k, item?.candidates.find((v) => score({ [k]: v }).items[k]?.points === item[bound])];
      }),
    );
    expect(score(extreme).total, bound).toBe(r[bound]);
  }
}

/** A ranged score's result with its class of the total (SINS category, Tokuhashi prognosis band) as `cls`. */
type Classed = Ranged & { cls: string | null };
type Score = (x: Record<string, unknown>) => Classed;
const sinsScore: Score = (x) => {
  const r = sins(x);
  return { ...(r as unknown as Ranged), cls: r.category };
};
const tokuhashiScore: Score = (x) => {
  const r = tokuhashi(x);
  return { ...(r as unknown as Ranged), cls: r.prognosis };
};

/** A row of the properties both scores share. */
type ScoreRow = [
  name: string,
  score: Score,
  itemValues: Record<string, readonly string[]>,
  items: readonly string[],
  maxTotal: number,
  /** What the class of a total is called. */
  classWord: string,
  classOf: (total: number) => string,
];

describe.each([
  ["SINS", sinsScore, SINS_DOMAINS, SINS_ITEMS, 18, "category", sinsCategory],
  ["Tokuhashi", tokuhashiScore, TOKUHASHI_DOMAINS, TOKUHASHI_ITEMS, 15, "prognosis", tokuhashiPrognosis],
] satisfies ScoreRow[])("%s properties", (_name, score, domains, items, maxTotal, classWord, classOf) => {
  it(`min ≤ total ≤ max within 0–${maxTotal}; the ${classWord} is the class of the whole range`, () => {
    fc.assert(
      fc.property(inputOf(domains), (input) => {
        const r = score(input);
        checkRange(r, maxTotal);
        const low = classOf(r.min);
        expect(r.cls).toBe(low === classOf(r.max) ? low : null);
      }),
    );
  });

  it("every way of completing the unknowns lands inside [min, max], and the bounds are reached", () => {
    fc.assert(
      fc.property(inputOf(domains), choices, (input, pick) => checkCompletions(score, items, score(input), pick)),
    );
  });

  it(`learning an item (narrowing its candidates) never widens the range, nor changes a known ${classWord}`, () => {
    fc.assert(
      fc.property(inputOf(domains), fc.constantFrom(...items), fc.array(fc.nat()), (input, item, keep) => {
        const before = score(input);
        const narrowed = (before.items[item]?.candidates ?? []).filter((_, i) => keep.includes(i));
        fc.pre(narrowed.length > 0);
        const after = score({ ...input, [item]: narrowed });
        expect(after.min).toBeGreaterThanOrEqual(before.min);
        expect(after.max).toBeLessThanOrEqual(before.max);
        if (before.cls !== null) expect(after.cls).toBe(before.cls);
      }),
    );
  });
});

describe("SINS properties", () => {
  const score = sinsScore;

  it("a worse finding (more points for one item) never lowers the SINS", () => {
    fc.assert(
      fc.property(completeOf(SINS_DOMAINS), fc.constantFrom(...SINS_ITEMS), fc.nat(), (input, item, j) => {
        const domain = SINS_DOMAINS[item] ?? [];
        const other = domain[j % domain.length];
        const before = score(input);
        const after = score({ ...input, [item]: other });
        const worse = (after.items[item]?.points ?? 0) >= (before.items[item]?.points ?? 0);
        if (worse) expect(after.total ?? -1).toBeGreaterThanOrEqual(before.total ?? 99);
        else expect(after.total ?? 99).toBeLessThan(before.total ?? -1);
      }),
    );
  });
});

describe("Tokuhashi properties", () => {
  const score = tokuhashiScore;
  const BAND = { "<6m": 0, ">=6m": 1, ">=12m": 2 } as const;

  it("a better finding (more points for one item) never lowers the score, and never the predicted survival", () => {
    fc.assert(
      fc.property(completeOf(TOKUHASHI_DOMAINS), fc.constantFrom(...TOKUHASHI_ITEMS), fc.nat(), (input, item, j) => {
        const domain = TOKUHASHI_DOMAINS[item] ?? [];
        const before = score(input);
        const after = score({ ...input, [item]: domain[j % domain.length] });
        const better = (after.items[item]?.points ?? 0) >= (before.items[item]?.points ?? 0);
        const [lo, hi] = better ? [before, after] : [after, before];
        expect(hi.total ?? -1).toBeGreaterThanOrEqual(lo.total ?? 99);
        expect(BAND[hi.cls as keyof typeof BAND]).toBeGreaterThanOrEqual(BAND[lo.cls as keyof typeof BAND]);
      }),
    );
  });

  it("the predicted survival never falls as the total rises (0–15)", () => {
    const bands = Array.from({ length: 16 }, (_, total) => BAND[tokuhashiPrognosis(total)]);
    for (let total = 1; total <= 15; total++)
      expect(bands[total], String(total)).toBeGreaterThanOrEqual(bands[total - 1]!);
    expect([bands[0], bands[15]]).toEqual([0, 2]);
  });
});

describe("Barthel properties", () => {
  const itemArb = Object.fromEntries(
    BARTHEL_ITEMS.map((k) => [
      k,
      fc.oneof(fc.constant(null), fc.constant(undefined), fc.constantFrom(...BARTHEL_POINTS[k])),
    ]),
  ) as Record<string, fc.Arbitrary<number | null | undefined>>;

  it("0 ≤ min ≤ total ≤ max ≤ 100, total only when all ten items are known", () => {
    fc.assert(
      fc.property(fc.record(itemArb), (input) => {
        const r = barthelIndex(input);
        expect(0).toBeLessThanOrEqual(r.min);
        expect(r.min).toBeLessThanOrEqual(r.max);
        expect(r.max).toBeLessThanOrEqual(100);
        const complete = BARTHEL_ITEMS.every((k) => typeof input[k] === "number");
        expect(r.total).toBe(complete ? r.min : null);
        if (complete) expect(r.max).toBe(r.min);
      }),
    );
  });
});

describe("EQ-5D-5L monotonicity", () => {
  const enabled = valueSets()
    .filter((v) => v.enabled)
    .map((v) => v.id);
  const profiles: string[] = [];
  for (let i = 0; i < 3125; i++) {
    let n = i;
    let p = "";
    for (let d = 0; d < 5; d++) {
      p = String((n % 5) + 1) + p;
      n = Math.floor(n / 5);
    }
    profiles.push(p);
  }
  const worsen = (p: string, d: number): string => p.slice(0, d) + String(Number(p[d]) + 1) + p.slice(d + 1);

  /** Computed, not assumed: a set is monotone when no one-level worsening of any dimension raises the index. */
  const monotone = enabled.filter((id) =>
    profiles.every((p) =>
      [0, 1, 2, 3, 4].every((d) => p[d] === "5" || eq5d5lIndex(worsen(p, d), id) <= eq5d5lIndex(p, id)),
    ),
  );

  it("finds which value sets are monotone (all 49 enabled ones; checked independently with exact rationals)", () => {
    expect(enabled).toHaveLength(49);
    expect(enabled.filter((id) => !monotone.includes(id))).toEqual([]);
  });

  it("never rises when any dimension worsens, for the monotone value sets", () => {
    const level = fc.integer({ min: 1, max: 5 });
    fc.assert(
      fc.property(
        fc.constantFrom(...monotone),
        fc.tuple(level, level, level, level, level),
        fc.tuple(level, level, level, level, level),
        (id, a, b) => {
          // b' = a worsened to at least b in every dimension
          const worse = a.map((x, i) => Math.max(x, b[i] ?? x));
          expect(eq5d5lIndex(worse.join(""), id)).toBeLessThanOrEqual(eq5d5lIndex(a.join(""), id));
        },
      ),
    );
  });

  it("11111 is the best state and 55555 the worst of every enabled set", () => {
    for (const id of enabled) {
      const values = profiles.map((p) => eq5d5lIndex(p, id));
      expect(Math.max(...values)).toBe(eq5d5lIndex("11111", id));
      expect(Math.min(...values)).toBe(eq5d5lIndex("55555", id));
    }
  });
});

describe("rounding properties", () => {
  it("is within half a unit, odd-symmetric, and formatIndex prints roundHalfAwayFromZero", () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), (x) => {
        const r = roundHalfAwayFromZero(x, 3);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(0.0005 + 1e-12);
        expect(roundHalfAwayFromZero(-x, 3)).toBe(r === 0 ? 0 : -r);
        expect(Number(formatIndex(x))).toBe(r);
      }),
    );
  });

  it("rounds every exact 4-decimal tie away from zero", () => {
    fc.assert(
      fc.property(fc.integer({ min: -20000, max: 20000 }), (k) => {
        const tie = (k * 10 + 5) / 10000; // k.5 thousandths
        const expected = (k >= 0 ? k + 1 : k) / 1000;
        expect(roundHalfAwayFromZero(tie, 3)).toBe(expected === 0 ? 0 : expected);
      }),
    );
  });
});

describe("segment group properties", () => {
  const level = fc.constantFrom(...SPINAL_LEVELS);
  it("depends on the set of levels only, and any cervical level makes it cervical", () => {
    fc.assert(
      fc.property(
        fc.array(level, { maxLength: 6 }),
        fc.constantFrom("Occiput", "C1", "C2", "C3", "C4", "C5", "C6", "C7" as const),
        (levels, cervical) => {
          expect(segmentGroup([...levels].reverse())).toEqual(segmentGroup(levels));
          expect(segmentGroup([...levels, cervical]).group).toBe("cervical");
        },
      ),
    );
  });
});
