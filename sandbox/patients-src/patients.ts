/**
 * The synthetic sandbox patients (all fictitious; dates as of ANCHOR_DATE, moved to "today" on load).
 * Expected segment group, SINS and Tokuhashi for each, computed by hand, are in docs/SANDBOX.md.
 */
import type { Bundle, Encounter, QuestionnaireResponseItem } from "fhir/r4";
import { LINKS } from "../../src/questionnaires/contract";
import { shiftDateString } from "../dates";
import { SNOMED } from "../levels";
import { buildLongHistoryPatient } from "./long-history";
import { codingItem, ICD10WHO, integerItem, PatientBuilder, SECONDARY_BONE_SNOMED } from "./builders";
import {
  BREAST_CODES as BREAST,
  DECOMPRESSION_AND_FUSION,
  KIDNEY,
  LIVER,
  LUNG,
  LUNG_METASTASIS,
  PROSTATE,
  RECTUM,
  SPINAL_FUSION,
  THYROID,
} from "./codes";

// ------------------------------------------------------------------------- the study's Figures 2–4

interface FigureValues {
  ecog: number;
  barthel: number;
  painVas: number;
  eqVas: number;
  frankel: "A" | "B" | "C" | "D" | "E";
}

/**
 * The values the paper prints for an illustrated case, one QuestionnaireResponse per instrument and timepoint.
 * The paper gives the EQ-5D index ("HSUV") but not the five-digit profile, so the EQ-5D-5L response carries the
 * EQ VAS only: no profile is invented. Barthel is the total only (the items are not reported).
 */
function figureResponses(
  b: PatientBuilder,
  timepoint: "preop" | "1mo",
  date: string,
  v: FigureValues,
  encounter: Encounter,
): void {
  const t = timepoint === "preop" ? "preop" : "1mo";
  const at = `${date}T10:00:00+09:00`;
  const common = { timepoint, date, authored: at, encounter } as const;
  b.response({ ...common, suffix: `qr-ecog-${t}`, instrument: "ecog", items: [ecogItem(v.ecog)] });
  b.response({
    ...common,
    suffix: `qr-barthel-${t}`,
    instrument: "barthel",
    items: [integerItem(LINKS.barthel.total, v.barthel)],
  });
  b.response({
    ...common,
    suffix: `qr-pain-${t}`,
    instrument: "pain-vas",
    items: [integerItem(LINKS["pain-vas"].painVas, v.painVas)],
    patientReported: true,
  });
  b.response({
    ...common,
    suffix: `qr-eqvas-${t}`,
    instrument: "eq5d5l",
    items: [integerItem(LINKS.eq5d5l.eqVas, v.eqVas)],
    patientReported: true,
  });
  b.response({ ...common, suffix: `qr-frankel-${t}`, instrument: "frankel", items: [frankelItem(v.frankel)] });
}

const ECOG_LA = ["LA9622-7", "LA9623-5", "LA9624-3", "LA9625-0", "LA9626-8", "LA9627-6"];
function ecogItem(value: number): QuestionnaireResponseItem {
  const code = ECOG_LA[value];
  if (!code) throw new Error(`ECOG ${value}`);
  return codingItem("ecog", LINKS.ecog.ecog, code);
}
function frankelItem(grade: string): QuestionnaireResponseItem {
  return codingItem("frankel", LINKS.frankel.frankel, `frankel.${grade}`);
}

/** An illustrated case: who (the builder id and the person), the lesion as the figure shows it, and the values. */
interface FigureCase {
  person: { id: string; mrn: string; family: string; given: string; birthDate: string };
  lesion: { figure: number; level: string; concept: "vertebra" | "body"; primaryOnset: string; metOnset: string };
  admission: string;
  preop: FigureValues;
  after: FigureValues;
}

/** The figures' course, the same in each case (days after admission): surgery, discharge, the 1-month review. */
const SURGERY_DAY = 2;
const DISCHARGE_DAY = 18;
const ONE_MONTH_DAY = 35;

