// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import { QolCourse } from "../../../src/ui/qol/QolCourse";
import { TranslatorProvider } from "../../../src/i18n/react";
import { createTranslator, type Locale } from "../../../src/i18n";
import { expectedQol } from "../../../src/study";
import { THORACIC_TIMEPOINTS } from "./fixtures/reports";
import type { QolTimepoint, ScoreReport } from "../../../src/report/types";
import { courseModel, patientTimeline } from "../../../src/ui/qol/courseModel";
import { GROUP_N } from "../../../src/study";

afterEach(() => cleanup());

function renderQol(qol: ScoreReport["qol"], locale: Locale = "en") {
  return render(
    <TranslatorProvider translator={createTranslator(locale)}>
      <QolCourse qol={qol} />
    </TranslatorProvider>,
  );
}

const thoracic = (): ScoreReport["qol"] => ({ timepoints: THORACIC_TIMEPOINTS, expected: expectedQol("thoracic", THORACIC_TIMEPOINTS) });

/** Where a mark is drawn: a circle's centre, or a diamond's (its right vertex is at the centre's height). */
function markerCentre(g: Element): { x: number; y: number } {
  const circle = g.querySelector("circle");
  if (circle) return { x: Number(circle.getAttribute("cx")), y: Number(circle.getAttribute("cy")) };
  const pts = (g.querySelector("polygon")?.getAttribute("points") ?? "").split(" ").map((p) => p.split(",").map(Number));
  return { x: pts[0]![0]!, y: pts[1]![1]! };
}

