import { describe, expect, it } from "vitest";
import valueSetFile from "../../../src/scores/data/eq5d5l_valuesets.json";
import {
  DEFAULT_VALUE_SET,
  eq5d5lIndex,
  formatIndex,
  isEq5dProfile,
  parseEq5dProfile,
  valueSets,
} from "../../../src/scores";
import { refused } from "./refused";
import { compileValueSet, evaluate } from "../../../src/scores/eq5d";

const raw = (valueSetFile as { valueSets: Record<string, unknown> }).valueSets;

/**
 * Expected 3-dp figures of every value set (half away from zero), typed in independently of the evaluator:
 * states 11111, 12345, 55555, 21232, 33333.
 */
const TABLE_3DP: [string, string, string, string, string, string][] = [
  ["Australia", "1.000", "0.248", "-0.301", "0.848", "0.673"],
  ["Belgium", "1.000", "0.074", "-0.532", "0.720", "0.577"],
  ["Canada", "0.949", "0.320", "-0.148", "0.764", "0.577"],
  ["China", "1.000", "0.335", "-0.391", "0.702", "0.363"],
  ["Denmark", "1.000", "-0.074", "-0.758", "0.760", "0.571"],
  ["Egypt", "1.000", "0.182", "-0.964", "0.714", "0.321"],
  ["England", "1.000", "0.322", "-0.285", "0.730", "0.593"],
  ["Ethiopia", "1.000", "0.200", "-0.718", "0.857", "0.711"],
  ["France", "1.000", "0.402", "-0.525", "0.862", "0.768"],
  ["Germany", "1.000", "0.141", "-0.661", "0.799", "0.662"],
  ["Ghana", "1.000", "0.376", "-0.493", "0.785", "0.583"],
  ["HongKong", "1.000", "0.164", "-0.865", "0.597", "0.324"],
  ["Hungary", "1.000", "0.242", "-0.848", "0.817", "0.571"],
  ["India", "1.000", "0.223", "-0.923", "0.763", "0.494"],
  ["Indonesia", "1.000", "0.240", "-0.865", "0.617", "0.283"],
  ["Iran", "1.000", "0.001", "-1.190", "0.424", "0.033"],
  ["Ireland", "1.000", "-0.146", "-0.974", "0.715", "0.448"],
  ["Italy", "1.000", "0.215", "-0.571", "0.767", "0.619"],
  ["Japan_cTTO", "1.000", "0.477", "-0.026", "0.685", "0.480"],
  ["Japan_DCE", "1.000", "0.488", "-0.025", "0.670", "0.485"],
  ["Malaysia", "1.000", "0.314", "-0.442", "0.692", "0.544"],
  ["Mexico", "1.000", "0.295", "-0.596", "0.793", "0.612"],
  ["Morocco", "1.000", "-0.128", "-1.491", "0.763", "0.446"],
  ["Netherlands", "1.000", "0.047", "-0.446", "0.717", "0.511"],
  ["NewZealand", "1.000", "0.186", "-0.830", "0.692", "0.322"],
  ["Norway", "1.000", "0.137", "-0.453", "0.746", "0.539"],
  ["Peru_cTTO", "1.000", "0.015", "-1.076", "0.498", "0.146"],
  ["Peru_DCE", "1.000", "0.532", "-0.213", "0.805", "0.640"],
  ["Philippines", "1.000", "0.442", "-0.438", "0.832", "0.755"],
  ["Poland", "1.000", "0.436", "-0.590", "0.884", "0.800"],
  ["Portugal", "1.000", "0.351", "-0.603", "0.771", "0.589"],
  ["Romania", "1.000", "0.520", "-0.323", "0.807", "0.698"],
  ["SaudiArabia", "1.000", "0.223", "-0.683", "0.795", "0.614"],
  ["Singapore", "1.000", "-0.088", "-0.851", "0.655", "0.353"],
  ["Slovenia", "1.000", "0.003", "-1.089", "0.747", "0.505"],
  ["SouthKorea", "1.000", "0.440", "-0.066", "0.751", "0.646"],
  ["Spain", "1.000", "0.308", "-0.416", "0.690", "0.570"],
  ["Sweden_2020", "0.976", "0.497", "0.243", "0.817", "0.615"],
  ["Sweden_2022", "1.000", "0.220", "-0.314", "0.878", "0.701"],
  ["Taiwan", "1.000", "0.040", "-1.026", "0.598", "0.204"],
  ["Thailand", "1.000", "0.369", "-0.421", "0.751", "0.609"],
  ["Trinidad_and_Tobago", "1.000", "0.336", "-0.563", "0.814", "0.576"],
  ["UAE", "1.000", "0.263", "-0.654", "0.753", "0.555"],
  ["Uganda", "1.000", "-0.011", "-1.116", "0.679", "0.398"],
  ["UK", "1.000", "0.114", "-0.567", "0.812", "0.604"],
  ["Uruguay", "1.000", "0.552", "-0.264", "0.861", "0.745"],
  ["USA", "1.000", "0.171", "-0.573", "0.681", "0.449"],
  ["Vietnam", "1.000", "0.390", "-0.512", "0.669", "0.552"],
  ["WePP", "1.000", "0.320", "-0.240", "0.740", "0.570"],
  ["Japan_cTTO_fullPrecision", "1.000", "0.477", "-0.025", "0.685", "0.480"],
];
const STATES = ["11111", "12345", "55555", "21232", "33333"] as const;

