import { defineSection } from "../catalogue";
import type { CoreJoin } from "../../scores/types";
import { appStrings } from "./app";
import type { CoreMessageCode } from "../../extract/messages";
import type { AccessMessageCode } from "../../fhir/messages";

/**
 * A key of this section: every code the core can emit (CORE_MESSAGE_CODES), every code of the data-access
 * layer's notes (ACCESS_MESSAGE_CODES of src/fhir/messages.ts) and every list separator.
 */
export type CoreKey = `core.${CoreMessageCode}` | `core.${AccessMessageCode}` | `core.join.${CoreJoin}`;

/**
 * The core's messages (src/scores, src/extract): applicability and segment-group reasons, item context
 * notes, suggestion reasons, diagnostics, provenance notes, and the terms nested in them; and the data-access
 * notes of src/fhir/record.ts (the fault sentence each quotes is in ./faults.ts, part of the first download).
 * The English text is exactly what the core and
 * record.ts write (test/unit/extract/messages.test.ts and test/unit/fhir/record.test.ts render each code and
 * compare); the Japanese is for the clinician.
 * Loaded with the clinician view, not with the first download (src/i18n/core.ts registers it).
 * Clinical words follow the app section (Fisher 2010, Tokuhashi 2005, Segi et al. 2025).
 */
/**
 * An item's value quoted in a Japanese message reads as the view labels that answer (./app.ts): one source per
 * answer label. The counts ("3か所以上", "2椎体") keep their unit here, and "none of the above" of a SINS
 * item reads 該当なし in a sentence. (The English quotes the value's key, as the core writes it, until the core
 * emits only codes.)
 */
function label(key: keyof typeof appStrings.ja) {
  return appStrings.ja[key];
}

