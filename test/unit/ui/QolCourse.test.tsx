// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import { QolCourse } from "../../../src/ui/qol/QolCourse";
import { TranslatorProvider } from "../../../src/i18n/react";
import { createTranslator, type Locale } from "../../../src/i18n";
import { expectedQol } from "../../../src/study";
import { THORACIC_TIMEPOINTS } from "./fixtures/reports";
import type { QolTimepoint, ScoreReport } from "../../../src/report/types";
import { courseModel, patientTimeline, timeTicks } from "../../../src/ui/qol/courseModel";
import { labelWidth } from "../../../src/ui/qol/CourseChart";
import { GROUP_N } from "../../../src/study";

afterEach(() => cleanup());

function renderQol(qol: ScoreReport["qol"], locale: Locale = "en") {
  return render(
    <TranslatorProvider translator={createTranslator(locale)}>
      <QolCourse qol={qol} />
    </TranslatorProvider>,
  );
}

const thoracic = (): ScoreReport["qol"] => ({ timepoints: THORACIC_TIMEPOINTS, expected: expectedQol("thoracic") });

/** Where a mark is drawn: a circle's centre, or a diamond's (its right vertex is at the centre's height). */
function markerCentre(g: Element): { x: number; y: number } {
  const circle = g.querySelector("circle");
  if (circle) return { x: Number(circle.getAttribute("cx")), y: Number(circle.getAttribute("cy")) };
  const pts = (g.querySelector("polygon")?.getAttribute("points") ?? "")
    .split(" ")
    .map((p) => p.split(",").map(Number));
  return { x: pts[0]![0]!, y: pts[1]![1]! };
}

/** The data-text of the chart's marks, by "series|timepoint". */
function marks(chart: HTMLElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const el of chart.querySelectorAll<SVGElement>("[data-series][data-text]")) {
    out[`${el.dataset.series}|${el.dataset.timepoint ?? ""}`] = el.dataset.text ?? "";
  }
  return out;
}

/** The marks of the outcome's chart (see marks()). */
const chartMarks = (outcome: string): Record<string, string> => marks(screen.getByTestId(`chart-${outcome}`));