describe("EQ-5D-5L anchors (unrounded where known)", () => {
  it("Japan cTTO, 6-dp coefficients (the default)", () => {
    expect(DEFAULT_VALUE_SET).toBe("Japan_cTTO_fullPrecision");
    expect(eq5d5lIndex("11111", DEFAULT_VALUE_SET)).toBe(1);
    expect(eq5d5lIndex("12345", DEFAULT_VALUE_SET)).toBe(0.476916);
    expect(eq5d5lIndex("55555", DEFAULT_VALUE_SET)).toBe(-0.025449);
    expect(eq5d5lIndex("21232", DEFAULT_VALUE_SET)).toBe(0.684847);
    expect(eq5d5lIndex("33333", DEFAULT_VALUE_SET)).toBe(0.479993);
  });

  it("Japan cTTO, 4-dp coefficients (eq5d): exact decimals, no float noise", () => {
    expect(eq5d5lIndex("12345", "Japan_cTTO")).toBe(0.477);
    expect(eq5d5lIndex("55555", "Japan_cTTO")).toBe(-0.0255);
    expect(eq5d5lIndex("21232", "Japan_cTTO")).toBe(0.6848);
    expect(eq5d5lIndex("33333", "Japan_cTTO")).toBe(0.48);
  });

  it("applies the Japanese constant once, and not to 11111", () => {
    // 21111: 1 − 0.060924 (constant) − 0.063865 (MO2) = 0.875211
    expect(eq5d5lIndex("21111", DEFAULT_VALUE_SET)).toBe(0.875211);
    // 22222: 1 − 0.060924 − (0.063865 + 0.043632 + 0.050407 + 0.044545 + 0.071779 = 0.274228) = 0.664848
    expect(eq5d5lIndex("22222", DEFAULT_VALUE_SET)).toBe(0.664848);
  });

  it("England (Devlin 2018): 1 / 0.322 / −0.285 / 0.730 / 0.593; 11211 = 12111 = 0.950, 21111 = 0.942", () => {
    expect([...STATES].map((s) => eq5d5lIndex(s, "England"))).toEqual([1, 0.322, -0.285, 0.73, 0.593]);
    expect(eq5d5lIndex("11211", "England")).toBe(0.95);
    expect(eq5d5lIndex("12111", "England")).toBe(0.95);
    expect(eq5d5lIndex("21111", "England")).toBe(0.942);
  });

  it("USA (Pickard 2019): 1 / 0.171 / −0.573 / 0.681 / 0.449", () => {
    expect([...STATES].map((s) => eq5d5lIndex(s, "USA"))).toEqual([1, 0.171, -0.573, 0.681, 0.449]);
  });

  it("UK (Rowen 2026): 1 / 0.114 / −0.567 / 0.812 / 0.604", () => {
    expect([...STATES].map((s) => eq5d5lIndex(s, "UK"))).toEqual([1, 0.114, -0.567, 0.812, 0.604]);
  });

  it("Canada: start 1.1351 with level-1 terms, MO45…AD45 dummies, Num45sq only when n45 ≥ 1", () => {
    // 11111: 1.1351 − (0.0389 + 0.0458 + 0.0195 + 0.0444 + 0.0376) = 0.9489; Num45sq must not add (0 − 1)² × 0.0085
    expect(eq5d5lIndex("11111", "Canada")).toBe(0.9489);
    expect(formatIndex(eq5d5lIndex("11111", "Canada"))).toBe("0.949");
    expect(formatIndex(eq5d5lIndex("55555", "Canada"))).toBe("-0.148");
    // 14111: 1.1351 − (0.0389 + 0.1832 + 0.0195 + 0.0444 + 0.0376) − 0.0584 (SC45) + 0.0085 × 0² = 0.7531
    expect(eq5d5lIndex("14111", "Canada")).toBe(0.7531);
    // 14411: 1.1351 − (0.0389 + 0.1832 + 0.078 + 0.0444 + 0.0376) − 0.0584 − 0.1103 + 0.0085 × 1² = 0.5928
    expect(eq5d5lIndex("14411", "Canada")).toBe(0.5928);
    // 55555: 1.1351 − (0.1945 + 0.229 + 0.0975 + 0.222 + 0.188) − (0.051 + 0.0584 + 0.1103 + 0.1409 + 0.1277) + 0.0085 × 16 = −0.1482
    expect(eq5d5lIndex("55555", "Canada")).toBe(-0.1482);
  });

  it("Australia: N5 once if any dimension is 5", () => {
    expect(eq5d5lIndex("11114", "Australia")).toBe(0.762); // 1 − 0.238
    expect(eq5d5lIndex("11115", "Australia")).toBe(0.609); // 1 − 0.238 − 0.153
    expect(eq5d5lIndex("51115", "Australia")).toBe(0.367); // 1 − 0.242 − 0.238 − 0.153 (once)
  });

  it("South Korea: constant once, N4 once if any dimension is 4 or 5", () => {
    expect(eq5d5lIndex("21111", "SouthKorea")).toBe(0.858); // 1 − 0.096 − 0.046
    expect(eq5d5lIndex("11311", "SouthKorea")).toBe(0.853); // 1 − 0.096 − 0.051
    expect(eq5d5lIndex("11411", "SouthKorea")).toBe(0.726); // 1 − 0.096 − 0.100 (UA4) − 0.078 (N4)
    expect(eq5d5lIndex("11511", "SouthKorea")).toBe(0.651); // 1 − 0.096 − 0.175 (UA5) − 0.078 (N4 also at level 5)
    expect(eq5d5lIndex("11131", "SouthKorea")).toBe(0.851); // 1 − 0.096 − 0.053 (PD3), no N4
  });

  it("Singapore: MOAD × (MO−1)(AD−1) and PDAD × (PD−1)(AD−1), positive", () => {
    // 21112: 1 − 0.06515843 − 0.08578835 + 0.00694155 × 1 × 1 = 0.85599477
    expect(eq5d5lIndex("21112", "Singapore")).toBe(0.85599477);
    // 11125: 1 − 0.04439036 − 0.49681671 + 0.00650446 × 1 × 4 = 0.48481077
    expect(eq5d5lIndex("11125", "Singapore")).toBe(0.48481077);
    // 21111: no interaction (AD = 1)
    expect(eq5d5lIndex("21111", "Singapore")).toBe(0.93484157);
  });

  it("Sweden 2020: start 0.9755 (11111 ≠ 1) and N5", () => {
    expect(eq5d5lIndex("11111", "Sweden_2020")).toBe(0.9755);
    expect(formatIndex(0.9755)).toBe("0.976");
    expect(eq5d5lIndex("11114", "Sweden_2020")).toBe(0.7753); // 0.9755 − 0.2002
    expect(eq5d5lIndex("11115", "Sweden_2020")).toBe(0.7393); // 0.9755 − 0.2339 − 0.0023
  });
});

