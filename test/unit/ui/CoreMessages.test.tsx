// @vitest-environment jsdom
/**
 * The core's own words (applicability reasons, item context notes, suggestion reasons, diagnostics) reach the
 * clinician in the view's language: a report built by the real extraction, shown in Japanese, then English.
 */
import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DEFAULT_CONFIG } from "../../../launch/config";
import type { LaunchContext, PatientRecord } from "../../../src/fhir";
import { buildReport } from "../../../src/extract";
import { createTranslator, type Locale } from "../../../src/i18n";
import { TranslatorProvider } from "../../../src/i18n/react";
import { engine } from "../../../src/ui/engine";
import { ProvenanceList } from "../../../src/ui/score/ProvenanceList";
import { fixtureRecord, renderApp, session } from "./helpers";

/** L2 metastasis, age 62 on 2025-01-01, two different ECOG values on 2024-06-01, nothing else on file. */
function record(): PatientRecord {
  return fixtureRecord("ecog-conflict", "info");
}

const context = { patientId: "ecog-conflict", needPatientBanner: true, locale: null, fhirUser: null } as LaunchContext;
const now = new Date("2025-01-01T00:00:00Z");

describe("the core's messages in the clinician's language", () => {
  it("shows the applicability reason, context notes, suggestion reasons and diagnostics in Japanese", async () => {
    const score = engine.makeScorer({ record: record(), context, config: DEFAULT_CONFIG, now });
    renderApp(session({ score, locale: "ja-JP" }), ["en-GB"]);

    const applicability = await screen.findByTestId("segment-card-applicability");
    const reasons = within(applicability).getAllByRole("listitem");
    expect(reasons[0]).toHaveTextContent("1椎体（L2）、62歳：研究対象集団の範囲内（連続する1〜3椎体、20歳以上）");
    expect(reasons[1]).toHaveTextContent("腫瘍脊椎骨全摘術（TES）の予定が未回答：本研究ではTES施行例を除外");

    const visceral = screen.getByTestId("item-tokuhashi-visceralMets");
    expect(
      within(visceral).getByText(
        "内臓転移は記録されていませんが、記録がないことは転移がないことを意味しません：確認してください。",
      ),
    ).toBeInTheDocument();
    expect(within(visceral).getByText("主要臓器への転移の記録はありません。")).toBeInTheDocument();
    const general = screen.getByTestId("item-tokuhashi-generalCondition");
    expect(general).toHaveTextContent(
      "カルノフスキー・パフォーマンス・ステータス（KPS）の記録がありません。2024-06-01にECOGの値が一致しません（ECOG 1（観察値 ecog-a）；ECOG 3（観察値 ecog-b））。ECOGはKPSに換算しません。",
    );

    const drawer = screen.getByTestId("diagnostics");
    const notes = within(drawer).getAllByRole("listitem");
    expect(notes[0]).toHaveTextContent(
      "警告: ECOG：2024-06-01に異なる値が記録されています：ECOG 1（観察値 ecog-a）；ECOG 3（観察値 ecog-b）",
    );
    expect(notes[1]).toHaveTextContent(
      "警告: ECOG：同じ日（2024-06-01）に異なる値があります（観察値 ecog-aの1、観察値 ecog-bの3）：表示しません",
    );
    expect(notes[2]).toHaveTextContent(
      "注記: EHRがコードによる観察値（Observation）の検索に対応していないため、患者の観察値（Observation）をすべて読み込み、アプリで絞り込みました。",
    );

    expect(screen.queryByText(/absence of a record is not proof of none/)).toBeNull();
    expect(screen.queryByText(/within the study population/)).toBeNull();
    expect(screen.queryByText(/different values recorded/)).toBeNull();
  });

  it("shows the core's English unchanged in English", async () => {
    const user = userEvent.setup();
    const score = engine.makeScorer({ record: record(), context, config: DEFAULT_CONFIG, now });
    renderApp(session({ score, locale: "ja-JP" }), ["en-GB"]);
    await user.selectOptions(await screen.findByLabelText("言語"), "en");

    const reasons = within(screen.getByTestId("segment-card-applicability")).getAllByRole("listitem");
    expect(reasons.map((li) => li.textContent)).toEqual([
      "1 vertebra (L2) and age 62: within the study population (1–3 contiguous vertebrae, age 20 or older)",
      "planned en bloc resection not yet answered: the study excluded total en bloc spondylectomy",
    ]);
    const visceral = screen.getByTestId("item-tokuhashi-visceralMets");
    expect(
      within(visceral).getByText(
        "No visceral metastasis is recorded; absence of a record is not proof of none: confirm.",
      ),
    ).toBeInTheDocument();
    const notes = within(screen.getByTestId("diagnostics")).getAllByRole("listitem");
    expect(notes[0]).toHaveTextContent(
      "Warning: ECOG: different values recorded on 2024-06-01: ECOG 1 (Observation/ecog-a); ECOG 3 (Observation/ecog-b)",
    );
  });
});

describe("provenance notes in the clinician's language", () => {
  // A preliminary KPS: its Observation carries the note "preliminary result"; a provisional diagnosis likewise.
  const subject = { reference: "Patient/p" };
  const report = buildReport(
    [
      { resourceType: "Patient", id: "p", birthDate: "1950-01-01" },
      {
        resourceType: "Observation",
        id: "kps",
        status: "preliminary",
        code: { coding: [{ system: "http://loinc.org", code: "89243-0" }] },
        subject,
        effectiveDateTime: "2024-05-01",
        valueInteger: 60,
      },
      {
        resourceType: "Condition",
        id: "t5",
        code: { coding: [{ system: "http://snomed.info/sct", code: "94222008" }] },
        bodySite: [{ coding: [{ system: "http://snomed.info/sct", code: "56401006" }] }],
        verificationStatus: { coding: [{ code: "provisional" }] },
        subject,
      },
    ],
    "p",
    { now },
  );
  const provenance = [...report.tokuhashi.items.generalCondition.provenance, ...report.sins.items.location.provenance];

  function notesIn(locale: Locale): string[] {
    render(
      <TranslatorProvider translator={createTranslator(locale)}>
        <ProvenanceList provenance={provenance} itemLabel="item" />
      </TranslatorProvider>,
    );
    const notes = [...document.querySelectorAll(".provenance-detail")].map((dl) => {
      const dts = [...dl.querySelectorAll("dt")];
      const dt = dts.find((d) => d.textContent === (locale === "ja" ? "注記" : "Note"));
      return dt?.nextElementSibling?.textContent ?? "";
    });
    document.body.innerHTML = "";
    return notes;
  }

  it("shows the extraction's notes in Japanese, and in English", () => {
    expect(provenance.map((p) => p.note?.code)).toEqual(["prov.preliminary", "prov.unconfirmed-diagnosis"]);
    expect(notesIn("ja")).toEqual(["暫定結果", "暫定診断"]);
    expect(notesIn("en")).toEqual(["preliminary result", "provisional diagnosis"]);
  });
});
