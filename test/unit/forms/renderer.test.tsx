// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { useState } from "react";
import { cleanup, render, screen, within, fireEvent } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Questionnaire, QuestionnaireResponseItemAnswer } from "fhir/r4";
import { afterEach, describe, expect, it } from "vitest";
import { applyCalculations } from "../../../src/forms/calculate";
import { eq5dOverlay, parseEq5dWording } from "../../../src/forms/eq5d-wording";
import { QuestionnaireForm, type FormVariant } from "../../../src/forms/QuestionnaireForm";
import { createTranslator, type Locale } from "../../../src/i18n";
import { TranslatorProvider } from "../../../src/i18n/react";
import type { Instrument } from "../../../src/questionnaires/contract";
import { DEFAULT_VALUE_SET, eq5d5lIndex, formatIndex } from "../../../src/scores";
import type { Answers } from "../../../src/questionnaires/items";
import { appQuestionnaire } from "../../../src/writeback/questionnaires";
import { validateAnswers, type AnswerIssue } from "../../../src/writeback/validate";

const calc = { valueSetId: DEFAULT_VALUE_SET };
afterEach(cleanup);

/** The renderer with the state a panel gives it: answers + calculations, issues shown on submit. */
function Harness({
  q,
  variant = "clinician",
  overlay = null,
  onAnswers,
}: {
  q: Questionnaire;
  variant?: FormVariant | undefined;
  overlay?: ReturnType<typeof eq5dOverlay>;
  onAnswers?: ((a: Answers) => void) | undefined;
}) {
  const [answers, setAnswers] = useState<Answers>({});
  const [issues, setIssues] = useState<AnswerIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setIssues(validateAnswers(q, answers));
        setAttempt((n) => n + 1);
      }}
    >
      <QuestionnaireForm
        questionnaire={q}
        answers={answers}
        onAnswer={(linkId, a: QuestionnaireResponseItemAnswer[]) => {
          const next = applyCalculations(q, { ...answers, [linkId]: a }, calc);
          setAnswers(next);
          onAnswers?.(next);
        }}
        issues={issues}
        attempt={attempt}
        idPrefix="t"
        variant={variant}
        overlay={overlay}
        calculation={calc}
      />
      <button type="submit">Submit</button>
    </form>
  );
}

function renderForm(
  instrument: Instrument,
  opts: {
    locale?: Locale;
    variant?: FormVariant;
    overlay?: ReturnType<typeof eq5dOverlay>;
    onAnswers?: (a: Answers) => void;
  } = {},
) {
  const user = userEvent.setup();
  const q = appQuestionnaire(instrument);
  render(
    <TranslatorProvider translator={createTranslator(opts.locale ?? "en")}>
      <Harness q={q} variant={opts.variant} overlay={opts.overlay ?? null} onAnswers={opts.onAnswers} />
    </TranslatorProvider>,
  );
  return { user, q };
}

async function chooseLevels(user: ReturnType<typeof userEvent.setup>, profile: string) {
  const dims = ["Mobility", "Self-care", "Usual activities", "Pain/discomfort", "Anxiety/depression"];
  for (const [i, dim] of dims.entries()) {
    if (profile[i] === undefined) break;
    const group = screen.getByRole("radiogroup", { name: new RegExp(`^${dim.replace("/", "\\/")}`) });
    await user.click(within(group).getByRole("radio", { name: `${dim} — level ${profile[i]}` }));
  }
}