describe("3-dp table for every enabled value set", () => {
  it.each(TABLE_3DP.filter(([id]) => id !== "Germany"))("%s", (id, ...expected) => {
    expect(STATES.map((s) => formatIndex(eq5d5lIndex(s, id)))).toEqual(expected);
  });

  it("covers all 50 value sets of the data file", () => {
    expect(TABLE_3DP.map(([id]) => id).sort()).toEqual(Object.keys(raw).sort());
  });
});

describe("display rounding ties", () => {
  it("Japan_cTTO 55555 = −0.0255 shows −0.026; the 6-dp set shows −0.025", () => {
    expect(formatIndex(eq5d5lIndex("55555", "Japan_cTTO"))).toBe("-0.026");
    expect(formatIndex(eq5d5lIndex("55555", "Japan_cTTO_fullPrecision"))).toBe("-0.025");
  });

  it("Japan_cTTO 21232 = 0.6848 shows 0.685; Vietnam 55555 = −0.5115 shows −0.512", () => {
    expect(formatIndex(eq5d5lIndex("21232", "Japan_cTTO"))).toBe("0.685");
    expect(eq5d5lIndex("55555", "Vietnam")).toBe(-0.5115);
    expect(formatIndex(eq5d5lIndex("55555", "Vietnam"))).toBe("-0.512");
  });
});

