import type { CoreMessage } from "../../scores/types";
import type { Provenance } from "../../report/types";
import { coreText } from "../../i18n/core";
import { formatReference, type MessageKey } from "../../i18n";
import { useTranslator } from "../../i18n/react";
import { fhirTypeKey, isFhirType } from "../../i18n/sections/fhir";
import { kpsCategory } from "../../scores";
import { resourceType, splitCode } from "../format";

/** Where a piece of evidence came from, in words: by the resource type of its reference. */
const WHERE: Record<string, MessageKey> = {
  Condition: "app.prov.where.Condition",
  Observation: "app.prov.where.Observation",
  QuestionnaireResponse: "app.prov.where.QuestionnaireResponse",
  Procedure: "app.prov.where.Procedure",
};

/**
 * The evidence behind one item, one line in plain words per piece: what it is (the value it claimed, e.g.
 * "ECOG 1" or "KPS 60 → moderate", else the coding's display as written, else the item's name), where it is
 * from (problem list, observation, questionnaire) and its date in the view's locale. The technical details
 * (resource, code, code system, author, the extraction's note) are folded under it.
 * A long chart's item lists its newest evidence and says how much more there is ("and 980 more").
 * Text only: narrative HTML of a resource is never rendered.
 */
export function ProvenanceList({
  provenance,
  omitted = 0,
  itemLabel,
  claims,
}: {
  provenance: readonly Provenance[];
  /** Evidence the report left out beyond the newest listed (ReportItem.provenanceOmitted): "and N more". */
  omitted?: number | undefined;
  itemLabel: string;
  /** What each resource claimed, by reference, as the item's context names it (claims.ts); Provenance.claim first. */
  claims?: ReadonlyMap<string, CoreMessage> | undefined;
}) {
  const { t } = useTranslator();
  if (provenance.length === 0) return null;
  const count = provenance.length + omitted;
  return (
    <ul className="provenance">
      {provenance.map((p, i) => (
        <ProvenanceEntry
          key={`${p.reference ?? "none"}-${i}`}
          provenance={p}
          itemLabel={itemLabel}
          claim={p.claim ?? (p.reference ? claims?.get(p.reference) : undefined)}
        />
      ))}
      {omitted > 0 ? <li className="provenance-more">{t("app.prov.more", { count: omitted })}</li> : null}
      {count > 1 ? <li className="visually-hidden">{t("app.prov.count", { count })}</li> : null}
    </ul>
  );
}

/** The calendar day of a FHIR date as written ("2025-06-18T09:10:00+09:00" → "2025-06-18"): the record's day, whatever the browser's zone. */
export function dayOf(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(iso);
  return m?.[1] ?? iso;
}

/** The Tokuhashi band of a KPS value (the scoring core's table); null for a value outside the scale. */
function kpsBand(kps: number): string | null {
  try {
    return kpsCategory(kps);
  } catch {
    return null;
  }
}

function ProvenanceEntry({
  provenance,
  itemLabel,
  claim,
}: {
  provenance: Provenance;
  itemLabel: string;
  claim: CoreMessage | undefined;
}) {
  const { t, date, locale } = useTranslator();
  const type = resourceType(provenance.reference);
  const what = claim ? claimText(claim) : (provenance.display ?? itemLabel);
  const whereKey = type ? WHERE[type] : provenance.reference === null ? "app.prov.where.clinician" : undefined;
  // Another type of resource: its name in the locale (src/i18n/sections/fhir.ts), or as written.
  const where = whereKey
    ? t(whereKey)
    : type
      ? isFhirType(type)
        ? t(fhirTypeKey(type))
        : type
      : t("app.prov.noResource");
  const when = provenance.date ? date(dayOf(provenance.date)) : t("app.prov.noDate");
  const note = provenance.note ? coreText(locale, provenance.note) : null;
  const code = splitCode(provenance.code);

  function claimText(c: CoreMessage): string {
    const text = coreText(locale, c);
    const kps = c.params?.value;
    if (c.code === "claim.kps" && typeof kps === "number" && text) {
      const category = kpsBand(kps);
      if (category)
        return t("app.prov.kps", {
          claim: text,
          category: coreText(locale, { code: `value.generalCondition.${category}` }),
        });
    }
    return text || (provenance.display ?? itemLabel);
  }

  return (
    <li className="provenance-entry">
      <span className="provenance-line">
        <span className="provenance-what">{what}</span> · <span>{where}</span> ·{" "}
        <span className="provenance-date">{when}</span>
        {note ? <span className="provenance-note"> ({note})</span> : null}
      </span>
      <details className="provenance-tech no-print">
        <summary>
          {t("app.prov.details")}
          <span className="visually-hidden">
            {" "}
            {t("app.prov.detailsOf", { item: itemLabel, source: `${what} · ${where} · ${when}` })}
          </span>
        </summary>
        <dl className="provenance-detail">
          <dt>{t("app.prov.reference")}</dt>
          <dd>{provenance.reference ? formatReference(locale, provenance.reference) : t("app.prov.noResource")}</dd>
          {provenance.date ? (
            <>
              <dt>{t("app.prov.date")}</dt>
              <dd>{provenance.date}</dd>
            </>
          ) : null}
          <dt>{t("app.prov.code")}</dt>
          <dd>{code ? code.code : t("app.prov.noCode")}</dd>
          {code?.system ? (
            <>
              <dt>{t("app.prov.system")}</dt>
              <dd>{code.system}</dd>
            </>
          ) : null}
          <dt>{t("app.prov.display")}</dt>
          <dd>{provenance.display ?? t("app.prov.noDisplay")}</dd>
          {provenance.author ? (
            <>
              <dt>{t("app.prov.author")}</dt>
              <dd>{formatReference(locale, provenance.author)}</dd>
            </>
          ) : null}
          {note ? (
            <>
              <dt>{t("app.prov.note")}</dt>
              <dd>{note}</dd>
            </>
          ) : null}
        </dl>
      </details>
    </li>
  );
}
