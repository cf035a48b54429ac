/**
 * The app's own QuestionnaireResponses (src/questionnaires/contract.ts) read back as evidence, source
 * "questionnaire". Responses to other Questionnaires are not the app's and are left alone.
 */
import {
  answerValue as appAnswerValue,
  APP_CODE_SYSTEM,
  COMMON_LINKS,
  instrumentFromCanonical,
  LINKS,
  TIMEPOINT_CODES,
} from "../questionnaires/contract";
import type { QolTimepointKind } from "../report/types";
import { SINS_ANSWERS, TOKUHASHI_ANSWERS, type ItemAnswer } from "../questionnaires/score-answers";
import {
  BARTHEL_ITEMS,
  barthelIndex,
  FRANKEL_GRADES,
  keysOf,
  SINS_DOMAINS,
  SPINAL_LEVELS,
  TOKUHASHI_DOMAINS,
  type BarthelInput,
  type SpinalLevel,
} from "../scores";
import type { ReadContext } from "./context";
import { dayOf, provenance, resourceName, type Json, type ResourceName } from "./fhir";
import { answerValue as observationAnswer } from "./mappings";
import { looksLikeQuestionnaireResponse } from "./guards";
import { checkedResource, questionnaireResponseSchema, REASON, type AnswerData, type QrItemData } from "./schemas";
import { msg, provenanceNotes } from "./messages";
import type { QuestionnaireFinding, SinsAnswers, TokuhashiAnswers } from "./types";

const COUNTED = new Set(["completed", "amended"]);
const TIMEPOINT_BY_CODE: ReadonlyMap<string, QolTimepointKind> = new Map(
  (Object.keys(TIMEPOINT_CODES) as QolTimepointKind[]).map((kind) => [TIMEPOINT_CODES[kind], kind]),
);
const IGNORED = new Set(["entered-in-error", "stopped"]);

/** Reads one QuestionnaireResponse; null when it is not the app's, ignored or invalid (the latter reported). */
export function readQuestionnaireResponse(raw: Json, ctx: ReadContext): QuestionnaireFinding | null {
  if (raw.questionnaire === undefined) return null;
  if (typeof raw.questionnaire !== "string") {
    ctx.invalid("QuestionnaireResponse", raw.id, REASON.expected("questionnaire", "string"));
    return null;
  }
  const instrument = instrumentFromCanonical(raw.questionnaire);
  if (!instrument) return null;

  const qr = checkedResource(
    "QuestionnaireResponse",
    raw,
    looksLikeQuestionnaireResponse,
    questionnaireResponseSchema,
    ctx,
  );
  if (!qr) return null;
  if (!ctx.belongs("QuestionnaireResponse", qr.id, qr.subject)) return null;
  const name = resourceName("QuestionnaireResponse", qr.id);
  if (IGNORED.has(qr.status)) {
    ctx.report(
      "info",
      "ignored-status",
      msg("diag.ignored-status.questionnaire", { label: name.param, instrument, status: qr.status }),
      name.text,
    );
    return null;
  }
  const preliminary = qr.status === "in-progress";
  if (!preliminary && !COUNTED.has(qr.status)) {
    ctx.report(
      "info",
      "ignored-status",
      msg("diag.ignored-status.questionnaire-other", { label: name.param, instrument, status: qr.status.slice(0, 40) }),
      name.text,
    );
    return null;
  }
  if (preliminary) {
    ctx.report(
      "warning",
      "preliminary",
      msg("diag.preliminary.questionnaire", { label: name.param, instrument }),
      name.text,
    );
  }

  const answers = new Map<string, AnswerData[]>();
  collect(qr.item ?? [], answers, 0);
  const reader = new Answers(answers, APP_CODE_SYSTEM, name, ctx);

  const date = qr.authored ?? null;
  const timepoint = reader.timepoint();
  const timepointDate = reader.date(COMMON_LINKS.timepointDate) ?? date;
  const finding: QuestionnaireFinding = {
    instrument,
    date,
    day: dayOf(date),
    timepoint,
    timepointDate,
    preliminary,
    provenance: provenance(name.reference, date, raw.questionnaire.slice(0, 300), {
      author: qr.author?.reference ?? null,
      note: preliminary ? provenanceNotes.inProgress() : null,
    }),
  };

  switch (instrument) {
    case "eq5d5l": {
      const l = LINKS.eq5d5l;
      const dims = [l.mobility, l.selfCare, l.usualActivities, l.painDiscomfort, l.anxietyDepression].map((id) =>
        reader.code(id, "eq5d.level", ["1", "2", "3", "4", "5"]),
      );
      if (dims.every((d) => d !== null)) finding.eq5dProfile = dims.join("");
      setIf(finding, "eqVas", reader.number(l.eqVas, 0, 100, true));
      setIf(finding, "eq5dIndex", reader.number(l.index, -1.5, 1, false));
      const vs = reader.string(l.valueSet);
      if (vs) finding.eq5dValueSet = vs;
      break;
    }
    case "pain-vas":
      setIf(finding, "painVas", reader.number(LINKS["pain-vas"].painVas, 0, 100, false));
      break;
    case "barthel": {
      const total = reader.number(LINKS.barthel.total, 0, 100, true);
      setIf(finding, "barthel", total ?? reader.barthelFromItems());
      break;
    }
    case "ecog":
      setIf(finding, "ecog", reader.ecog(LINKS.ecog.ecog));
      break;
    case "frankel":
      setIf(finding, "frankel", reader.code(LINKS.frankel.frankel, "frankel", FRANKEL_GRADES));
      break;
    case "sins":
      finding.sins = reader.sins();
      break;
    case "tokuhashi":
      finding.tokuhashi = reader.tokuhashi();
      if (finding.tokuhashi.palsy) finding.frankel = finding.tokuhashi.palsy;
      break;
  }
  return finding;
}