describe("the one renderer", () => {
  it("renders choice items as labelled radio groups that arrow keys move through", async () => {
    let last: Answers = {};
    const { user } = renderForm("eq5d5l", { onAnswers: (a) => (last = a) });
    const mobility = screen.getByRole("radiogroup", { name: /^Mobility/ });
    expect(within(mobility).getAllByRole("radio")).toHaveLength(5);
    await user.click(within(mobility).getByRole("radio", { name: "Mobility — level 1" }));
    await user.keyboard("{ArrowDown}");
    expect(within(mobility).getByRole("radio", { name: "Mobility — level 2" })).toBeChecked();
    expect(within(mobility).getByRole("radio", { name: "Mobility — level 2" })).toHaveFocus();
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(within(mobility).getByRole("radio", { name: "Mobility — level 4" })).toBeChecked();
    await user.keyboard("{ArrowUp}");
    expect(last["eq5d-mo"]?.[0]?.valueCoding?.code).toBe("eq5d.level.3");
  });

  it("enforces required answers with a message per item and a summary that takes the focus", async () => {
    const { user } = renderForm("eq5d5l");
    await user.click(screen.getByRole("button", { name: "Submit" }));
    const summary = screen.getByRole("alert");
    expect(summary).toHaveFocus();
    expect(within(summary).getAllByRole("link")).toHaveLength(7);
    expect(within(summary).getByRole("link", { name: "Mobility: Please answer this question." })).toHaveAttribute(
      "href",
      "#t-eq5d-mo",
    );
    const mobility = screen.getByRole("radiogroup", { name: /^Mobility/ });
    expect(mobility).toHaveAttribute("aria-invalid", "true");
    expect(mobility).toHaveAccessibleDescription(/Please answer this question\./);
    expect(mobility).toHaveAttribute("aria-required", "true");
    // Answering clears that item's message at the next check.
    await user.click(within(mobility).getByRole("radio", { name: "Mobility — level 1" }));
    await user.click(screen.getByRole("button", { name: "Submit" }));
    expect(within(screen.getByRole("alert")).getAllByRole("link")).toHaveLength(6);
  });

  it("keeps the VAS slider and its number field in step (0–100) and reports out-of-range values", async () => {
    const { user } = renderForm("eq5d5l");
    const slider = screen.getByRole("slider", { name: /EQ VAS/ });
    const number = screen.getByRole("textbox", { name: /EQ VAS \(0–100\): value/ });
    expect(slider).toHaveAttribute("aria-valuetext", "Not answered");
    expect(slider).toHaveAttribute("min", "0");
    expect(slider).toHaveAttribute("max", "100");
    await user.type(number, "63");
    expect(slider).toHaveValue("63");
    expect(slider).toHaveAttribute("aria-valuetext", "63");
    fireEvent.change(slider, { target: { value: "71" } });
    expect(number).toHaveValue("71");
    await user.clear(number);
    await user.type(number, "140");
    await user.click(screen.getByRole("button", { name: "Submit" }));
    expect(screen.getByRole("link", { name: "EQ VAS (0–100): The highest allowed value is 100." })).toBeInTheDocument();
  });

  it("shows the calculated EQ-5D-5L index (3 decimals) with its value set once all five dimensions are answered", async () => {
    const { user } = renderForm("eq5d5l");
    const index = screen.getByTestId("calculated-eq5d-index");
    expect(index).toHaveTextContent("Calculated when every item is answered");
    await chooseLevels(user, "2123");
    expect(index).toHaveTextContent("Calculated when every item is answered");
    await chooseLevels(user, "21232");
    expect(index).toHaveTextContent(formatIndex(eq5d5lIndex("21232", DEFAULT_VALUE_SET)));
    expect(index).toHaveTextContent("0.685");
    expect(screen.getByTestId("calculated-eq5d-value-set")).toHaveTextContent("Japan_cTTO_fullPrecision");
    expect(screen.queryByRole("textbox", { name: /index/i })).toBeNull();
  });

  it("asks for the date only when the timepoint is 'other' (enableWhen) and then requires it", async () => {
    const { user } = renderForm("frankel");
    expect(screen.queryByLabelText(/Date of the assessment/)).toBeNull();
    await user.click(screen.getByRole("radio", { name: "Other" }));
    const date = screen.getByLabelText(/Date of the assessment/);
    expect(date).toHaveAttribute("type", "date");
    await user.click(screen.getByRole("button", { name: "Submit" }));
    expect(
      screen.getByRole("link", { name: "Date of the assessment: Please answer this question." }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: "Before surgery" }));
    expect(screen.queryByLabelText(/Date of the assessment/)).toBeNull();
  });

  it("shows the Barthel total, or its range while items are missing, with each answer's points", async () => {
    const { user } = renderForm("barthel");
    const total = screen.getByTestId("calculated-barthel-total");
    expect(total).toHaveTextContent("0–100");
    expect(
      screen.getByRole("radio", { name: /Transfers \(bed to chair and back\) — independent 15 pt/ }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: /^Feeding — needs help/ }));
    expect(total).toHaveTextContent("5–95");
  });

  it("SINS: a range until every item is known, then the total and its class", async () => {
    const { user } = renderForm("sins");
    await user.click(screen.getByRole("checkbox", { name: /^T12/ }));
    await user.selectOptions(screen.getByRole("combobox", { name: /Scored level/ }), "level.T12");
    const total = screen.getByTestId("calculated-sins-total");
    expect(total).toHaveTextContent("3–18");
    await user.click(screen.getByRole("radio", { name: /^Mechanical pain/ }));
    await user.click(screen.getByRole("radio", { name: /^Lytic/ }));
    await user.click(screen.getByRole("radio", { name: /^Normal alignment/ }));
    await user.click(screen.getByRole("radio", { name: /^< 50 % collapse/ }));
    await user.click(screen.getByRole("radio", { name: /^Unilateral/ }));
    expect(total).toHaveTextContent(/^11$/);
    expect(screen.getByText("Potentially unstable")).toBeInTheDocument();
  });

  it("Tokuhashi: general condition follows the KPS (then read-only); the total is labelled revised 2005", async () => {
    const { user } = renderForm("tokuhashi");
    const moderate = screen.getByRole("radio", { name: /^Moderate \(KPS 50–70 %\)/ });
    expect(moderate).toBeEnabled();
    await user.type(screen.getByRole("textbox", { name: /Karnofsky/ }), "60");
    expect(moderate).toBeChecked();
    expect(moderate).toBeDisabled();
    expect(screen.getByText(/Set from the KPS/)).toBeInTheDocument();
    expect(screen.getByText("Revised Tokuhashi (2005) total (calculated)")).toBeInTheDocument();
    expect(screen.getByTestId("calculated-tokuhashi-total")).toHaveTextContent("1–14");
  });

  it("patient variant: no calculated items and no points", () => {
    renderForm("eq5d5l", { variant: "patient" });
    expect(screen.queryByTestId("calculated-eq5d-index")).toBeNull();
    expect(screen.queryByText(/index/i)).toBeNull();
    expect(screen.queryByText(/ pt$/)).toBeNull();
  });

  it("speaks Japanese from the Questionnaire's translation extension", () => {
    renderForm("barthel", { locale: "ja" });
    expect(screen.getByRole("radiogroup", { name: /^食事/ })).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: /食事 — 自立 10点/ })).toBeInTheDocument();
    expect(screen.getByText("評価時期", { exact: false })).toBeInTheDocument();
  });

  it("lays the deployment's licensed wording over the neutral labels when supplied (codes unchanged)", async () => {
    const wording = parseEq5dWording({
      format: "eq5d5l-wording/1",
      languages: {
        en: {
          notice: "Trade mark notice for the test",
          dimensions: Object.fromEntries(
            ["MO", "SC", "UA", "PD", "AD"].map((d) => [
              d,
              { label: `Licensed ${d}`, levels: [1, 2, 3, 4, 5].map((n) => `Licensed ${d} option ${n}`) },
            ]),
          ),
        },
      },
    });
    expect(wording).not.toBeNull();
    let last: Answers = {};
    const { user } = renderForm("eq5d5l", { overlay: eq5dOverlay(wording, "en"), onAnswers: (a) => (last = a) });
    expect(screen.getByText("Trade mark notice for the test")).toBeInTheDocument();
    const group = screen.getByRole("radiogroup", { name: /^Licensed MO/ });
    await user.click(within(group).getByRole("radio", { name: "Licensed MO option 3" }));
    expect(last["eq5d-mo"]?.[0]?.valueCoding).toMatchObject({ code: "eq5d.level.3", display: "Mobility — level 3" });
    expect(eq5dOverlay(wording, "ja")).toBeNull();
    expect(parseEq5dWording({ format: "other" })).toBeNull();
  });

  it("the VAS slider has a real <label>, no answer until touched, and with the licensed wording the EQ VAS is vertical with the file's end labels", () => {
    renderForm("eq5d5l");
    const plain = screen.getByRole("slider", { name: /^EQ VAS \(0–100\)/ });
    expect(document.querySelector(`label[for="${plain.id}"]`)).not.toBeNull(); // axe label-title-only
    expect(plain).toHaveClass("qf-slider-unanswered");
    expect(plain).not.toHaveAttribute("aria-orientation");
    cleanup();
    // Placeholder words of a test-only wording file (never EuroQol's).
    const wording = parseEq5dWording({
      format: "eq5d5l-wording/1",
      languages: {
        en: {
          notice: "Test notice",
          dimensions: Object.fromEntries(
            ["MO", "SC", "UA", "PD", "AD"].map((d) => [
              d,
              { label: `T ${d}`, levels: [1, 2, 3, 4, 5].map((n) => `T ${d} ${n}`) },
            ]),
          ),
          vas: { label: "Test VAS", top: "Test top end", bottom: "Test bottom end" },
        },
      },
    });
    expect(eq5dOverlay(wording, "en")?.items["eq-vas"]).toEqual({
      vertical: true,
      text: "Test VAS",
      anchors: { top: "Test top end", bottom: "Test bottom end" },
    });
    let last: Answers = {};
    renderForm("eq5d5l", { variant: "patient", overlay: eq5dOverlay(wording, "en"), onAnswers: (a) => (last = a) });
    const vas = screen.getByRole("slider", { name: /^Test VAS/ });
    expect(vas).toHaveAttribute("aria-orientation", "vertical");
    expect(vas).toHaveAccessibleDescription(/Test top end Test bottom end/);
    expect(screen.queryByRole("textbox", { name: /Test VAS/ })).toBeNull(); // the patient answers on the scale
    expect(last["eq-vas"]).toBeUndefined();
    fireEvent.change(vas, { target: { value: "35" } });
    expect(last["eq-vas"]).toEqual([{ valueInteger: 35 }]);
    expect(vas).not.toHaveClass("qf-slider-unanswered");
  });

  it("touch targets: options, inputs and buttons are at least 44 px high (and larger in patient mode)", () => {
    const css = readFileSync(join(__dirname, "../../../src/forms/forms.css"), "utf8");
    for (const selector of [".qf-option", ".qf-input, .qf-select", ".qf-button", ".qf-slider"]) {
      const rule = new RegExp(
        // A selector list may be written on one line or one selector per line.
        `${selector.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/, /g, ",\\s*")} \\{[^}]*(min-height|height): (\\d+)px`,
      );
      const m = rule.exec(css);
      expect(m, selector).not.toBeNull();
      expect(Number(m?.[2])).toBeGreaterThanOrEqual(44);
    }
    expect(css).toMatch(/\.pm \.qf-option \{\s*min-height: 64px/);
  });
});