/** The data-text of the chart's marks, by series and timepoint. */
function marks(chart: HTMLElement): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of chart.querySelectorAll<SVGElement>("[data-series][data-text]")) {
    out.set(`${el.dataset.series}|${el.dataset.timepoint ?? ""}`, el.dataset.text ?? "");
  }
  return out;
}

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
    const m = marks(screen.getByTestId("chart-eq5dIndex"));
    expect(m.get("thoracic|preop")).toBe("0.321 ± 0.292");
    expect(m.get("thoracic|1mo")).toBe("0.513 ± 0.252");
    expect(m.get("cervical|preop")).toBe("0.461 ± 0.291");
    expect(m.get("tl-l-s|1mo")).toBe("0.624 ± 0.232");
    const chart = screen.getByTestId("chart-eq5dIndex");
    const groups = [...chart.querySelectorAll<SVGGElement>("g[data-group]")];
    expect(groups.map((g) => g.dataset.group)).toEqual(["cervical", "tl-l-s", "thoracic"]); // drawn last = in front
    expect(groups[2]).toHaveClass("series-patient");
    expect(groups[0]).toHaveClass("series-muted");
    const pain = marks(screen.getByTestId("chart-painVas"));
    expect(pain.get("tl-l-s|preop")).toBe("70.4 ± 25.9");
    const barthel = marks(screen.getByTestId("chart-barthel"));
    expect(barthel.get("cervical|1mo")).toBe("88.3 ± 14.7");
  });

  it("draws the patient's pre-op value and a dashed projection from it (pre-op + group Δ ± SD, Table 6)", () => {
    renderQol(thoracic());
    const m = marks(screen.getByTestId("chart-eq5dIndex"));
    expect(m.get("patient|preop")).toBe("0.188");
    expect(m.get("projection|")).toBe("0.368 ± 0.227"); // 0.1884 + 0.180, SD of Δ 0.227
    const projection = screen.getByTestId("chart-eq5dIndex").querySelector("[data-series='projection'] line");
    expect(projection).toHaveAttribute("stroke-dasharray", "5 4");
    expect(marks(screen.getByTestId("chart-painVas")).get("projection|")).toBe("55.2 ± 30.1"); // 81 − 25.8
    expect(marks(screen.getByTestId("chart-eqVas")).get("projection|")).toBe("87.8 ± 27.1"); // 65 + 22.8
    expect(screen.getByTestId("chart-barthel").querySelector("[data-series='projection']")).toBeNull(); // no Δ reported
  });

  it("marks the MCIDs 0.039 and 0.071 on the index chart, from the patient's pre-op value", () => {
    renderQol(thoracic());
    const chart = screen.getByTestId("chart-eq5dIndex");
    const mcid = [...chart.querySelectorAll<SVGGElement>("[data-series='mcid']")].map((g) => g.dataset.text);
    expect(mcid).toEqual(["0.227", "0.259"]);
    expect(chart).toHaveTextContent("MCID 0.039");
    expect(chart).toHaveTextContent("MCID 0.071");
    expect(screen.getByTestId("chart-eqVas").querySelector("[data-series='mcid']")).toBeNull();
  });

  it("draws every dated value of the patient on the time panel, oldest left, on the chart's own y-axis", () => {
    renderQol(thoracic());
    const chart = screen.getByTestId("chart-eq5dIndex");
    const panel = within(chart as unknown as HTMLElement).getByTestId("timeline-eq5dIndex");
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
    // Outcomes without a dated value say so rather than drawing an empty frame silently.
    const undated = (outcome: string) => screen.getByTestId(`timeline-${outcome}`);
    expect(undated("painVas").querySelectorAll("[data-date]")).toHaveLength(1); // 81 on 1 Mar 2024
    const noValues = { timepoints: [], expected: expectedQol("thoracic", []) };
    cleanup();
    renderQol(noValues);
    expect(undated("painVas")).toHaveTextContent("No dated value on file");
    expect(undated("painVas").querySelectorAll("[data-date]")).toHaveLength(0);
  });

  it("widens the y-axis to values at other dates, so that no value of the patient is clipped", () => {
    const low: QolTimepoint = { ...THORACIC_TIMEPOINTS[1]!, date: "2024-04-02", eq5d: { profile: "55555", index: -0.3, valueSet: "Japan_cTTO_fullPrecision" } };
    const timepoints = [...THORACIC_TIMEPOINTS, low];
    const model = courseModel("eq5dIndex", { expected: expectedQol("thoracic", timepoints), timepoints, groupN: GROUP_N });
    expect(model.domain[0]).toBeLessThanOrEqual(-0.3);
    expect(model.timeline?.points.map((p) => p.at)).toEqual([0, 20 / 52, 1]); // 10 Feb, 1 Mar, 2 Apr 2024 (leap year)
    expect(model.timeline?.first).toBe("2024-02-10");
    expect(model.timeline?.last).toBe("2024-04-02");
    // One date only: the value sits in the middle of the panel.
    expect(patientTimeline([{ timepoint: "preop", date: "2024-03-01", value: 0.2, text: "0.200" }])?.points[0]?.at).toBe(0.5);
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
      (date, i): QolTimepoint => ({ ...THORACIC_TIMEPOINTS[1]!, date, eq5d: null, frankel: (["E", "D", "C", "B", "A"] as const)[i]! }),
    );
    cleanup();
    renderQol({ timepoints: fiveDays, expected: expectedQol("thoracic", fiveDays) });
    const row = screen.getByTestId("chart-frankelABC").querySelector("[data-series='patient']")!;
    // The latest three, oldest first, after an ellipsis; the table lists all five.
    expect([...row.querySelectorAll<SVGElement>("tspan[data-text]")].map((t) => t.dataset.text)).toEqual(["C", "B", "A"]);
    expect(row).toHaveTextContent("…");
    expect(screen.getByTestId("table-frankelABC").querySelectorAll("tr[data-series='patient'] [data-text]")).toHaveLength(5);
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
    const frankel = marks(screen.getByTestId("chart-frankelABC"));
    expect(frankel.get("thoracic|preop")).toBe("46/82 (56%)");
    expect(frankel.get("thoracic|1mo")).toBe("23/76 (30%)");
    expect(frankel.get("cervical|1mo")).toBe("1/27 (4%)");
    const ecog = marks(screen.getByTestId("chart-ecogOver2"));
    expect(ecog.get("thoracic|preop")).toBe("49/81 (60%)");
    expect(ecog.get("tl-l-s|1mo")).toBe("17/84 (20%)");
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
    expect(own).toHaveTextContent("Frankel A–C (severe paralysis), Pre-op: Thoracic 46 (56%) vs TL/L/S 18 (20%) (P < 0.001).");
    expect(own).not.toHaveTextContent("EQ VAS (0–100), 1 month");
  });

  it("shows the latest EQ-5D-5L index to 3 decimals", () => {
    renderQol(thoracic());
    expect(screen.getByTestId("eq5d-index-latest")).toHaveTextContent(/^0\.188$/);
  });

  it("without a segment group: all groups alike, no projection, no latest index", () => {
    renderQol({ timepoints: [], expected: expectedQol(null, []) });
    const chart = screen.getByTestId("chart-eq5dIndex");
    expect([...chart.querySelectorAll("g[data-group]")].every((g) => g.classList.contains("series-neutral"))).toBe(true);
    expect(chart.querySelector("[data-series='projection']")).toBeNull();
    expect(chart.querySelector("[data-series='mcid']")).toBeNull();
    expect(screen.queryByTestId("eq5d-index-latest")).toBeNull();
    expect(screen.getByText("No EQ-5D-5L on file")).toBeInTheDocument();
  });

  it("renders in Japanese with the same figures", () => {
    renderQol(thoracic(), "ja");
    expect(screen.getByTestId("qol-caveat")).toHaveTextContent(
      "これは緩和手術を受けた日本人患者203例の研究における群平均であり、この患者の予測ではありません。",
    );
    expect(marks(screen.getByTestId("chart-eq5dIndex")).get("thoracic|1mo")).toBe("0.513 ± 0.252");
    expect(screen.getByTestId("chart-eq5dIndex")).toHaveTextContent("術後1か月");
    expect(screen.getByTestId("table-eq5dIndex").querySelector("tr[data-series='thoracic']")).toHaveTextContent("n = 80、不明 2");
    const panel = screen.getByTestId("timeline-eq5dIndex");
    expect(panel).toHaveTextContent("この患者の経過");
    expect(panel).toHaveTextContent("2024年2月10日");
    expect(screen.getByTestId("chart-frankelABC").querySelector("[data-series='patient']")).toHaveTextContent("この患者：術前 C");
  });
});
