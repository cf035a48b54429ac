import { defineSection } from "../catalogue";

/**
 * Strings of the CDS Hooks service (src/cds): the discovery entry, the card's summary, detail (markdown),
 * source and link. Registered by src/cds (registerSection), never loaded by the browser app. Score classes
 * and item names are the app's own keys (`app.sins.category.*`, `app.tok.prognosis.*`, `app.sins.item.*`,
 * `app.tok.item.*`, `app.group.short.*`), so that the card says what the view says.
 */
export const cdsStrings = defineSection(
  {
    "cds.service.title": "Spinal metastasis: SINS, revised Tokuhashi and the study's segment group",
    "cds.service.description":
      "When a chart with a spinal metastasis opens: the levels, the SINS and revised Tokuhashi (2005) scores or their ranges from the record, what is missing to close each range, and a link that opens the SMART app.",
    "cds.summary.lead": "Spinal metastasis {levels}",
    "cds.summary.sins": "SINS {figure}",
    "cds.summary.tokuhashi": "Tokuhashi {figure}",
    "cds.summary.separator": " · ",
    "cds.figure.words": "{figure} ({words})",
    "cds.verdict.sinsAtLeast7.short": "≥ 7: potentially unstable or unstable",
    "cds.level.notCoded": "level not coded",
    "cds.level.regionNotCoded": "{region}, level not coded",
    "cds.detail.sins": "**SINS {figure}** (Fisher 2010): {words}.",
    "cds.detail.tokuhashi": "**Revised Tokuhashi {figure}** (2005), predicted survival: {words}.",
    "cds.detail.allows": "the range allows {words}",
    "cds.detail.toClose": "To close the range: {items}.",
    "cds.detail.complete": "Every item is known.",
    "cds.detail.study.yes": "**Study population:** resembles it ({group} group; 1–3 contiguous vertebrae, age ≥ 20).",
    "cds.detail.study.no": "**Study population:** differs from it: {reasons}.",
    "cds.detail.study.unknown": "**Study population:** cannot tell: {reasons}.",
    "cds.detail.study.note":
      "The study's QOL figures are group means of a Japanese cohort after palliative surgery, not a prediction for one patient.",
    "cds.detail.missing":
      "**Not available to this service:** {what}. The ranges may be wider than the record allows; the app reads the whole record.",
    "cds.detail.firstPageOnly": "{what} (only the first page was sent)",
    "cds.detail.unreadable": "**Left out:** {count} resource(s) could not be read ({list}).",
    "cds.detail.partial": "Some data could not be read: the figures are not final.",
    "cds.data.patient": "the Patient (age, sex)",
    "cds.data.conditions": "the Conditions",
    "cds.data.observations": "the Observations (performance status, palsy)",
    "cds.data.procedures": "the spinal surgery Procedures",
    "cds.data.questionnaireResponses": "the app's questionnaires",
    "cds.source.label":
      "Spinal metastasis decision support (SINS, revised Tokuhashi) · Segi et al., Global Spine J 2025",
    "cds.link.label": "Open the spinal metastasis app",
  },
  {
    "cds.service.title": "脊椎転移：SINS・改訂徳橋スコア・研究の部位群",
    "cds.service.description":
      "脊椎転移のある患者のカルテを開いたとき：転移レベル、記録から求めた SINS と改訂徳橋スコア（2005）またはその範囲、範囲を確定するのに足りない項目、SMART アプリを開くリンク。",
    "cds.summary.lead": "脊椎転移 {levels}",
    "cds.summary.sins": "SINS {figure}",
    "cds.summary.tokuhashi": "徳橋 {figure}",
    "cds.summary.separator": " · ",
    "cds.figure.words": "{figure}（{words}）",
    "cds.verdict.sinsAtLeast7.short": "7以上：潜在的不安定または不安定",
    "cds.level.notCoded": "レベル未コード化",
    "cds.level.regionNotCoded": "{region}、レベル未コード化",
    "cds.detail.sins": "**SINS {figure}**（Fisher 2010）：{words}。",
    "cds.detail.tokuhashi": "**改訂徳橋スコア {figure}**（2005）、予測生存期間：{words}。",
    "cds.detail.allows": "範囲内で取りうる分類：{words}",
    "cds.detail.toClose": "範囲を確定するには：{items}。",
    "cds.detail.complete": "すべての項目が判明しています。",
    "cds.detail.study.yes": "**研究対象集団：** 類似（{group}群、連続する1–3椎体、20歳以上）。",
    "cds.detail.study.no": "**研究対象集団：** 異なる：{reasons}。",
    "cds.detail.study.unknown": "**研究対象集団：** 判定できない：{reasons}。",
    "cds.detail.study.note":
      "研究の QOL の数値は緩和的手術を受けた日本人コホートの群平均であり、個々の患者の予測ではありません。",
    "cds.detail.missing":
      "**このサービスが取得できなかったデータ：** {what}。範囲は記録から求まるより広い可能性があります。アプリは記録全体を読み込みます。",
    "cds.detail.firstPageOnly": "{what}（最初のページのみ）",
    "cds.detail.unreadable": "**除外：** {count} 件のリソースを読み取れませんでした（{list}）。",
    "cds.detail.partial": "一部のデータを読み取れませんでした。数値は確定ではありません。",
    "cds.data.patient": "患者情報（年齢・性別）",
    "cds.data.conditions": "病名（Condition）",
    "cds.data.observations": "観察（Observation：全身状態・麻痺）",
    "cds.data.procedures": "脊椎手術（Procedure）",
    "cds.data.questionnaireResponses": "アプリの質問票",
    "cds.source.label": "脊椎転移の意思決定支援（SINS・改訂徳橋スコア）· Segi ら、Global Spine J 2025",
    "cds.link.label": "脊椎転移アプリを開く",
  },
);

export type CdsKey = keyof typeof cdsStrings.en;
