import { useId, useState } from "react";
import type { Provenance } from "../../report/types";
import { coreText } from "../../i18n/core";
import { useTranslator } from "../../i18n/react";
import { resourceType, splitCode } from "../format";

/**
 * The evidence behind one item: per resource its type and date; a click (or Enter/Space) on it shows the
 * resource's reference, code and display (shown as written), and the extraction's note in the view's language.
 * A long chart's item lists its newest evidence and says how much more there is ("and 980 more").
 * Text only: narrative HTML of a resource is never rendered.
 */
export function ProvenanceList({
  provenance,
  omitted = 0,
  itemLabel,
}: {
  provenance: readonly Provenance[];
  /** Evidence the report left out beyond the newest listed (ReportItem.provenanceOmitted): "and N more". */
  omitted?: number | undefined;
  itemLabel: string;
}) {
  const { t } = useTranslator();
  if (provenance.length === 0) return null;
  const count = provenance.length + omitted;
  return (
    <ul className="provenance">
      {provenance.map((p, i) => (
        <ProvenanceEntry key={`${p.reference ?? "none"}-${i}`} provenance={p} itemLabel={itemLabel} />
      ))}
      {omitted > 0 ? <li className="provenance-more">{t("app.prov.more", { count: omitted })}</li> : null}
      {count > 1 ? <li className="visually-hidden">{t("app.prov.count", { count })}</li> : null}
    </ul>
  );
}

function ProvenanceEntry({ provenance, itemLabel }: { provenance: Provenance; itemLabel: string }) {
  const { t, date, locale } = useTranslator();
  const [open, setOpen] = useState(false);
  const detailId = useId();
  const type = resourceType(provenance.reference);
  const summary = [type ?? t("app.prov.noResource"), provenance.date ? date(provenance.date) : t("app.prov.noDate")].join(
    " · ",
  );
  const code = splitCode(provenance.code);
  return (
    <li>
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={detailId}
        aria-label={t("app.prov.toggle", { item: itemLabel, source: summary })}
        onClick={() => setOpen((o) => !o)}
      >
        {summary}
      </button>
      <dl id={detailId} className="provenance-detail" hidden={!open}>
        <dt>{t("app.prov.reference")}</dt>
        <dd>{provenance.reference ?? t("app.prov.noResource")}</dd>
        {provenance.date ? (
          <>
            <dt>{t("app.prov.date")}</dt>
            <dd>{date(provenance.date)}</dd>
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
            <dd>{provenance.author}</dd>
          </>
        ) : null}
        {provenance.note ? (
          <>
            <dt>{t("app.prov.note")}</dt>
            <dd>{coreText(locale, provenance.noteCode, provenance.note)}</dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}
