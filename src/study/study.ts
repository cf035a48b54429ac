/**
 * The study itself: citation, population, inclusion criteria, group definitions and the MCIDs it quotes.
 * Segi N, Nakashima H, Ito S, et al. Global Spine J 2025;15(4):2286–2299. doi:10.1177/21925682241297948.
 */
import { GROUP_N } from "./groups";

export const STUDY = {
  title:
    "Effects of Palliative Surgical Treatment for Spinal Metastases on the Patient's Quality of Life With a Focus on the Segment of the Metastasis: A Prospective Multicenter Study",
  authors: "Segi N, Nakashima H, Ito S, et al.",
  journal: "Global Spine Journal",
  year: 2025,
  volume: 15,
  issue: 4,
  pages: "2286–2299",
  doi: "10.1177/21925682241297948",
  url: "https://doi.org/10.1177/21925682241297948",
  citation:
    "Segi N, Nakashima H, Ito S, et al. Effects of Palliative Surgical Treatment for Spinal Metastases on the Patient's Quality of Life With a Focus on the Segment of the Metastasis: A Prospective Multicenter Study. Global Spine J. 2025;15(4):2286–2299. doi:10.1177/21925682241297948",
  shortCitation: "Segi et al., Global Spine J 2025",
  license: "CC BY-NC-ND 4.0",
  design: "Prospective multicenter study",
  /** Methods, "Patient Population": JASA group, October 2018 – March 2021, 38 institutions in Japan. */
  studyGroup: "Japan Association of Spine Surgeons with Ambition (JASA)",
  country: "Japan",
  period: { from: "2018-10", to: "2021-03" },
  institutions: 38,
  enrolled: 413,
  /** Patients analysed (Abstract, Methods, Results); 31 + 82 + 90. */
  n: 203,
  groupN: GROUP_N,
  /** Methods: "The average postoperative follow-up period was 10 months (range: 1–31 months)." */
  followUpMonths: { mean: 10, min: 1, max: 31 },
  /** Results: "A total of 35 (17%) patients died during the follow-up period." */
  deaths: 35,
  /** The outcome time point of Tables 4 and 6. */
  outcomeTimepoint: "1 month after surgery",
  /** Words for the caveat next to the chart (who the group means describe). */
  population:
    "203 adults (aged 20 or over) in Japan who had palliative surgery for metastases in 1–3 consecutive vertebrae (38 centres, 2018–2021)",
  caveat:
    "These are the study's group means ± SD before surgery and 1 month after; they describe groups of patients, not this patient.",
} as const;

/**
 * Who was studied (Methods, "Patient Population"). The Abstract says "2-3 consecutive segments"; the Methods
 * ("257 in whom 1–3 consecutive vertebrae were affected were included") and the app use 1–3.
 */
export const INCLUSION = {
  minAgeYears: 20,
  vertebrae: { min: 1, max: 3, consecutive: true },
  included: [
    "Aged 20 years or over",
    "Scheduled for surgical treatment of metastatic spinal tumours",
    "1–3 consecutive vertebrae affected",
    "Consented to take part",
  ],
  excluded: [
    { id: "multiple-spinal-metastases", text: "Multiple spinal metastases" },
    { id: "total-en-bloc-spondylectomy", text: "Total en bloc spondylectomy" },
    { id: "follow-up-under-1-month", text: "Postoperative follow-up shorter than 1 month" },
    { id: "dementia", text: "Dementia or other conditions that made it difficult to complete the questionnaire" },
  ],
  /** Patient flow: 413 enrolled → 257 with 1–3 consecutive vertebrae → −27 en bloc, −27 follow-up < 1 month → 203. */
  flow: {
    enrolled: 413,
    oneToThreeConsecutiveVertebrae: 257,
    excludedEnBloc: 27,
    excludedFollowUpUnder1Month: 27,
    analysed: 203,
  },
} as const;

// The groups (Methods, "Variables and Grouping"; Conclusion "thoracic group (T1–10 lesion)"; Table 1): cervical,
// C1–C7 including lesions reaching T1; thoracic, T1–T10; TL/L/S, T11–sacrum including lesions reaching T10. C7–T1
// lesions were counted as cervical and T10–T11 lesions as TL/L/S (Table 1 lists T1 and T10 in two groups). The rule
// itself is segmentGroup() in src/scores/levels.ts.

export interface Mcid {
  /** The outcome the MCID is for: the EQ-5D-5L index (the paper's "EQ5D HSUV"). */
  outcome: "eq5dIndex";
  value: number;
  /** Reference number in the study's list. */
  reference: number;
  /** Author and year, as a chart labels the line: "Hu et al. 2020". */
  short: string;
  source: string;
  /** The population the MCID was derived in (neither is a spinal-metastasis population). */
  population: string;
  doi: string;
}

/**
 * MCIDs of the EQ-5D-5L index quoted in the Discussion: "Hu et al [24] determined that the mean MCID for EQ5D
 * HSUV was 0.039 in patients with cervical intraepithelial neoplasia. Furthermore, Zheng et al [25] found that the
 * mean MCID for EQ5D HSUV was 0.071 in patients with coronary heart disease." The study notes the MCID for
 * cancer patients "is not yet well understood".
 */
const MCID = {
  hu2020: {
    outcome: "eq5dIndex",
    value: 0.039,
    reference: 24,
    short: "Hu et al. 2020",
    source:
      "Hu X, Jing M, Zhang M, Yang P, Yan X. Responsiveness and minimal clinically important difference of the EQ-5D-5L in cervical intraepithelial neoplasia: a longitudinal study. Health Qual Life Outcome. 2020;18:324.",
    population: "cervical intraepithelial neoplasia",
    doi: "10.1186/s12955-020-01578-8",
  },
  zheng2023: {
    outcome: "eq5dIndex",
    value: 0.071,
    reference: 25,
    short: "Zheng et al. 2023",
    source:
      "Zheng Y, Dou L, Fu Q, Li S. Responsiveness and minimal clinically important difference of EQ-5D-5L in patients with coronary heart disease after percutaneous coronary intervention: a longitudinal study. Front Cardiovasc Med. 2023;10:1074969.",
    population: "coronary heart disease after percutaneous coronary intervention",
    doi: "10.3389/fcvm.2023.1074969",
  },
} as const satisfies Record<string, Mcid>;

export const MCIDS: readonly Mcid[] = [MCID.hu2020, MCID.zheng2023];