function setIf<K extends "eqVas" | "eq5dIndex" | "painVas" | "barthel" | "ecog" | "frankel">(
  f: QuestionnaireFinding,
  key: K,
  value: QuestionnaireFinding[K] | null,
): void {
  if (value !== null && value !== undefined) f[key] = value;
}

function collect(items: readonly QrItemData[], into: Map<string, AnswerData[]>, depth: number): void {
  if (depth > 20) return;
  for (const item of items) {
    const list = into.get(item.linkId) ?? [];
    for (const a of item.answer ?? []) list.push(a);
    into.set(item.linkId, list);
    if (item.item) collect(item.item, into, depth + 1);
  }
}

class Answers {
  constructor(
    private readonly answers: Map<string, AnswerData[]>,
    private readonly system: string,
    private readonly name: ResourceName,
    private readonly ctx: ReadContext,
  ) {}

  private unrecognised(linkId: string): void {
    this.ctx.report(
      "warning",
      "unrecognised-answer",
      msg("diag.unrecognised-answer", { label: this.name.param, linkId }),
      this.name.text,
    );
  }

  /** App codes `${concept}.${value}` of a linkId, each checked against the domain. */
  codes<V extends string>(linkId: string, concept: string, domain: readonly V[]): V[] {
    const out: V[] = [];
    for (const a of this.answers.get(linkId) ?? []) {
      const c = a.valueCoding;
      const v = c?.system === this.system && c.code ? appAnswerValue(concept, c.code) : null;
      if (v !== null && (domain as readonly string[]).includes(v)) out.push(v as V);
      else this.unrecognised(linkId);
    }
    return out;
  }

  code<V extends string>(linkId: string, concept: string, domain: readonly V[]): V | null {
    return this.codes(linkId, concept, domain)[0] ?? null;
  }

  number(linkId: string, min: number, max: number, integer: boolean): number | null {
    const a = this.answers.get(linkId)?.[0];
    if (!a) return null;
    const v = a.valueInteger ?? a.valueDecimal;
    if (v === undefined || v < min || v > max || (integer && !Number.isInteger(v))) {
      this.unrecognised(linkId);
      return null;
    }
    return v;
  }

  string(linkId: string): string | null {
    const v = this.answers.get(linkId)?.[0]?.valueString;
    return v ? v.slice(0, 100) : null;
  }

  date(linkId: string): string | null {
    const a = this.answers.get(linkId)?.[0];
    return a?.valueDate ?? a?.valueDateTime ?? null;
  }

  timepoint(): QolTimepointKind {
    const code = this.answers.get(COMMON_LINKS.timepoint)?.[0]?.valueCoding;
    return (code?.system === this.system && code.code !== undefined && TIMEPOINT_BY_CODE.get(code.code)) || "other";
  }

  ecog(linkId: string): number | null {
    const a = this.answers.get(linkId)?.[0];
    if (!a) return null;
    if (
      a.valueInteger !== undefined &&
      Number.isInteger(a.valueInteger) &&
      a.valueInteger >= 0 &&
      a.valueInteger <= 5
    ) {
      return a.valueInteger;
    }
    const c = a.valueCoding;
    const v = c?.system && c.code ? observationAnswer("ecog", c.system, c.code) : null;
    if (typeof v === "number") return v;
    this.unrecognised(linkId);
    return null;
  }

  barthelFromItems(): number | null {
    const input: BarthelInput = {};
    for (const item of BARTHEL_ITEMS) {
      const linkId = LINKS.barthel[item];
      const a = this.answers.get(linkId)?.[0]?.valueCoding;
      const v = a?.system === this.system && a.code ? appAnswerValue(`barthel.${item}`, a.code) : null;
      if (v === null) return null;
      input[item] = Number(v);
    }
    try {
      return barthelIndex(input).total;
    } catch {
      this.unrecognised(LINKS.barthel.total);
      return null;
    }
  }

  /** Each item's coded answer where `where` says it is answered, checked against the item's domain. */
  private items<I extends string, D extends { readonly [K in I]: readonly string[] }>(
    where: Readonly<Record<I, ItemAnswer>>,
    domains: D,
  ): { [K in I]?: D[K][number] } {
    const out: { [K in I]?: D[K][number] } = {};
    for (const item of keysOf(where)) {
      const v = this.code(where[item].linkId, where[item].concept, domains[item]);
      if (v !== null) out[item] = v;
    }
    return out;
  }

  sins(): SinsAnswers {
    const l = LINKS.sins;
    const out: SinsAnswers = this.items(SINS_ANSWERS, SINS_DOMAINS);
    const levels = this.codes<SpinalLevel>(l.lesionLevels, "level", SPINAL_LEVELS);
    if (levels.length > 0) out.lesionLevels = SPINAL_LEVELS.filter((x) => levels.includes(x));
    return out;
  }

  tokuhashi(): TokuhashiAnswers {
    const l = LINKS.tokuhashi;
    const out: TokuhashiAnswers = {};
    const kps = this.number(l.kps, 10, 100, true);
    if (kps !== null && kps % 10 === 0) out.kps = kps;
    else if (kps !== null) this.unrecognised(l.kps);
    return { ...out, ...this.items(TOKUHASHI_ANSWERS, TOKUHASHI_DOMAINS) };
  }
}