export const coreStrings = defineSection<CoreKey>(
  {
    // Applicability and segment group (src/scores)
    "core.segment.no-level": "no spinal metastasis level is known",
    "core.segment.coccyx": "the coccyx belongs to none of the study's segment groups (cervical, T1–T10, T11–sacrum)",
    "core.applicability.no-level": "no spinal metastasis level is known: the study included 1–3 contiguous vertebrae",
    "core.applicability.too-many-levels": "{count} vertebrae ({levels}): the study included 1–3 contiguous vertebrae",
    "core.applicability.non-contiguous":
      "non-contiguous levels ({levels}): the study included 1–3 contiguous vertebrae",
    "core.applicability.coccyx-only":
      "the coccyx alone belongs to none of the study's segment groups (cervical, T1–T10, T11–sacrum)",
    "core.applicability.coccyx-note": "the coccyx is outside the study's segment groups",
    "core.applicability.age-unknown": "age unknown: the study included patients aged 20 years or older",
    "core.applicability.age-under-20": "age {age}: the study included patients aged 20 years or older",
    "core.applicability.en-bloc-planned": "total en bloc spondylectomy planned: the study excluded patients who had it",
    "core.applicability.en-bloc-unanswered":
      "planned en bloc resection not yet answered: the study excluded total en bloc spondylectomy",
    "core.applicability.within-one":
      "1 vertebra ({levels}) and age {age}: within the study population (1–3 contiguous vertebrae, age 20 or older)",
    "core.applicability.within":
      "{count} contiguous vertebrae ({levels}) and age {age}: within the study population (1–3 contiguous vertebrae, age 20 or older)",
    "core.applicability.unlevelled":
      "a spinal metastasis without a coded level ({refs}) is on file besides {levels}: whether all lie in 1–3 contiguous vertebrae is unknown",
    "core.applicability.inactive-counted":
      "inactive spinal metastases ({levels}) are counted with the others: the study included 1–3 contiguous vertebrae",
    "core.term.coccyx-not-scoreable":
      "the coccyx cannot be scored for SINS location (Fisher 2010 defines location classes from the occiput to S5 only)",

    // Terms and phrases inside other messages
    "core.term.no-id": "no id",
    "core.term.unknown-date": "an unknown date",
    "core.term.on-day": " on {day}",
    "core.term.dated": " on {day}",
    "core.term.entry": "Entry {n}",
    "core.term.resource-no-id": "{type} (no id)",
    "core.term.with-ref": "{label} ({ref})",
    "core.term.value-in": "{value} in {ref}",
    "core.term.more": "{n} more",
    "core.term.primary-cancer": "primary cancer",
    "core.term.site-not-coded": "site not coded",
    "core.term.whole-resource": "(resource)",
    "core.term.in-steps": " in steps of {step}",
    "core.term.kps-0": " (KPS 0 = dead is outside the Tokuhashi bands)",
    "core.term.primary-categories": "{name} ({ref}: {categories})",
    "core.term.primary-not-derivable": "{name} ({ref}: category not derivable)",
    "core.term.kps-by-table": "KPS {kps} ({table})",
    "core.term.primary-unmapped": "{name} ({code}, {ref}: primary on file, category not derived)",
    "core.concept.kps": "KPS",
    "core.concept.ecog": "ECOG",
    "core.concept.painNrs": "Pain NRS",
    "core.concept.painVas": "Pain VAS",
    "core.concept.eqVas": "EQ VAS",
    "core.concept.barthel": "Barthel index",
    "core.concept.frankel": "Frankel grade",
    "core.region.spine": "spine",
    "core.region.cervical": "cervical spine",
    "core.region.thoracic": "thoracic spine",
    "core.region.lumbar": "lumbar spine",
    "core.region.sacrum": "sacrum",
    "core.verification.unconfirmed": "unconfirmed",
    "core.verification.provisional": "provisional",
    "core.verification.differential": "differential",

    // A recorded value, as conflict notes quote it
    "core.claim.kps": "KPS {value}",
    "core.claim.ecog": "ECOG {value}",
    "core.claim.frankel": "Frankel {value}",
    "core.claim.general-condition": "general condition {value}",
    "core.claim.foci": "{value} foci",
    "core.claim.vertebrae": "{value} vertebrae",

    // Item names in diagnostics
    "core.item.sins.location": "SINS location",
    "core.item.sins.pain": "SINS pain",
    "core.item.sins.boneLesion": "SINS bone lesion",
    "core.item.sins.boneLesion-key": "SINS boneLesion",
    "core.item.sins.alignment": "SINS alignment",
    "core.item.sins.collapse": "SINS collapse",
    "core.item.sins.posterolateral": "SINS posterolateral",
    "core.item.tokuhashi.generalCondition": "Tokuhashi general condition",
    "core.item.tokuhashi.generalCondition-kps": "Tokuhashi general condition (KPS)",
    "core.item.tokuhashi.extraspinalBoneMets": "Tokuhashi extraspinal bone metastases",
    "core.item.tokuhashi.vertebralBodyMets": "Tokuhashi vertebral bodies",
    "core.item.tokuhashi.visceralMets": "Tokuhashi internal organ metastases",
    "core.item.tokuhashi.primarySite": "Tokuhashi primary site",
    "core.item.tokuhashi.palsy": "Tokuhashi palsy",
    "core.item.tokuhashi.palsy-frankel": "Tokuhashi palsy (Frankel)",

    // Why a resource could not be read
    "core.issue.expected": "{path}: expected {expected}",
    "core.issue.codeable-concept": "{path}: expected a CodeableConcept",
    "core.issue.required": "{path}: required",
    "core.issue.date": "{path}: malformed date",
    "core.issue.too-long": "{path}: too long",
    "core.issue.not-allowed": "{path}: not an allowed value",
    "core.issue.invalid": "{path}: invalid",
    "core.issue.none": "invalid",

    // Diagnostics
    "core.diag.invalid-resource": "{label} skipped: {reason}",
    "core.diag.invalid-resource.not-object": "Entry {n} skipped: not a FHIR resource ({kind})",
    "core.diag.invalid-resource.no-type": "Entry {n} skipped: resourceType missing or malformed",
    "core.diag.other-subject": "{label} skipped: its subject is not this patient",
    "core.diag.internal": "{entry} could not be read (internal error): skipped",
    "core.diag.patient-not-found": "No Patient resource for this patient: age and sex are unknown",
    "core.diag.ignored-status.observation": "{label} ({concept}) is marked {status}: ignored",
    "core.diag.ignored-status.observation-other": "{label} ({concept}) has status {status}: no result to use",
    "core.diag.ignored-status.condition": "{label} is {status}: ignored",
    "core.diag.ignored-status.questionnaire": "{label} ({instrument}) is {status}: ignored",
    "core.diag.ignored-status.questionnaire-other": "{label} ({instrument}) has status {status}: ignored",
    "core.diag.not-active": "{label} is {status}: not counted",
    "core.diag.not-active.spinal": "{label} is {status}: not counted in the scores; counted for the study population",
    "core.diag.unconfirmed": "{label} is a {status} diagnosis: counted, please confirm",
    "core.diag.preliminary.observation": "{label} ({concept}) is a preliminary result: shown, not final",
    "core.diag.preliminary.questionnaire": "{label} ({instrument}) is in progress: shown, not final",
    "core.diag.no-value": "{label} ({concept}) has no value: skipped",
    "core.diag.no-value.grade": "{label} ({concept}) has no recognised value: skipped",
    "core.diag.inconsistent-value":
      "{label} ({concept}) value {value} disagrees with its coded answer ({coded}): skipped",
    "core.diag.other-scale":
      "{label} (Barthel index) is on another scale (0–20): only the 0–100 Barthel index is used; skipped",
    "core.diag.out-of-range": "{label} ({concept}) value {value} is outside {min}–{max}{steps}{extra}: skipped",
    "core.diag.scale-unclear":
      "{label} (Barthel index) is {value}: read on the 0–100 scale; check it is not a 0–20 score",
    "core.diag.unsupported-unit":
      "{label} ({concept}) has the unit '{unit}', which the app does not read for this measure ({accepted} or none): skipped",
    "core.diag.level-not-coded": "{label}: spinal metastasis without a coded vertebral level",
    "core.diag.site-not-coded": "{label}: bone metastasis without a coded body site: not counted",
    "core.diag.unrecognised-answer": '{label}: the answer to "{linkId}" is not recognised: ignored',
    "core.diag.conflict.item": "{item}: {context}",
    "core.diag.conflict.ecog": "ECOG: different values recorded{when}: {claims}",
    "core.diag.conflict.measurement": "{concept}: different values on {day} ({values}): not shown",
    "core.diag.coccyx": "A metastasis at the coccyx is on file: {reason}; it belongs to no segment group.",
    "core.diag.invalid-entry": "{item}: the entered value is not one of the item's categories: ignored",
    "core.diag.birth-date.unusable":
      "The birth date is after the report date, implausibly early or unreadable: age unknown",
    "core.diag.birth-date.partial": "Age is {min}–{max}: the birth date is recorded without a full date",
    "core.diag.value-set.stored":
      'EQ-5D-5L value set "{valueSet}" cannot be used: the index stored with the questionnaire ({stored}) is shown',
    "core.diag.value-set.no-index": 'EQ-5D-5L value set "{valueSet}" cannot be used: no index for profile {profile}',

    // Item context notes
    "core.context.conflict": "Different values recorded{when}: {claims}. Pick the right one.",
    "core.context.same-category": "{labels} recorded{when} (same category).",
    "core.context.preliminary": "Preliminary: not final.",
    "core.context.sins.lesions": "Spinal metastasis on file: {lesions}.",
    "core.context.sins.pick-across-classes": "The levels span different location classes: pick the scored level.",
    "core.context.sins.pick": "Pick the scored level.",
    "core.context.sins.coccyx": "Coccyx metastasis on file: {reason}.",
    "core.context.sins.no-level": "No scoreable vertebral level on file.",
    "core.context.sins.region-only": "Spinal metastasis recorded without a level ({regions}).",
    "core.context.no-kps": "No Karnofsky performance status (KPS) on file.",
    "core.context.ecog": "ECOG {ecog}{when} ({refs}) is shown as context and not converted to KPS.",
    "core.context.ecog-conflict": "Different ECOG values{when} ({claims}); ECOG is not converted to KPS.",
    "core.context.ecog-spans":
      "ECOG {ecog} corresponds to {kps}: {categories}, by the table used. The tables disagree: enter the KPS.",
    "core.context.ecog-tables": "ECOG {ecog} corresponds to {ranges}.",
    "core.context.ecog-also": "{ecog}{when} also on file; the KPS is as new or newer and decides.",
    "core.context.kps-older-than-ecog":
      "{kps}{kpsWhen} is older than {ecog}{ecogWhen}: the item covers both ({categories}) until the current KPS is entered.",
    "core.context.extraspinal.none": "No bone metastasis outside the spine on file.",
    "core.context.extraspinal.unlocated":
      "{count} bone metastasis record(s) without a coded body site are not counted ({refs}).",
    "core.context.extraspinal.at-least-one":
      "At least {count} extraspinal bone metastasis site on file ({sites}): a lower bound until confirmed.",
    "core.context.extraspinal.at-least":
      "At least {count} extraspinal bone metastasis sites on file ({sites}): a lower bound until confirmed.",
    "core.context.vertebrae.none": "No vertebral level on file.",
    "core.context.vertebrae.region-only": "{count} spinal metastasis record(s) without a coded level.",
    "core.context.vertebrae.at-least-one":
      "At least {count} vertebra on file ({levels}): a lower bound until confirmed.",
    "core.context.vertebrae.at-least": "At least {count} vertebrae on file ({levels}): a lower bound until confirmed.",
    "core.context.visceral.certain":
      "Metastasis to a major internal organ on file: {organs}. Removable or not is the surgeon's judgement.",
    "core.context.visceral.also-possible": "Also on file, possibly a major internal organ: {organs}.",
    "core.context.visceral.possible":
      "Metastasis on file that may or may not count as a major internal organ: {organs}. Please decide.",
    "core.context.visceral.none": "No metastasis to a major internal organ on file.",
    "core.context.primary.none": "No primary cancer on file.",
    "core.context.primary.on-file": "Primary cancer on file: {primaries}.",
    "core.context.primary.linked": "Primary linked from the spinal metastasis record.",
    "core.context.primary.mapping-note": "{note}",
    "core.context.primary.pick": "Pick the primary-site category.",
    "core.context.primary.inactive":
      "Clinical status {statuses}: a primary in remission, resolved or inactive is still the primary.",
    "core.context.palsy.none": "No Frankel grade on file.",

    // Time: pre-operative and follow-up evidence (src/extract/timing.ts, src/extract/procedures.ts)
    "core.term.ref-dated": "{ref} of {day}",
    "core.time.boundary.surgery": "the surgery of {day} ({ref})",
    "core.time.boundary.surgery-undated": "the surgery {ref} (no date)",
    "core.time.boundary.one-month": "the surgery before the 1-month answer of {day} ({ref})",
    "core.time.boundary.unknown": "the surgery (date unknown)",
    "core.time.piece": "{piece} ({reason})",
    "core.time.reason.same-day": "same day as the surgery, no time to tell",
    "core.time.reason.undated": "no date",
    "core.time.reason.surgery-undated": "the surgery's date is unknown",
    "core.time.reason.surgery-status-unknown": "a spinal surgery of unknown status is on file",
    "core.time.reason.condition-after": "a diagnosis recorded after the surgery may describe the state before it",
    "core.time.reason.between": "after the last pre-op answer and before the 1-month answer",
    "core.time.reason.preop-contradiction": "answered as pre-op, but its date contradicts that",
    "core.time.values.unknown": "no single value",
    "core.context.time.unclear":
      "Timing unclear against {boundary}: {pieces}. The item is a range that includes it ({values}).",
    "core.context.time.unclear-same":
      "Timing unclear against {boundary}: {pieces}. The item is the same with or without it ({values}).",
    "core.context.time.follow-up":
      "After {boundary}: {pieces}. Follow-up, not used for the pre-operative score (it would give {values}).",
    "core.diag.ignored-status.procedure":
      "{label} (spinal surgery) is {status}: not a surgery that took place, ignored",
    "core.diag.time.index-surgery":
      "Index surgery: {display} on {day} ({ref}). Evidence after it is follow-up: shown on the course, not used for SINS or Tokuhashi",
    "core.diag.time.surgery-undated":
      "{ref} (spinal surgery) has no date: evidence cannot be placed before or after it, and the items that rest on it become ranges",
    "core.diag.time.surgery-status-unknown":
      "{ref} (spinal surgery of {day}) has status unknown: evidence from that day on may be after a surgery and becomes a range",
    "core.diag.time.procedures-unread":
      "Spinal surgery Procedures could not be read: whether evidence is before or after the surgery rests on the app's own pre-op and 1-month answers only",
    "core.diag.time.one-month-boundary":
      "No spinal surgery Procedure on file: the 1-month answer {ref} of {day} shows the surgery was before it; evidence after the last pre-op answer is not used on its own",
    "core.diag.time.one-month-before-surgery":
      '{ref} is answered "1 month after surgery" but dated {day}, before {surgery}: check its date',
    "core.diag.time.preop-after-one-month":
      '{ref} is answered "before surgery" but dated {day}, on or after the 1-month answer {other} of {otherDay}: not used as pre-operative evidence on its own (its items show a range)',
    "core.diag.time.preop-after-surgery":
      '{ref} is answered "before surgery" but dated {day}, after {surgery}: not used as pre-operative evidence on its own (its items show a range)',

    // Suggestion reasons
    "core.suggestion.ecog-kps":
      'ECOG {ecog} corresponds to {kps}: "{category}" by every table. A suggestion only: confirm or enter the KPS.',
    "core.suggestion.extraspinal-none":
      "No extraspinal bone metastasis is recorded; absence of a record is not proof of none: confirm.",
    "core.suggestion.visceral-none":
      "No visceral metastasis is recorded; absence of a record is not proof of none: confirm.",

    // Provenance notes
    "core.prov.preliminary": "preliminary result",
    "core.prov.clinician": "entered by clinician",
    "core.prov.in-progress": "questionnaire in progress",
    "core.prov.unconfirmed-diagnosis": "{status} diagnosis",
    "core.prov.also": "also {refs}",
    "core.prov.includes-preliminary": "includes preliminary results",
    "core.prov.notes": "{notes}",
    "core.prov.unit-converted": "{from} {unit} read as {value} {scaleUnit}",

    // Data-access notes (src/fhir/record.ts); the fault sentences nested in them are ./faults.ts
    "core.access.search-forbidden":
      "The EHR did not give this app permission to read {data} (scope missing): {holds} are not shown and the scores stay ranges.",
    "core.access.search-failed": "{data} could not be read: {reason} {holds} are missing and the scores stay ranges.",
    "core.access.page-cap":
      "Only the first {pages} pages of {data} were read (the app's page limit); more are on file. Some {holds} may be missing and the scores stay ranges.",
    "core.access.page-failed":
      "{data} were read only in part: page {page} failed ({reason}). Some {holds} may be missing and the scores stay ranges.",
    "core.access.search-incomplete":
      "The EHR reported {total} {data} but sent {read}, with no link to the rest. Some {holds} may be missing and the scores stay ranges.",
    "core.access.fallback-unfiltered":
      "The EHR does not accept searching {data} by code; all of the patient's {data} were read and filtered by the app.",
    "core.access.observations-not-requested": "No Observation codes were configured: Observations were not read.",
    "core.access.search.Condition": "Conditions",
    "core.access.search.Observation": "Observations",
    "core.access.search.QuestionnaireResponse": "QuestionnaireResponses",
    "core.access.search.Procedure": "Procedures",
    "core.access.holds.Condition": "diagnoses (metastasis levels, primary tumour, visceral metastases)",
    "core.access.holds.Observation": "measurements (performance status, pain, function scores)",
    "core.access.holds.QuestionnaireResponse": "questionnaires saved earlier by this app",
    "core.access.holds.Procedure": "spinal surgeries (which evidence is before the surgery)",
    "core.access.holds-start.Condition": "Diagnoses (metastasis levels, primary tumour, visceral metastases)",
    "core.access.holds-start.Observation": "Measurements (performance status, pain, function scores)",
    "core.access.holds-start.QuestionnaireResponse": "Questionnaires saved earlier by this app",
    "core.access.holds-start.Procedure": "Spinal surgeries (which evidence is before the surgery)",

    // Item values quoted in messages (English: the value's key)
    "core.value.generalCondition.poor": "poor",
    "core.value.generalCondition.moderate": "moderate",
    "core.value.generalCondition.good": "good",
    "core.value.extraspinalBoneMets.0": "0",
    "core.value.extraspinalBoneMets.1-2": "1-2",
    "core.value.extraspinalBoneMets.3+": "3+",
    "core.value.vertebralBodyMets.1": "1",
    "core.value.vertebralBodyMets.2": "2",
    "core.value.vertebralBodyMets.3+": "3+",
    "core.value.visceralMets.unremovable": "unremovable",
    "core.value.visceralMets.removable": "removable",
    "core.value.visceralMets.none": "none",
    "core.value.primarySite.lung": "lung",
    "core.value.primarySite.osteosarcoma": "osteosarcoma",
    "core.value.primarySite.stomach": "stomach",
    "core.value.primarySite.bladder": "bladder",
    "core.value.primarySite.esophagus": "esophagus",
    "core.value.primarySite.pancreas": "pancreas",
    "core.value.primarySite.liver": "liver",
    "core.value.primarySite.gallbladder": "gallbladder",
    "core.value.primarySite.unidentified": "unidentified",
    "core.value.primarySite.others": "others",
    "core.value.primarySite.kidney": "kidney",
    "core.value.primarySite.uterus": "uterus",
    "core.value.primarySite.rectum": "rectum",
    "core.value.primarySite.thyroid": "thyroid",
    "core.value.primarySite.breast": "breast",
    "core.value.primarySite.prostate": "prostate",
    "core.value.primarySite.carcinoid": "carcinoid",
    "core.value.pain.mechanical": "mechanical",
    "core.value.pain.occasional": "occasional",
    "core.value.pain.none": "none",
    "core.value.boneLesion.lytic": "lytic",
    "core.value.boneLesion.mixed": "mixed",
    "core.value.boneLesion.blastic": "blastic",
    "core.value.alignment.subluxation": "subluxation",
    "core.value.alignment.deformity": "deformity",
    "core.value.alignment.normal": "normal",
    "core.value.collapse.gt50": "gt50",
    "core.value.collapse.lt50": "lt50",
    "core.value.collapse.noCollapseOver50Involved": "noCollapseOver50Involved",
    "core.value.collapse.none": "none",
    "core.value.posterolateral.bilateral": "bilateral",
    "core.value.posterolateral.unilateral": "unilateral",
    "core.value.posterolateral.none": "none",

    // Separators of lists and of an item's context sentences
    "core.join.comma": ", ",
    "core.join.semicolon": "; ",
    "core.join.and": " and ",
    "core.join.or": " or ",
    "core.join.sentence": " ",
  },
  {
    // Applicability and segment group (src/scores)
    "core.segment.no-level": "脊椎転移のレベルが不明です",
    "core.segment.coccyx": "尾骨は本研究のいずれの部位群（頸椎、T1–T10、T11–仙椎）にも属しません",
    "core.applicability.no-level": "脊椎転移のレベルが不明：本研究の対象は連続する1〜3椎体",
    "core.applicability.too-many-levels": "椎体{count}個（{levels}）：本研究の対象は連続する1〜3椎体",
    "core.applicability.non-contiguous": "非連続の転移（{levels}）：本研究の対象は連続する1〜3椎体",
    "core.applicability.coccyx-only": "尾骨単独の転移は本研究のいずれの部位群（頸椎、T1–T10、T11–仙椎）にも属しません",
    "core.applicability.coccyx-note": "尾骨は本研究の部位群に含まれません",
    "core.applicability.age-unknown": "年齢不明：本研究の対象は20歳以上",
    "core.applicability.age-under-20": "{age}歳：本研究の対象は20歳以上",
    "core.applicability.en-bloc-planned": "腫瘍脊椎骨全摘術（TES）を予定：本研究ではTES施行例を除外",
    "core.applicability.en-bloc-unanswered": "腫瘍脊椎骨全摘術（TES）の予定が未回答：本研究ではTES施行例を除外",
    "core.applicability.within-one": "1椎体（{levels}）、{age}歳：研究対象集団の範囲内（連続する1〜3椎体、20歳以上）",
    "core.applicability.within":
      "連続する{count}椎体（{levels}）、{age}歳：研究対象集団の範囲内（連続する1〜3椎体、20歳以上）",
    "core.applicability.unlevelled":
      "{levels}のほかにレベルのコードがない脊椎転移（{refs}）が記録されています：すべてが連続する1〜3椎体に収まるかは不明です",
    "core.applicability.inactive-counted":
      "非活動性の脊椎転移（{levels}）も含めて数えます：本研究の対象は連続する1〜3椎体",
    "core.term.coccyx-not-scoreable": "尾骨はSINSの部位として採点できません（Fisher 2010の部位分類は後頭骨〜S5のみ）",

    // Terms and phrases inside other messages
    "core.term.no-id": "IDなし",
    "core.term.unknown-date": "日付不明",
    "core.term.on-day": "{day}に",
    "core.term.dated": "{day}、",
    "core.term.entry": "{n}番目のエントリ",
    "core.term.resource-no-id": "{type}（IDなし）",
    "core.term.with-ref": "{label}（{ref}）",
    "core.term.value-in": "{ref}の{value}",
    "core.term.more": "ほか{n}件",
    "core.term.primary-cancer": "原発がん",
    "core.term.site-not-coded": "部位コードなし",
    "core.term.whole-resource": "（リソース全体）",
    "core.term.in-steps": "、{step}刻み",
    "core.term.kps-0": "（KPS 0＝死亡は徳橋スコアの区分外）",
    "core.term.primary-categories": "{name}（{ref}：{categories}）",
    "core.term.primary-not-derivable": "{name}（{ref}：分類を判定できません）",
    "core.term.kps-by-table": "KPS {kps}（{table}）",
    "core.term.primary-unmapped": "{name}（{code}、{ref}：原発巣の記録あり、分類は導けません）",
    "core.concept.kps": "KPS",
    "core.concept.ecog": "ECOG",
    "core.concept.painNrs": "疼痛NRS",
    "core.concept.painVas": "疼痛VAS",
    "core.concept.eqVas": "EQ VAS",
    "core.concept.barthel": "バーセル指数",
    "core.concept.frankel": "Frankel分類",
    "core.region.spine": "脊椎",
    "core.region.cervical": "頸椎",
    "core.region.thoracic": "胸椎",
    "core.region.lumbar": "腰椎",
    "core.region.sacrum": "仙骨",
    "core.verification.unconfirmed": "未確定",
    "core.verification.provisional": "暫定",
    "core.verification.differential": "鑑別",

    // A recorded value, as conflict notes quote it
    "core.claim.kps": "KPS {value}",
    "core.claim.ecog": "ECOG {value}",
    "core.claim.frankel": "Frankel {value}",
    "core.claim.general-condition": "全身状態「{value}」",
    "core.claim.foci": "脊椎以外の骨転移{value}",
    "core.claim.vertebrae": "椎体転移{value}",

    // Item names in diagnostics
    "core.item.sins.location": "SINS 部位",
    "core.item.sins.pain": "SINS 疼痛",
    "core.item.sins.boneLesion": "SINS 骨病変",
    "core.item.sins.boneLesion-key": "SINS 骨病変",
    "core.item.sins.alignment": "SINS 脊柱アライメント",
    "core.item.sins.collapse": "SINS 椎体圧潰",
    "core.item.sins.posterolateral": "SINS 後側方要素への浸潤",
    "core.item.tokuhashi.generalCondition": "徳橋スコア 全身状態",
    "core.item.tokuhashi.generalCondition-kps": "徳橋スコア 全身状態（KPS）",
    "core.item.tokuhashi.extraspinalBoneMets": "徳橋スコア 脊椎以外の骨転移",
    "core.item.tokuhashi.vertebralBodyMets": "徳橋スコア 椎体転移",
    "core.item.tokuhashi.visceralMets": "徳橋スコア 主要臓器転移",
    "core.item.tokuhashi.primarySite": "徳橋スコア 原発巣",
    "core.item.tokuhashi.palsy": "徳橋スコア 麻痺",
    "core.item.tokuhashi.palsy-frankel": "徳橋スコア 麻痺（Frankel分類）",

    // Why a resource could not be read
    "core.issue.expected": "{path}：{expected}型である必要があります",
    "core.issue.codeable-concept": "{path}：CodeableConceptである必要があります",
    "core.issue.required": "{path}：必須です",
    "core.issue.date": "{path}：日付の形式が不正です",
    "core.issue.too-long": "{path}：長すぎます",
    "core.issue.not-allowed": "{path}：許容されない値です",
    "core.issue.invalid": "{path}：不正です",
    "core.issue.none": "不正です",

    // Diagnostics
    "core.diag.invalid-resource": "{label}を除外しました：{reason}",
    "core.diag.invalid-resource.not-object": "{n}番目のエントリを除外しました：FHIRリソースではありません（{kind}）",
    "core.diag.invalid-resource.no-type": "{n}番目のエントリを除外しました：resourceTypeがないか不正です",
    "core.diag.other-subject": "{label}を除外しました：対象患者（subject）がこの患者ではありません",
    "core.diag.internal": "{entry}を読み取れませんでした（内部エラー）：除外しました",
    "core.diag.patient-not-found": "この患者のPatientリソースがありません：年齢と性別は不明です",
    "core.diag.ignored-status.observation": "{label}（{concept}）は「{status}」とされているため使用しません",
    "core.diag.ignored-status.observation-other":
      "{label}（{concept}）の状態は「{status}」で、使用できる結果がありません",
    "core.diag.ignored-status.condition": "{label}の検証状態は「{status}」のため使用しません",
    "core.diag.ignored-status.questionnaire": "{label}（{instrument}）の状態は「{status}」のため使用しません",
    "core.diag.ignored-status.questionnaire-other": "{label}（{instrument}）の状態は「{status}」のため使用しません",
    "core.diag.not-active": "{label}の臨床状態は「{status}」のため計上しません",
    "core.diag.not-active.spinal":
      "{label}の臨床状態は「{status}」のためスコアには計上しませんが、研究対象集団の判定には含めます",
    "core.diag.unconfirmed": "{label}は{status}診断です：計上していますので確認してください",
    "core.diag.preliminary.observation": "{label}（{concept}）は暫定結果です：表示していますが確定値ではありません",
    "core.diag.preliminary.questionnaire":
      "{label}（{instrument}）は回答途中です：表示していますが確定値ではありません",
    "core.diag.no-value": "{label}（{concept}）に値がありません：除外しました",
    "core.diag.no-value.grade": "{label}（{concept}）に認識できる値がありません：除外しました",
    "core.diag.inconsistent-value":
      "{label}（{concept}）の値{value}がコード化された回答（{coded}）と一致しません：除外しました",
    "core.diag.other-scale":
      "{label}（バーセル指数）は別の尺度（0–20）です：0–100のバーセル指数のみを使用するため除外しました",
    "core.diag.out-of-range": "{label}（{concept}）の値{value}は{min}–{max}{steps}の範囲外です{extra}：除外しました",
    "core.diag.scale-unclear":
      "{label}（バーセル指数）は{value}です：0–100の尺度として読み取りました。0–20の尺度の値でないか確認してください",
    "core.diag.unsupported-unit":
      "{label}（{concept}）の単位'{unit}'はこの項目では読み取れません（{accepted}または単位なし）：使用しません",
    "core.diag.level-not-coded": "{label}：椎体レベルがコード化されていない脊椎転移です",
    "core.diag.site-not-coded": "{label}：部位がコード化されていない骨転移です：計上しません",
    "core.diag.unrecognised-answer": "{label}：「{linkId}」への回答を認識できません：使用しません",
    "core.diag.conflict.item": "{item}：{context}",
    "core.diag.conflict.ecog": "ECOG：{when}異なる値が記録されています：{claims}",
    "core.diag.conflict.measurement": "{concept}：同じ日（{day}）に異なる値があります（{values}）：表示しません",
    "core.diag.coccyx": "尾骨転移が記録されています：{reason}。どの部位群にも属しません。",
    "core.diag.invalid-entry": "{item}：入力値がこの項目の区分にありません：使用しません",
    "core.diag.birth-date.unusable": "生年月日が評価日より後、ありえないほど古い、または読み取れません：年齢は不明です",
    "core.diag.birth-date.partial": "年齢は{min}〜{max}歳です：生年月日が年月日まで記録されていません",
    "core.diag.value-set.stored":
      "EQ-5D-5Lのタリフ「{valueSet}」は使用できません：質問票とともに保存された効用値（{stored}）を表示しています",
    "core.diag.value-set.no-index": "EQ-5D-5Lのタリフ「{valueSet}」は使用できません：回答{profile}の効用値がありません",

    // Item context notes
    "core.context.conflict": "{when}異なる値が記録されています：{claims}。正しい値を選んでください。",
    "core.context.same-category": "{when}{labels}が記録されています（同じ区分）。",
    "core.context.preliminary": "暫定結果：確定値ではありません。",
    "core.context.sins.lesions": "記録にある脊椎転移：{lesions}。",
    "core.context.sins.pick-across-classes":
      "病変のレベルが複数の部位分類にまたがっています：採点するレベルを選んでください。",
    "core.context.sins.pick": "採点するレベルを選んでください。",
    "core.context.sins.coccyx": "尾骨転移の記録があります：{reason}。",
    "core.context.sins.no-level": "採点可能な椎体レベルの記録がありません。",
    "core.context.sins.region-only": "レベルの記載がない脊椎転移の記録があります（{regions}）。",
    "core.context.no-kps": "カルノフスキー・パフォーマンス・ステータス（KPS）の記録がありません。",
    "core.context.ecog": "ECOG {ecog}（{when}{refs}）を参考として表示します。KPSには換算しません。",
    "core.context.ecog-conflict": "{when}ECOGの値が一致しません（{claims}）。ECOGはKPSに換算しません。",
    "core.context.ecog-spans":
      "ECOG {ecog}は{kps}に相当し、対応表によって{categories}となります。対応表の間で一致しないため、KPSを入力してください。",
    "core.context.ecog-tables": "ECOG {ecog}は{ranges}に相当します。",
    "core.context.ecog-also": "{ecog}{when}の記録もあります。KPSの方が同日以降のため、KPSで判定します。",
    "core.context.kps-older-than-ecog":
      "{kps}{kpsWhen}は{ecog}{ecogWhen}より古い記録です：現在のKPSが入力されるまで、この項目は両方を含む範囲（{categories}）とします。",
    "core.context.extraspinal.none": "脊椎以外の骨転移の記録はありません。",
    "core.context.extraspinal.unlocated":
      "部位がコード化されていない骨転移の記録{count}件は計上していません（{refs}）。",
    "core.context.extraspinal.at-least-one":
      "脊椎以外の骨転移が少なくとも{count}か所記録されています（{sites}）：確認されるまでは下限値です。",
    "core.context.extraspinal.at-least":
      "脊椎以外の骨転移が少なくとも{count}か所記録されています（{sites}）：確認されるまでは下限値です。",
    "core.context.vertebrae.none": "椎体レベルの記録がありません。",
    "core.context.vertebrae.region-only": "レベルがコード化されていない脊椎転移の記録が{count}件あります。",
    "core.context.vertebrae.at-least-one":
      "少なくとも{count}椎体の転移が記録されています（{levels}）：確認されるまでは下限値です。",
    "core.context.vertebrae.at-least":
      "少なくとも{count}椎体の転移が記録されています（{levels}）：確認されるまでは下限値です。",
    "core.context.visceral.certain":
      "主要臓器への転移が記録されています：{organs}。切除可能かどうかは術者が判断してください。",
    "core.context.visceral.also-possible": "主要臓器に該当する可能性のある転移の記録もあります：{organs}。",
    "core.context.visceral.possible":
      "主要臓器に該当するかどうか判断を要する転移の記録があります：{organs}。判断してください。",
    "core.context.visceral.none": "主要臓器への転移の記録はありません。",
    "core.context.primary.none": "原発がんの記録がありません。",
    "core.context.primary.on-file": "記録にある原発がん：{primaries}。",
    "core.context.primary.linked": "脊椎転移の記録から紐づけられた原発巣です。",
    "core.context.primary.mapping-note": "{note}",
    "core.context.primary.pick": "原発巣の分類を選んでください。",
    "core.context.primary.inactive": "臨床状態 {statuses}：寛解・治癒・非活動性の原発巣も原発巣として扱います。",
    "core.context.palsy.none": "Frankel分類の記録がありません。",

    // 時期：術前と術後の情報（src/extract/timing.ts, src/extract/procedures.ts）
    "core.term.ref-dated": "{ref}（{day}）",
    "core.time.boundary.surgery": "{day}の手術（{ref}）",
    "core.time.boundary.surgery-undated": "手術{ref}（日付なし）",
    "core.time.boundary.one-month": "{day}の術後1か月の回答（{ref}）より前の手術",
    "core.time.boundary.unknown": "手術（日付不明）",
    "core.time.piece": "{piece}（{reason}）",
    "core.time.reason.same-day": "手術と同じ日で、時刻から前後を判断できません",
    "core.time.reason.undated": "日付なし",
    "core.time.reason.surgery-undated": "手術の日付が不明です",
    "core.time.reason.surgery-status-unknown": "状態不明の脊椎手術が記録されています",
    "core.time.reason.condition-after": "手術後に登録された診断は術前の状態を表している可能性があります",
    "core.time.reason.between": "最後の術前の回答より後、術後1か月の回答より前",
    "core.time.reason.preop-contradiction": "術前として回答されていますが、日付がそれと矛盾します",
    "core.time.values.unknown": "値は一つに決まりません",
    "core.context.time.unclear":
      "{boundary}との前後関係が不明：{pieces}。この項目はそれを含む範囲で示します（{values}）。",
    "core.context.time.unclear-same":
      "{boundary}との前後関係が不明：{pieces}。この項目はそれを含めても含めなくても同じです（{values}）。",
    "core.context.time.follow-up":
      "{boundary}より後：{pieces}。術後経過の情報のため、術前スコアには使用しません（使用すると{values}）。",
    "core.diag.ignored-status.procedure": "{label}（脊椎手術）は{status}です：実施された手術ではないため使用しません",
    "core.diag.time.index-surgery":
      "基準とする手術：{day}の{display}（{ref}）。これより後の情報は術後経過として経過グラフに表示し、SINSと徳橋スコアには使用しません",
    "core.diag.time.surgery-undated":
      "{ref}（脊椎手術）に日付がありません：情報がその前か後かを判断できないため、それに基づく項目は範囲で示します",
    "core.diag.time.surgery-status-unknown":
      "{ref}（{day}の脊椎手術）は状態が不明です：その日以降の情報は術後の可能性があるため範囲で示します",
    "core.diag.time.procedures-unread":
      "脊椎手術（Procedure）を読み取れませんでした：情報が術前か術後かは、このアプリの術前・術後1か月の回答だけで判断しています",
    "core.diag.time.one-month-boundary":
      "脊椎手術のProcedureが記録されていません：{day}の術後1か月の回答{ref}から、手術はそれより前です。最後の術前の回答より後の情報は単独では使用しません",
    "core.diag.time.one-month-before-surgery":
      "{ref}は「術後1か月」として回答されていますが、日付が{day}で{surgery}より前です：日付を確認してください",
    "core.diag.time.preop-after-one-month":
      "{ref}は「術前」として回答されていますが、日付が{day}で、術後1か月の回答{other}（{otherDay}）と同日以降です：単独では術前の情報として使用しません（関係する項目は範囲で示します）",
    "core.diag.time.preop-after-surgery":
      "{ref}は「術前」として回答されていますが、日付が{day}で{surgery}より後です：単独では術前の情報として使用しません（関係する項目は範囲で示します）",

    // Suggestion reasons
    "core.suggestion.ecog-kps":
      "ECOG {ecog}は{kps}に相当し、いずれの対応表でも「{category}」です。あくまで提案です：確定するかKPSを入力してください。",
    "core.suggestion.extraspinal-none":
      "脊椎以外の骨転移は記録されていませんが、記録がないことは転移がないことを意味しません：確認してください。",
    "core.suggestion.visceral-none":
      "内臓転移は記録されていませんが、記録がないことは転移がないことを意味しません：確認してください。",

    // Provenance notes
    "core.prov.preliminary": "暫定結果",
    "core.prov.clinician": "臨床医が入力",
    "core.prov.in-progress": "回答途中の質問票",
    "core.prov.unconfirmed-diagnosis": "{status}診断",
    "core.prov.also": "ほかに{refs}",
    "core.prov.includes-preliminary": "暫定結果を含む",
    "core.prov.notes": "{notes}",
    "core.prov.unit-converted": "{from} {unit}を{value} {scaleUnit}として読み取り",

    // Data-access notes (src/fhir/record.ts); the fault sentences nested in them are ./faults.ts
    "core.access.search-forbidden":
      "EHRがこのアプリに{data}の読み取りを許可していません（スコープ不足）。{holds}は表示されず、スコアは範囲のままです。",
    "core.access.search-failed":
      "{data}を読み取れませんでした：{reason}{holds}が欠けているため、スコアは範囲のままです。",
    "core.access.page-cap":
      "{data}は最初の{pages}ページのみ読み取りました（アプリのページ上限）。記録はさらにあり、{holds}の一部が欠けている可能性があるため、スコアは範囲のままです。",
    "core.access.page-failed":
      "{data}は一部のみ読み取りました：{page}ページ目が失敗しました。{reason}{holds}の一部が欠けている可能性があり、スコアは範囲のままです。",
    "core.access.search-incomplete":
      "EHRは{data}が{total}件あると報告しましたが、送られたのは{read}件で、残りへのリンクがありません。{holds}の一部が欠けている可能性があるため、スコアは範囲のままです。",
    "core.access.fallback-unfiltered":
      "EHRがコードによる{data}の検索に対応していないため、患者の{data}をすべて読み込み、アプリで絞り込みました。",
    "core.access.observations-not-requested":
      "Observationのコードが設定されていないため、観察値（Observation）は読み込んでいません。",
    "core.access.search.Condition": "診断（Condition）",
    "core.access.search.Observation": "観察値（Observation）",
    "core.access.search.QuestionnaireResponse": "質問票の回答（QuestionnaireResponse）",
    "core.access.search.Procedure": "手術・処置（Procedure）",
    "core.access.holds.Condition": "診断（転移のレベル、原発巣、内臓転移）",
    "core.access.holds.Observation": "測定値（全身状態、疼痛、機能スコア）",
    "core.access.holds.QuestionnaireResponse": "このアプリで以前に保存した質問票",
    "core.access.holds.Procedure": "脊椎手術（どの情報が術前かの判断に使用）",
    "core.access.holds-start.Condition": "診断（転移のレベル、原発巣、内臓転移）",
    "core.access.holds-start.Observation": "測定値（全身状態、疼痛、機能スコア）",
    "core.access.holds-start.QuestionnaireResponse": "このアプリで以前に保存した質問票",
    "core.access.holds-start.Procedure": "脊椎手術（どの情報が術前かの判断に使用）",

    // Item values quoted in messages (English: the value's key)
    "core.value.generalCondition.poor": label("app.tok.generalCondition.poor"),
    "core.value.generalCondition.moderate": label("app.tok.generalCondition.moderate"),
    "core.value.generalCondition.good": label("app.tok.generalCondition.good"),
    "core.value.extraspinalBoneMets.0": "0か所",
    "core.value.extraspinalBoneMets.1-2": "1〜2か所",
    "core.value.extraspinalBoneMets.3+": "3か所以上",
    "core.value.vertebralBodyMets.1": "1椎体",
    "core.value.vertebralBodyMets.2": "2椎体",
    "core.value.vertebralBodyMets.3+": "3椎体以上",
    "core.value.visceralMets.unremovable": label("app.tok.visceralMets.unremovable"),
    "core.value.visceralMets.removable": label("app.tok.visceralMets.removable"),
    "core.value.visceralMets.none": label("app.tok.visceralMets.none"),
    "core.value.primarySite.lung": label("app.tok.primary.lung"),
    "core.value.primarySite.osteosarcoma": label("app.tok.primary.osteosarcoma"),
    "core.value.primarySite.stomach": label("app.tok.primary.stomach"),
    "core.value.primarySite.bladder": label("app.tok.primary.bladder"),
    "core.value.primarySite.esophagus": label("app.tok.primary.esophagus"),
    "core.value.primarySite.pancreas": label("app.tok.primary.pancreas"),
    "core.value.primarySite.liver": label("app.tok.primary.liver"),
    "core.value.primarySite.gallbladder": label("app.tok.primary.gallbladder"),
    "core.value.primarySite.unidentified": label("app.tok.primary.unidentified"),
    "core.value.primarySite.others": label("app.tok.primary.others"),
    "core.value.primarySite.kidney": label("app.tok.primary.kidney"),
    "core.value.primarySite.uterus": label("app.tok.primary.uterus"),
    "core.value.primarySite.rectum": label("app.tok.primary.rectum"),
    "core.value.primarySite.thyroid": label("app.tok.primary.thyroid"),
    "core.value.primarySite.breast": label("app.tok.primary.breast"),
    "core.value.primarySite.prostate": label("app.tok.primary.prostate"),
    "core.value.primarySite.carcinoid": label("app.tok.primary.carcinoid"),
    "core.value.pain.mechanical": label("app.sins.pain.mechanical"),
    "core.value.pain.occasional": label("app.sins.pain.occasional"),
    "core.value.pain.none": label("app.sins.pain.none"),
    "core.value.boneLesion.lytic": label("app.sins.boneLesion.lytic"),
    "core.value.boneLesion.mixed": label("app.sins.boneLesion.mixed"),
    "core.value.boneLesion.blastic": label("app.sins.boneLesion.blastic"),
    "core.value.alignment.subluxation": label("app.sins.alignment.subluxation"),
    "core.value.alignment.deformity": label("app.sins.alignment.deformity"),
    "core.value.alignment.normal": label("app.sins.alignment.normal"),
    "core.value.collapse.gt50": label("app.sins.collapse.gt50"),
    "core.value.collapse.lt50": label("app.sins.collapse.lt50"),
    "core.value.collapse.noCollapseOver50Involved": label("app.sins.collapse.noCollapseOver50Involved"),
    "core.value.collapse.none": "該当なし",
    "core.value.posterolateral.bilateral": label("app.sins.posterolateral.bilateral"),
    "core.value.posterolateral.unilateral": label("app.sins.posterolateral.unilateral"),
    "core.value.posterolateral.none": "該当なし",

    // Separators of lists and of an item's context sentences
    "core.join.comma": "、",
    "core.join.semicolon": "；",
    "core.join.and": "と",
    "core.join.or": "または",
    "core.join.sentence": "",
  },
);