function figureCase({ person, lesion, admission, preop, after }: FigureCase): Bundle {
  const { id, ...name } = person;
  const { level } = lesion;
  const b = new PatientBuilder(id);
  b.person({ ...name, gender: "male" });
  const primary = b.primaryCancer({ codes: LUNG, text: "Lung cancer", onset: lesion.primaryOnset });
  const met = b.spinalMetastasis({
    levels: [level],
    concept: lesion.concept,
    onset: lesion.metOnset,
    primary,
    text: `Spinal metastasis ${level} (modelled on the study's Figure ${lesion.figure})`,
  });
  const stay = b.encounter({
    suffix: "enc-surgery",
    start: admission,
    end: shiftDateString(admission, DISCHARGE_DAY),
    inpatient: true,
    reason: `Spinal metastasis ${level}`,
  });
  b.procedure({
    suffix: "surgery",
    text: `Posterior decompression and fusion (${level})`,
    date: shiftDateString(admission, SURGERY_DAY),
    encounter: stay,
    reason: met,
    codes: DECOMPRESSION_AND_FUSION,
  });
  figureResponses(b, "preop", admission, preop, stay);
  const oneMonth = shiftDateString(admission, ONE_MONTH_DAY);
  const followUp = b.clinicVisit({ date: oneMonth, reason: "1-month postoperative review", suffix: "enc-1mo" });
  figureResponses(b, "1mo", oneMonth, after, followUp);
  return b.bundle();
}

// ------------------------------------------------------------------------------------------ patients

/** Lung metastases (as the hcc and thyroid patients have them): the Condition's id suffix, codes and text. */
const PULMONARY_METASTASES = { suffix: "met-lung", codes: LUNG_METASTASIS, text: "Pulmonary metastases" } as const;

/** The study's Figures 2–4: men in their 60s and 70s with a lung primary, one level each. */
const [FIGURE_2, FIGURE_3, FIGURE_4]: readonly [FigureCase, FigureCase, FigureCase] = [
  // Figure 2: man in his 60s, C3, Frankel C → D.
  {
    person: { id: "fig2-cervical-c3", mrn: "SB-0001", family: "Takeda", given: "Hiroshi", birthDate: "1958-09-14" },
    lesion: { figure: 2, level: "C3", concept: "vertebra", primaryOnset: "2024-11-20", metOnset: "2025-04-28" },
    admission: "2025-05-12",
    preop: { ecog: 2, barthel: 30, painVas: 40, eqVas: 50, frankel: "C" },
    after: { ecog: 1, barthel: 90, painVas: 10, eqVas: 80, frankel: "D" },
  },
  // Figure 3: man in his 70s, T6, Frankel C → C (EQ VAS 65 → 60 as printed).
  {
    person: { id: "fig3-thoracic-t6", mrn: "SB-0002", family: "Morimoto", given: "Takashi", birthDate: "1951-03-08" },
    lesion: { figure: 3, level: "T6", concept: "body", primaryOnset: "2024-08-02", metOnset: "2025-04-10" },
    admission: "2025-04-21",
    preop: { ecog: 4, barthel: 40, painVas: 81, eqVas: 65, frankel: "C" },
    after: { ecog: 3, barthel: 65, painVas: 54, eqVas: 60, frankel: "C" },
  },
  // Figure 4: man in his 70s, L1, Frankel D → D.
  {
    person: { id: "fig4-tlls-l1", mrn: "SB-0003", family: "Kuroda", given: "Masao", birthDate: "1948-11-22" },
    lesion: { figure: 4, level: "L1", concept: "vertebra", primaryOnset: "2023-12-05", metOnset: "2025-02-14" },
    admission: "2025-03-03",
    preop: { ecog: 3, barthel: 60, painVas: 50, eqVas: 30, frankel: "D" },
    after: { ecog: 2, barthel: 95, painVas: 14, eqVas: 70, frankel: "D" },
  },
];