describe("QOL course", () => {
  it("shows the caveat, the study population and the citation with its DOI", () => {
    renderQol(thoracic());
    expect(screen.getByTestId("qol-caveat")).toHaveTextContent(
      "These are the study's group means for 203 Japanese patients after palliative surgery, not a prediction for this patient.",
    );
    const citation = screen.getByTestId("study-citation");
    expect(citation).toHaveTextContent("Segi N, Nakashima H, Ito S, et al.");
    expect(citation).toHaveTextContent("Global Spine J. 2025;15(4):2286–2299");
    expect(within(citation).getByRole("link", { name: "doi:10.1177/21925682241297948" })).toHaveAttribute(
      "href",
      "https://doi.org/10.1177/21925682241297948",
    );
  });

  it("draws the study's group means ± SD (Table 4) with the patient's group in front", () => {
    renderQol(thoracic());
    expect(chartMarks("eq5dIndex")).toMatchObject({
      "thoracic|preop": "0.321 ± 0.292",
      "thoracic|1mo": "0.513 ± 0.252",
      "cervical|preop": "0.461 ± 0.291",
      "tl-l-s|1mo": "0.624 ± 0.232",
    });
    const chart = screen.getByTestId("chart-eq5dIndex");
    const groups = [...chart.querySelectorAll<SVGGElement>("g[data-group]")];
    expect(groups.map((g) => g.dataset.group)).toEqual(["cervical", "tl-l-s", "thoracic"]); // drawn last = in front
    expect(groups[2]).toHaveClass("series-patient");
    expect(groups[0]).toHaveClass("series-muted");
    expect(chartMarks("painVas")["tl-l-s|preop"]).toBe("70.4 ± 25.9");
    expect(chartMarks("barthel")["cervical|1mo"]).toBe("88.3 ± 14.7");
  });

  it("draws the patient's pre-op value and projects nothing from it: group means only", () => {
    renderQol(thoracic());
    const chart = screen.getByTestId("chart-eq5dIndex");
    expect(marks(chart)["patient|preop"]).toBe("0.188");
    for (const outcome of ["eq5dIndex", "eqVas", "painVas", "barthel"]) {
      const c = screen.getByTestId(`chart-${outcome}`);
      expect(c.querySelector("[data-series='projection']")).toBeNull();
      expect(c.querySelectorAll("[data-series='patient'][data-timepoint='1mo']")).toHaveLength(0); // nothing at 1 month
      expect(screen.getByTestId(`table-${outcome}`).querySelector("tr[data-series='projection']")).toBeNull();
    }
    expect(screen.getByRole("list", { name: "Legend" })).not.toHaveTextContent(/projection/i);
    // Only the pre-op value on file: no change of the patient, the group's mean change as a number (Table 6).
    expect(screen.getByTestId("patient-change-eqVas")).toHaveTextContent("needs a pre-op and a 1-month value");
    expect(screen.getByTestId("change-eqVas")).toHaveTextContent(
      /^Mean change in the Thoracic group \(1 month − pre-op\): \+22\.8 ± 27\.1 \(n = 68\)\.$/,
    );
    expect(screen.getByTestId("change-painVas")).toHaveTextContent(
      /^Mean change in the Thoracic group \(1 month − pre-op\): −25\.8 ± 30\.1 \(n = 76\)\.$/,
    );
    expect(screen.getByTestId("change-barthel")).toHaveTextContent(
      /^The study reports no mean change for this outcome\.$/,
    );
  });

  it("the patient's own change where both values are on file: EQ VAS 50 → 80 is +30, index 0.700 → 0.606 is −0.094", () => {
    const base = THORACIC_TIMEPOINTS[0]!;
    const timepoints: QolTimepoint[] = [
      {
        ...base,
        date: "2024-03-01",
        eqVas: 50,
        painVas: 70,
        eq5d: { profile: "21232", index: 0.7, valueSet: "Japan_cTTO_fullPrecision" },
      },
      {
        ...base,
        timepoint: "1mo",
        date: "2024-04-02",
        eqVas: 80,
        painVas: 70,
        barthel: 60,
        eq5d: { profile: "33333", index: 0.606, valueSet: "Japan_cTTO_fullPrecision" },
      },
    ];
    renderQol({ timepoints, expected: expectedQol("thoracic") });
    expect(screen.getByTestId("patient-change-eqVas")).toHaveTextContent(/^\+30$/);
    expect(screen.getByTestId("patient-change-eq5dIndex")).toHaveTextContent(/^−0\.094$/);
    expect(screen.getByTestId("patient-change-painVas")).toHaveTextContent(/^0$/);
    expect(screen.getByTestId("patient-change-barthel")).toHaveTextContent(/^\+20$/); // 40 → 60
    expect(screen.getByTestId("change-eqVas")).toHaveTextContent(
      /^This patient: 50 before surgery → 80 at 1 month \(\+30\)\. Mean change in the Thoracic group \(1 month − pre-op\): \+22\.8 ± 27\.1 \(n = 68\)\.$/,
    );
  });

  it("keeps every axis within its scale: 0–100 for the VAS and Barthel, up to 1 for the index; whiskers end at the edge", () => {
    // The case that once ran off its scales: TL/L/S, pre-op pain VAS 30, EQ VAS 90, index 0.9.
    const high: QolTimepoint[] = [
      {
        ...THORACIC_TIMEPOINTS[0]!,
        painVas: 30,
        eqVas: 90,
        barthel: 95,
        eq5d: { profile: "11112", index: 0.9, valueSet: "Japan_cTTO_fullPrecision" },
      },
    ];
    renderQol({ timepoints: high, expected: expectedQol("tl-l-s") });
    for (const outcome of ["eqVas", "painVas", "barthel"] as const) {
      expect(
        courseModel(outcome, { expected: expectedQol("tl-l-s"), timepoints: high, groupN: GROUP_N }).domain,
      ).toEqual([0, 100]);
    }
    expect(
      courseModel("eq5dIndex", { expected: expectedQol("tl-l-s"), timepoints: high, groupN: GROUP_N }).domain,
    ).toEqual([0, 1]);
    // The plot area is y 14 (top) to 190 (bottom): no group mark or whisker is drawn outside it.
    for (const outcome of ["eq5dIndex", "eqVas", "painVas", "barthel"]) {
      const ys = [...screen.getByTestId(`chart-${outcome}`).querySelectorAll("g[data-group] line")].flatMap((l) => [
        Number(l.getAttribute("y1")),
        Number(l.getAttribute("y2")),
      ]);
      expect(Math.min(...ys), outcome).toBeGreaterThanOrEqual(14);
      expect(Math.max(...ys), outcome).toBeLessThanOrEqual(190);
    }
  });

  it("marks the MCIDs 0.039 and 0.071 on the index chart, from the patient's pre-op value", () => {
    renderQol(thoracic());
    const chart = screen.getByTestId("chart-eq5dIndex");
    const mcid = [...chart.querySelectorAll<SVGGElement>("[data-series='mcid']")].map((g) => g.dataset.text);
    expect(mcid).toEqual(["0.227", "0.259"]);
    // Each line says where its MCID comes from, as the study quotes it (Discussion, refs 24 and 25).
    expect(chart).toHaveTextContent("MCID 0.039 (Hu et al. 2020)");
    expect(chart).toHaveTextContent("MCID 0.071 (Zheng et al. 2023)");
    expect(screen.getByTestId("chart-eqVas").querySelector("[data-series='mcid']")).toBeNull();
  });

  it("draws every dated value of the patient on the time panel, oldest left, on the chart's own y-axis", () => {
    renderQol(thoracic());
    const chart = screen.getByTestId("chart-eq5dIndex");
    const panel = within(chart).getByTestId("timeline-eq5dIndex");
    const points = [...panel.querySelectorAll<SVGGElement>("g[data-series='patient-timeline'][data-date]")];
    // The fixture: 0.5155 on 10 Feb 2024 (another date) and 0.1884 on 1 Mar 2024 (pre-op).
    expect(points.map((g) => [g.dataset.date, g.dataset.timepoint, g.dataset.text])).toEqual([
      ["2024-02-10", "other", "0.516"],
      ["2024-03-01", "preop", "0.188"],
    ]);
    const [older, newer] = points.map((g) => markerCentre(g));
    expect(older!.x).toBeLessThan(newer!.x);
    expect(older!.y).toBeLessThan(newer!.y); // 0.516 above 0.188 (SVG y grows downwards)
    // The pre-op value sits at the same height as the pre-op mark of the study panel: one y-axis.
    const studyPreop = chart.querySelector<SVGGElement>("g[data-series='patient'][data-timepoint='preop']")!;
    expect(markerCentre(studyPreop).y).toBeCloseTo(newer!.y, 6);
    expect(panel).toHaveTextContent("10 Feb 2024");
    expect(panel).toHaveTextContent("1 Mar 2024");
    expect(panel).toHaveTextContent("This patient over time");
    expect(points[0]!.querySelector("title")).toHaveTextContent("This patient, 10 Feb 2024 (Other date): 0.516");
    expect(screen.getByTestId("timeline-painVas").querySelectorAll("g[data-date]")).toHaveLength(1); // 81 on 1 Mar 2024
    expect(screen.getByTestId("chart-painVas")).toHaveAttribute("data-time-panel", "yes");
  });

  it("draws no time panel (no empty frame) for an outcome without a dated value: the study panel takes the width", () => {
    const undated: QolTimepoint = { ...THORACIC_TIMEPOINTS[0]!, date: null };
    renderQol({ timepoints: [undated], expected: expectedQol("thoracic") });
    for (const outcome of ["eq5dIndex", "eqVas", "painVas", "barthel"]) {
      const chart = screen.getByTestId(`chart-${outcome}`);
      expect(screen.queryByTestId(`timeline-${outcome}`), outcome).toBeNull();
      expect(chart.querySelector(".time-frame"), outcome).toBeNull();
      expect(chart, outcome).not.toHaveTextContent("This patient over time");
      expect(chart, outcome).toHaveAttribute("data-time-panel", "no");
      expect(chart.getAttribute("viewBox"), outcome).toBe("0 0 580 232");
    }
    // The study panel spreads over the chart's width: the 1-month group label sits at 580 − 78 + 4.
    const label = screen.getByTestId("chart-eqVas").querySelector("g[data-group='thoracic'] .series-label")!;
    expect(label.getAttribute("x")).toBe("506");
    // The undated pre-op value is still drawn at the study's pre-op timepoint and in the table.
    expect(chartMarks("eqVas")["patient|preop"]).toBe("65");
  });

  it("writes the time panel's dates without overlap: the first and last always, others only where they fit", () => {
    const width = (d: string) => labelWidth(createTranslator("en").date(d));
    // 11 Jan 2025 … 10 Jan 2026, every 14 days: 27 dates. On the chart's 184-unit panel only the first and the
    // last fit (each label ~62 units); on a 400-unit panel three more, evenly thinned.
    const dates = Array.from({ length: 27 }, (_, i) =>
      new Date(Date.UTC(2025, 0, 11 + 14 * i)).toISOString().slice(0, 10),
    );
    const points = dates.map((date, i) => ({ date, at: i / 26 }));
    expect(timeTicks(points, width, 184, 8).map((t) => t.date)).toEqual(["2025-01-11", "2026-01-10"]);
    const ticks = timeTicks(points, width, 400, 8);
    expect(ticks.map((t) => t.date)).toEqual(["2025-01-11", "2025-04-19", "2025-06-28", "2025-09-06", "2026-01-10"]);
    expect(ticks.map((t) => t.anchor)).toEqual(["start", "middle", "middle", "middle", "end"]);
    const boxes = ticks.map((t) => {
      const x = t.at * 400;
      const w = width(t.date);
      return t.anchor === "start" ? [x, x + w] : t.anchor === "end" ? [x - w, x] : [x - w / 2, x + w / 2];
    });
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]![0]!).toBeGreaterThanOrEqual(boxes[i - 1]![1]! + 8);
    const point = (date: string, at: number) => ({ date, at });
    // Two dates too close for both labels on one row: the last goes one row down.
    const close = [point("2025-06-01", 0), point("2025-06-02", 1)];
    expect(timeTicks(close, width, 100, 8).map((t) => t.row)).toEqual([0, 1]);
    // Two dates with room: one row. One date: centred. Repeated dates are written once.
    const apart = [point("2025-06-01", 0), point("2025-09-02", 1)];
    expect(timeTicks(apart, width, 184, 8).map((t) => t.row)).toEqual([0, 0]);
    const repeated = [point("2025-06-01", 0.5), point("2025-06-01", 0.5)];
    expect(timeTicks(repeated, width, 184, 8)).toEqual([{ date: "2025-06-01", at: 0.5, anchor: "middle", row: 0 }]);
    // Japanese dates are wider (full-width characters): fewer fit.
    const ja = (d: string) => labelWidth(createTranslator("ja").date(d));
    expect(ja("2025-07-12")).toBeGreaterThan(width("2025-07-12"));
  });

  it("widens the y-axis to values at other dates, so that no value of the patient is clipped", () => {
    const low: QolTimepoint = {
      ...THORACIC_TIMEPOINTS[1]!,
      date: "2024-04-02",
      eq5d: { profile: "55555", index: -0.3, valueSet: "Japan_cTTO_fullPrecision" },
    };
    const timepoints = [...THORACIC_TIMEPOINTS, low];
    const model = courseModel("eq5dIndex", { expected: expectedQol("thoracic"), timepoints, groupN: GROUP_N });
    expect(model.domain[0]).toBeLessThanOrEqual(-0.3);
    expect(model.timeline?.points.map((p) => p.at)).toEqual([0, 20 / 52, 1]); // 10 Feb, 1 Mar, 2 Apr 2024 (leap year)
    expect(model.timeline?.first).toBe("2024-02-10");
    expect(model.timeline?.last).toBe("2024-04-02");
    // One date only: the value sits in the middle of the panel.
    expect(
      patientTimeline([{ timepoint: "preop", date: "2024-03-01", value: 0.2, text: "0.200" }])?.points[0]?.at,
    ).toBe(0.5);
    expect(patientTimeline([{ timepoint: "preop", date: null, value: 0.2, text: "0.200" }])).toBeNull();
  });

  it("writes the patient's Frankel grades and ECOG under the bars", () => {
    renderQol(thoracic());
    const frankel = screen.getByTestId("chart-frankelABC").querySelector("[data-series='patient']")!;
    expect(frankel).toHaveTextContent("This patient");
    expect(frankel).toHaveTextContent("Pre C");
    const ecog = screen.getByTestId("chart-ecogOver2").querySelector("[data-series='patient']")!;
    expect(ecog).toHaveTextContent("Pre 4");
    const fiveDays = ["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01"].map(
      (date, i): QolTimepoint => ({
        ...THORACIC_TIMEPOINTS[1]!,
        date,
        eq5d: null,
        frankel: (["E", "D", "C", "B", "A"] as const)[i]!,
      }),
    );
    cleanup();
    renderQol({ timepoints: fiveDays, expected: expectedQol("thoracic") });
    const row = screen.getByTestId("chart-frankelABC").querySelector("[data-series='patient']")!;
    // The latest three, oldest first, after an ellipsis; the table lists all five.
    expect([...row.querySelectorAll<SVGElement>("tspan[data-text]")].map((t) => t.dataset.text)).toEqual([
      "C",
      "B",
      "A",
    ]);
    expect(row).toHaveTextContent("…");
    expect(
      screen.getByTestId("table-frankelABC").querySelectorAll("tr[data-series='patient'] [data-text]"),
    ).toHaveLength(5);
  });

  it('shows a same-day ECOG conflict on the chart and in its table: both values with the date, not "no value"', () => {
    const conflictDay: QolTimepoint = {
      timepoint: "other",
      date: "2026-03-03",
      eq5d: null,
      eqVas: null,
      painVas: null,
      barthel: null,
      ecog: null,
      frankel: null,
      source: THORACIC_TIMEPOINTS[1]!.source,
      conflicts: [
        { measure: "ecog", values: [1, 2] },
        { measure: "painVas", values: [40, 60] },
      ],
    };
    renderQol({ timepoints: [conflictDay], expected: expectedQol("thoracic") });
    const patient = screen.getByTestId("chart-ecogOver2").querySelector("[data-series='patient']")!;
    expect(patient).toHaveTextContent("This patient: ECOG 1 and 2 on 3 Mar 2026 (conflict)");
    expect(patient).not.toHaveTextContent("Not on file");
    expect(screen.getByTestId("table-ecogOver2").querySelector("tr[data-series='patient']")).toHaveTextContent(
      "ECOG 1 and 2 on 3 Mar 2026 (conflict)",
    );
    // The pain VAS conflict: on the time panel (both values, hollow, with the date) and in the table.
    const pain = screen.getByTestId("timeline-painVas").querySelector<SVGGElement>("[data-series='patient-conflict']")!;
    expect(pain.dataset.date).toBe("2026-03-03");
    expect(pain.querySelectorAll("circle.conflict-mark")).toHaveLength(2);
    expect(pain.querySelector("title")).toHaveTextContent("Pain VAS (0–100 mm) 40 and 60 on 3 Mar 2026 (conflict)");
    expect(screen.getByTestId("timeline-painVas-date")).toHaveTextContent("3 Mar 2026");
    expect(screen.getByTestId("table-painVas").querySelector("tr[data-series='patient-conflict']")).toHaveTextContent(
      "This patient, 3 Mar 2026Pain VAS (0–100 mm) 40 and 60 on 3 Mar 2026 (conflict)",
    );
    expect(screen.getByTestId("chart-eqVas")).toHaveAttribute("data-time-panel", "no");
    // Frankel has no conflict that day: it still says so.
    expect(screen.getByTestId("chart-frankelABC").querySelector("[data-series='patient']")).toHaveTextContent(
      "Not on file",
    );
    cleanup();
    // With other values: they stay on their line, the conflict on its own.
    renderQol({ timepoints: [...THORACIC_TIMEPOINTS, conflictDay], expected: expectedQol("thoracic") }, "ja");
    const ja = screen.getByTestId("chart-ecogOver2").querySelector("[data-series='patient']")!;
    expect(ja).toHaveTextContent("術前 4");
    expect(screen.getByTestId("conflict-ecogOver2")).toHaveTextContent("2026年3月3日：ECOG 1と2（不一致）");
  });

  it("has a data table for every chart whose figures equal the chart's", () => {
    renderQol(thoracic());
    for (const key of ["eq5dIndex", "eqVas", "painVas", "barthel", "frankelABC", "ecogOver2"]) {
      const chart = screen.getByTestId(`chart-${key}`);
      const table = screen.getByTestId(`table-${key}`);
      expect(chart).toHaveAttribute("aria-describedby", table.id);
      const tableTexts = new Set([...table.querySelectorAll<HTMLElement>("[data-text]")].map((e) => e.dataset.text));
      const chartTexts = [...chart.querySelectorAll<SVGElement>("[data-text]")].map((e) => e.dataset.text);
      expect(chartTexts.length).toBeGreaterThan(5);
      for (const text of chartTexts) expect(tableTexts, `${key}: ${text}`).toContain(text);
    }
  });

  it("lists N and unknowns per group, and the change the study reports", () => {
    renderQol(thoracic());
    const table = screen.getByTestId("table-eq5dIndex");
    const thoracicRow = table.querySelector("tr[data-series='thoracic']") as HTMLElement;
    expect(thoracicRow).toHaveTextContent("this patient's group");
    expect(thoracicRow).toHaveTextContent("0.321 ± 0.292n = 80, unknown 2");
    expect(thoracicRow).toHaveTextContent("0.513 ± 0.252n = 76, unknown 6");
    expect(thoracicRow).toHaveTextContent("0.180 ± 0.227");
    const barthelRow = screen.getByTestId("table-barthel").querySelector("tr[data-series='tl-l-s']") as HTMLElement;
    expect(barthelRow).toHaveTextContent("67.7 ± 27.4n = 88, unknown 2");
    expect(barthelRow).toHaveTextContent("Not reported by the study");
    // The patient's value at another date is listed with its date.
    expect(table.querySelector("tr[data-series='patient-other']")).toHaveTextContent("This patient, 10 Feb 2024");
    expect(table.querySelector("tr[data-series='patient-other']")).toHaveTextContent("0.516"); // 0.5155 half away from zero
  });

  it("shows Frankel A–C and ECOG > 2 proportions per group as bars with their figures", () => {
    renderQol(thoracic());
    expect(chartMarks("frankelABC")).toMatchObject({
      "thoracic|preop": "46/82 (56%)",
      "thoracic|1mo": "23/76 (30%)",
      "cervical|1mo": "1/27 (4%)",
    });
    expect(chartMarks("ecogOver2")).toMatchObject({ "thoracic|preop": "49/81 (60%)", "tl-l-s|1mo": "17/84 (20%)" });
    expect(screen.getByTestId("table-frankelABC")).toHaveTextContent("Frankel C (Pre-op, 1 Mar 2024)");
    expect(screen.getByTestId("table-ecogOver2")).toHaveTextContent("ECOG 4 (Pre-op, 1 Mar 2024)");
  });

  it("says which differences were significant for the patient's group (Table 6)", () => {
    renderQol(thoracic());
    const own = screen.getByTestId("significance-own");
    // Thoracic vs another group with P < 0.05 in Table 6: Frankel pre-op (T vs L), Frankel 1 mo (C vs T, T vs L),
    // ECOG 1 mo (2), Barthel 1 mo (2), pain VAS pre-op (T vs L), Δ pain VAS (T vs L), EQ5D HSUV 1 mo (2),
    // EQ5D VAS pre-op (C vs T): 12.
    expect(within(own).getAllByRole("listitem")).toHaveLength(12);
    expect(own).toHaveTextContent(
      "EQ-5D-5L index (health state utility value), 1 month: Thoracic 0.513 ± 0.252 vs Cervical 0.653 ± 0.233 (P = 0.027).",
    );
    expect(own).toHaveTextContent(
      "Frankel A–C (severe paralysis), Pre-op: Thoracic 46 (56%) vs TL/L/S 18 (20%) (P < 0.001).",
    );
    expect(own).not.toHaveTextContent("EQ VAS (0–100), 1 month");
  });

  it("shows the latest EQ-5D-5L index to 3 decimals", () => {
    renderQol(thoracic());
    expect(screen.getByTestId("qol-index-latest")).toHaveTextContent(/^0\.188$/);
  });

  it("without a segment group: all groups alike, no latest index", () => {
    renderQol({ timepoints: [], expected: expectedQol(null) });
    const chart = screen.getByTestId("chart-eq5dIndex");
    expect([...chart.querySelectorAll("g[data-group]")].every((g) => g.classList.contains("series-neutral"))).toBe(
      true,
    );
    expect(chart.querySelector("[data-series='projection']")).toBeNull();
    expect(chart.querySelector("[data-series='mcid']")).toBeNull();
    expect(screen.queryByTestId("qol-index-latest")).toBeNull();
    expect(screen.getByText("No EQ-5D-5L on file")).toBeInTheDocument();
  });

  it("renders in Japanese with the same figures", () => {
    renderQol(thoracic(), "ja");
    expect(screen.getByTestId("qol-caveat")).toHaveTextContent(
      "これは緩和手術を受けた日本人患者203例の研究における群平均であり、この患者の予測ではありません。",
    );
    expect(chartMarks("eq5dIndex")["thoracic|1mo"]).toBe("0.513 ± 0.252");
    expect(screen.getByTestId("chart-eq5dIndex")).toHaveTextContent("術後1か月");
    expect(screen.getByTestId("table-eq5dIndex").querySelector("tr[data-series='thoracic']")).toHaveTextContent(
      "n = 80、不明 2",
    );
    const panel = screen.getByTestId("timeline-eq5dIndex");
    expect(panel).toHaveTextContent("この患者の経過");
    expect(panel).toHaveTextContent("2024年2月10日");
    expect(screen.getByTestId("chart-frankelABC").querySelector("[data-series='patient']")).toHaveTextContent(
      "この患者：術前 C",
    );
    // Nothing about the patient's values is called a prediction (予測): only the caveat says the means are not one.
    const section = screen.getByTestId("qol-caveat").closest("section")!;
    const predictions = (section.textContent ?? "").split("この患者の予測ではありません").join("");
    expect(predictions).not.toContain("予測");
    expect(screen.getByTestId("change-eqVas")).toHaveTextContent(
      "胸椎群の平均変化量（1か月 − 術前）：+22.8 ± 27.1（n = 68）。",
    );
  });
});