describe("refusals", () => {
  it.each(["60000", "1234", "1234a", "", "123456", " 12345", "12345 ", "0", "1.234"])("refuses profile %j", (p) => {
    refused(() => eq5d5lIndex(p, DEFAULT_VALUE_SET), "profile");
    expect(isEq5dProfile(p)).toBe(false);
  });

  it.each([12345, null, undefined, ["1", "2"]])("refuses a non-string profile %j", (p) => {
    refused(() => eq5d5lIndex(p as unknown as string, DEFAULT_VALUE_SET), "profile");
  });

  it("refuses an unknown value set", () => {
    refused(() => eq5d5lIndex("11111", "Atlantis"), "valueSetId");
    refused(() => eq5d5lIndex("11111", "japan_cTTO"), "valueSetId");
    refused(() => eq5d5lIndex("11111", "toString"), "valueSetId");
    refused(() => eq5d5lIndex("11111", 1 as unknown as string), "valueSetId");
  });

  it("refuses Germany (disabled: AD4 conflict) and says why", () => {
    refused(() => eq5d5lIndex("11111", "Germany"), "valueSetId");
    expect(() => eq5d5lIndex("11141", "Germany")).toThrow(/disabled.*0\.244.*0\.224/);
  });

  it("parses a profile into its five levels", () => {
    expect(parseEq5dProfile("21232")).toEqual([2, 1, 2, 3, 2]);
    expect(isEq5dProfile("55555")).toBe(true);
  });
});