/** Every score input known: a KPS on file and the clinician's SINS and Tokuhashi questionnaires. */
function breastComplete(): Bundle {
  const b = new PatientBuilder("breast-t11-t12-complete");
  b.person({ mrn: "SB-0004", family: "Carter", given: "Emily", gender: "female", birthDate: "1967-02-19" });
  const primary = b.primaryCancer({
    codes: BREAST,
    text: "Breast cancer (invasive ductal carcinoma), left",
    onset: "2019-10-01",
    bodySite: [[SNOMED, "80248007", "Left breast structure"]],
  });
  const met = b.spinalMetastasis({ levels: ["T11", "T12"], concept: "body", onset: "2025-05-20", primary });
  const visit = b.clinicVisit({ date: "2025-06-03", reason: "Spine tumour board work-up" });
  // The surgery after the work-up: every piece of evidence is before it (pre-operative only; the totals stay 11 and 13).
  // (No admission Encounter, so that the launch's encounter stays the work-up visit.)
  b.procedure({
    suffix: "surgery",
    text: "Posterior spinal fusion (T10–L1)",
    date: "2025-06-10",
    reason: met,
    codes: SPINAL_FUSION,
  });
  b.kps({ value: 70, date: "2025-06-02" });
  b.ecog({ value: 2, date: "2025-06-02" });
  const common = {
    timepoint: "preop",
    date: "2025-06-03",
    authored: "2025-06-03T14:20:00+09:00",
    encounter: visit,
  } as const;
  const S = LINKS.sins;
  b.response({
    ...common,
    suffix: "qr-sins-preop",
    instrument: "sins",
    items: [
      codingItem("sins", S.lesionLevels, "level.T11", "level.T12"),
      codingItem("sins", S.scoredLevel, "level.T12"),
      codingItem("sins", S.pain, "sins.pain.mechanical"),
      codingItem("sins", S.boneLesion, "sins.boneLesion.lytic"),
      codingItem("sins", S.alignment, "sins.alignment.normal"),
      codingItem("sins", S.collapse, "sins.collapse.lt50"),
      codingItem("sins", S.posterolateral, "sins.posterolateral.unilateral"),
      integerItem(S.total, 11),
    ],
  });
  const T = LINKS.tokuhashi;
  b.response({
    ...common,
    suffix: "qr-tokuhashi-preop",
    instrument: "tokuhashi",
    items: [
      integerItem(T.kps, 70),
      codingItem("tokuhashi", T.generalCondition, "tokuhashi.generalCondition.moderate"),
      codingItem("tokuhashi", T.extraspinalBoneMets, "tokuhashi.extraspinalBoneMets.0"),
      codingItem("tokuhashi", T.vertebralBodyMets, "tokuhashi.vertebralBodyMets.2"),
      codingItem("tokuhashi", T.visceralMets, "tokuhashi.visceralMets.none"),
      codingItem("tokuhashi", T.primarySite, "tokuhashi.primarySite.breast"),
      codingItem("tokuhashi", T.palsy, "frankel.E"),
      integerItem(T.total, 13),
    ],
  });
  b.response({ ...common, suffix: "qr-frankel-preop", instrument: "frankel", items: [frankelItem("E")] });
  return b.bundle();
}

/** Partial data: the primary, one level and a KPS; no ECOG, no questionnaires, no encounter. */
function prostatePartial(): Bundle {
  const b = new PatientBuilder("prostate-t8-partial");
  b.person({ mrn: "SB-0005", family: "Lewis", given: "Robert", gender: "male", birthDate: "1954-05-05" });
  const primary = b.primaryCancer({ codes: PROSTATE, text: "Prostate adenocarcinoma", onset: "2021-03-15" });
  b.spinalMetastasis({ levels: ["T8"], onset: "2025-06-10", primary, codes: [SECONDARY_BONE_SNOMED] });
  b.kps({ value: 80, date: "2025-06-12" });
  return b.bundle();
}

/** Two different ECOG values recorded on the same day (a conflict); cervicothoracic C7–T1 lesion. */
function renalConflict(): Bundle {
  const b = new PatientBuilder("renal-c7-t1-ecog-conflict");
  b.person({ mrn: "SB-0006", family: "González", given: "María", gender: "female", birthDate: "1962-01-25" });
  const primary = b.primaryCancer({ codes: KIDNEY, text: "Renal cell carcinoma, right kidney", onset: "2022-07-19" });
  b.spinalMetastasis({ levels: ["C7", "T1"], onset: "2025-05-30", primary });
  b.kps({ value: 60, date: "2025-06-09" });
  const visit = b.clinicVisit({ date: "2025-06-18" });
  for (const [half, value, time, note] of [
    ["am", 1, "09:10", "Oncology clinic"],
    ["pm", 2, "15:40", "Spine clinic"],
  ] as const) {
    b.ecog({ suffix: `ecog-2025-06-18-${half}`, value, date: `2025-06-18T${time}:00+09:00`, encounter: visit, note });
  }
  return b.bundle();
}

/** Four contiguous levels (outside the study population) with a lung metastasis of unknown resectability. */
function hccFourLevels(): Bundle {
  const b = new PatientBuilder("hcc-t9-t12-four-levels");
  b.person({ mrn: "SB-0007", family: "Okafor", given: "Kenneth", gender: "male", birthDate: "1957-08-30" });
  const primary = b.primaryCancer({ codes: LIVER, text: "Hepatocellular carcinoma", onset: "2023-05-11" });
  b.spinalMetastasis({
    levels: ["T9", "T10", "T11", "T12"],
    onset: "2025-06-01",
    primary,
    text: "Bone metastases T9–T12",
  });
  b.secondary({ ...PULMONARY_METASTASES, onset: "2025-06-01", primary });
  b.kps({ value: 50, date: "2025-06-05" });
  b.encounter({
    suffix: "enc-admission",
    start: "2025-06-05",
    inpatient: true,
    reason: "Back pain, spinal metastases",
  });
  return b.bundle();
}

/** Non-contiguous spinal lesions (T4 and L2) and one extraspinal bone metastasis (femur). */
function breastNonContiguous(): Bundle {
  const b = new PatientBuilder("breast-t4-l2-noncontiguous");
  b.person({ mrn: "SB-0008", family: "Kim", given: "Sarah", gender: "female", birthDate: "1970-04-12" });
  const primary = b.primaryCancer({
    codes: BREAST,
    text: "Breast cancer, right",
    onset: "2020-02-20",
    bodySite: [[SNOMED, "73056007", "Right breast structure"]],
  });
  b.spinalMetastasis({ levels: ["T4"], onset: "2025-05-15", primary });
  b.spinalMetastasis({ levels: ["L2"], onset: "2025-05-15", primary });
  b.boneMetastasis({
    suffix: "met-femur",
    site: [SNOMED, "71341001", "Bone structure of femur"],
    siteText: "Right proximal femur",
    onset: "2025-05-15",
    primary,
    text: "Bone metastasis, right femur",
  });
  b.kps({ value: 90, date: "2025-05-20" });
  b.clinicVisit({ date: "2025-05-20" });
  return b.bundle();
}

/** Age 19 at the anchor date: outside the study population (age < 20). */
function thyroidYoung(): Bundle {
  const b = new PatientBuilder("thyroid-l4-age-19");
  b.person({ mrn: "SB-0009", family: "Novak", given: "Daniel", gender: "male", birthDate: "2006-01-15" });
  const primary = b.primaryCancer({ codes: THYROID, text: "Papillary thyroid carcinoma", onset: "2024-09-09" });
  b.spinalMetastasis({ levels: ["L4"], concept: "body", onset: "2025-06-04", primary });
  b.secondary({ ...PULMONARY_METASTASES, onset: "2025-06-04", primary });
  b.kps({ value: 70, date: "2025-06-06" });
  b.clinicVisit({ date: "2025-06-06" });
  return b.bundle();
}