describe("valueSets()", () => {
  const list = valueSets();

  it("lists all 50 value sets with id, country, citation, doi, enabled, disabledReason", () => {
    expect(list).toHaveLength(50);
    for (const v of list) {
      expect(v.citation.length).toBeGreaterThan(10);
      expect(v.doi).toMatch(/^10\./);
      expect(v.country.length).toBeGreaterThan(1);
      expect(v.label).toBeTruthy();
      expect(v.enabled).toBe(v.disabledReason === null);
    }
  });

  it("disables Germany only, citing the AD4 conflict", () => {
    const disabled = list.filter((v) => !v.enabled);
    expect(disabled.map((v) => v.id)).toEqual(["Germany"]);
    expect(disabled[0]?.disabledReason).toMatch(/anxiety\/depression level-4/);
    expect(disabled[0]?.disabledReason).toMatch(/Ludwig/);
  });

  it("names countries and cites papers", () => {
    const byId = new Map(list.map((v) => [v.id, v]));
    expect(byId.get("Japan_cTTO_fullPrecision")).toMatchObject({
      country: "Japan",
      doi: "10.1016/j.jval.2016.03.1834",
      enabled: true,
    });
    expect(byId.get("Japan_cTTO_fullPrecision")?.citation).toMatch(/^Shiroiwa T/);
    expect(byId.get("SouthKorea")?.country).toBe("South Korea");
    expect(byId.get("USA")?.country).toBe("United States");
    expect(byId.get("Sweden_2020")?.country).toBe("Sweden");
    // No citation text in the file: doi and PMID instead.
    expect(byId.get("Egypt")?.citation).toBe("doi:10.1007/s40273-021-01100-y, PMID 34786590");
  });
});

describe("the evaluator follows the data file's own term definitions", () => {
  it("evaluates Germany correctly although it is disabled (55555 = −0.661, Ludwig 2018 abstract)", () => {
    expect(evaluate(compileValueSet("Germany", raw.Germany), [5, 5, 5, 5, 5])).toBe(-0.661);
  });

  const base = {
    id: "Test",
    iso3166: null,
    model: {
      startValue: 1,
      constant: null,
      levelCoefficients: Object.fromEntries(
        ["MO", "SC", "UA", "PD", "AD"].map((d) => [d, { "1": 0, "2": -0.1, "3": -0.2, "4": -0.3, "5": -0.4 }]),
      ),
      extraTerms: [] as { name: string; coefficient: number; definition: string }[],
    },
    citation: { text: null, doi: null, pmid: null },
  };

  it("refuses a term whose definition differs from what the evaluator implements", () => {
    const changed = structuredClone(base);
    changed.model.extraTerms = [{ name: "Num45sq", coefficient: 0.0085, definition: "coefficient * (n45 - 1)^2" }];
    expect(() => compileValueSet("Test", changed)).toThrow(/Num45sq is defined as/);
  });

  it("refuses an unknown term, a malformed entry, too many decimals, an unexpected constant rule", () => {
    const unknown = structuredClone(base);
    unknown.model.extraTerms = [{ name: "N3", coefficient: -0.1, definition: "added once if any dimension is 3" }];
    expect(() => compileValueSet("Test", unknown)).toThrow(/unknown extra term N3/);
    expect(() => compileValueSet("Test", { id: "Test" })).toThrow(/malformed/);
    const precise = structuredClone(base);
    precise.model.startValue = 1.00000000001;
    expect(() => compileValueSet("Test", precise)).toThrow(/more than 10 decimals/);
    const constant = {
      ...structuredClone(base),
      model: { ...base.model, constant: { coefficient: -0.1, appliesWhen: "always" } },
    };
    expect(() => compileValueSet("Test", constant)).toThrow(/constant applies/);
  });

  it("evaluates each term on a synthetic model by hand", () => {
    const withTerms = structuredClone(base);
    withTerms.model.extraTerms = [
      {
        name: "Num45sq",
        coefficient: 0.01,
        definition: "coefficient * (n45 - 1)^2, where n45 = number of dimensions at level 4 or 5; only when n45 >= 1",
      },
      { name: "N5", coefficient: -0.05, definition: "added once if ANY dimension is at level 5" },
    ];
    const m = compileValueSet("Test", withTerms);
    expect(evaluate(m, [1, 1, 1, 1, 1])).toBe(1); // n45 = 0: no Num45sq
    expect(evaluate(m, [4, 1, 1, 1, 1])).toBe(0.7); // n45 = 1: 0²
    expect(evaluate(m, [4, 4, 4, 1, 1])).toBe(0.14); // 1 − 0.9 + 0.01 × 4
    expect(evaluate(m, [5, 4, 1, 1, 1])).toBe(0.26); // 1 − 0.7 + 0.01 − 0.05
  });
});