/** A Japanese record: WHO ICD-10 (C16.9, C79.5, C78.7) with Japanese names, kanji and kana patient names. */
function japaneseGastric(): Bundle {
  const b = new PatientBuilder("jp-gastric-l2-icd10");
  const rep = (code: "IDE" | "SYL") => [
    { url: "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation", valueCode: code },
  ];
  b.patient(
    {
      name: [
        { extension: rep("IDE"), use: "official", family: "鈴木", given: ["節子"], text: "鈴木 節子" },
        { extension: rep("SYL"), use: "official", family: "スズキ", given: ["セツコ"], text: "スズキ セツコ" },
      ],
      gender: "female",
      birthDate: "1953-03-03",
      address: [{ country: "JP", state: "愛知県", city: "名古屋市" }],
      communication: [
        { language: { coding: [{ system: "urn:ietf:bcp:47", code: "ja", display: "Japanese" }] }, preferred: true },
      ],
    },
    "SB-0010",
  );
  const primary = b.primaryCancer({
    codes: [[ICD10WHO, "C16.9", "胃の悪性新生物＜腫瘍＞，胃，部位不明"]],
    text: "胃癌",
    onset: "2024-02-01",
  });
  b.spinalMetastasis({
    levels: ["L2"],
    onset: "2025-05-25",
    primary,
    codes: [[ICD10WHO, "C79.5", "骨及び骨髄の続発性悪性新生物＜腫瘍＞"]],
    text: "転移性脊椎腫瘍（第2腰椎）",
    siteText: () => "第2腰椎",
  });
  b.secondary({
    suffix: "met-liver",
    codes: [[ICD10WHO, "C78.7", "肝及び肝内胆管の続発性悪性新生物＜腫瘍＞"]],
    onset: "2025-05-25",
    primary,
    text: "転移性肝腫瘍",
  });
  const admission = b.encounter({
    suffix: "enc-admission",
    start: "2025-06-02",
    inpatient: true,
    reason: "腰背部痛、下肢麻痺",
  });
  b.kps({ value: 40, date: "2025-06-02T11:00:00+09:00", encounter: admission });
  b.ecog({ value: 3, date: "2025-06-02T11:00:00+09:00", encounter: admission });
  b.response({
    suffix: "qr-frankel-preop",
    instrument: "frankel",
    timepoint: "preop",
    date: "2025-06-02",
    authored: "2025-06-02T11:30:00+09:00",
    encounter: admission,
    items: [frankelItem("B")],
  });
  return b.bundle();
}

/** The spinal metastasis is coded only to a region ("thoracic spine"): no level, so no segment group. */
function rectalNoLevel(): Bundle {
  const b = new PatientBuilder("rectal-level-unknown");
  b.person({ mrn: "SB-0012", family: "Haddad", given: "Ahmed", gender: "male", birthDate: "1966-07-07" });
  const primary = b.primaryCancer({ codes: RECTUM, text: "Rectal adenocarcinoma", onset: "2022-11-30" });
  b.boneMetastasis({
    suffix: "met-thoracic-spine",
    site: [SNOMED, "122495006", "Thoracic spine structure"],
    siteText: "Thoracic spine (level not stated in the report)",
    onset: "2025-06-11",
    primary,
    text: "Bone metastasis, thoracic spine",
  });
  b.kps({ value: 80, date: "2025-06-13" });
  b.clinicVisit({ date: "2025-06-13" });
  return b.bundle();
}

/** File name → bundle, in the order the EHR page lists them. */
export function allPatients(): [file: string, bundle: Bundle][] {
  return [
    ["01-fig2-cervical-c3.json", figureCase(FIGURE_2)],
    ["02-fig3-thoracic-t6.json", figureCase(FIGURE_3)],
    ["03-fig4-tlls-l1.json", figureCase(FIGURE_4)],
    ["04-breast-t11-t12-complete.json", breastComplete()],
    ["05-prostate-t8-partial.json", prostatePartial()],
    ["06-renal-c7-t1-ecog-conflict.json", renalConflict()],
    ["07-hcc-t9-t12-four-levels.json", hccFourLevels()],
    ["08-breast-t4-l2-noncontiguous.json", breastNonContiguous()],
    ["09-thyroid-l4-age-19.json", thyroidYoung()],
    ["10-jp-gastric-l2-icd10.json", japaneseGastric()],
    ["11-breast-t10-long-history.json", buildLongHistoryPatient()],
    ["12-rectal-level-unknown.json", rectalNoLevel()],
  ];
}
