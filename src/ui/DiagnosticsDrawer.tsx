import type { Diagnostic, DiagnosticSeverity } from "../report/types";
import { formatReference, type MessageKey } from "../i18n";
import { diagnosticText } from "../i18n/core";
import { useTranslator } from "../i18n/react";

const SEVERITY: Record<DiagnosticSeverity, { key: MessageKey; mark: string }> = {
  error: { key: "app.diag.error", mark: "✕" },
  warning: { key: "app.diag.warning", mark: "!" },
  info: { key: "app.diag.info", mark: "i" },
};
const ORDER: Record<DiagnosticSeverity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Every skipped resource, conflict and fallback the core and the data-access layer reported, most severe first.
 * The messages are their clinician words, in the view's language when they gave their code (else the English);
 * the severity is written out (never colour alone) and the resource named.
 */
export function DiagnosticsDrawer({ diagnostics }: { diagnostics: readonly Diagnostic[] }) {
  const { t, locale } = useTranslator();
  const sorted = [...diagnostics].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const warnings = diagnostics.filter((d) => d.severity !== "info").length;
  return (
    <details className="card diagnostics no-print" data-testid="diagnostics">
      <summary>
        {t("app.diag.title", { count: diagnostics.length })}
        {warnings > 0 ? <span className="tag"> {t("app.diag.needAttention", { count: warnings })}</span> : null}
      </summary>
      {sorted.length === 0 ? (
        <p>{t("app.diag.none")}</p>
      ) : (
        <ul>
          {sorted.map((d, i) => (
            <li key={`${i}-${d.resource ?? ""}`} className={`diag diag-${d.severity}`}>
              <span className="diag-severity">
                <span aria-hidden="true">{SEVERITY[d.severity].mark} </span>
                {t(SEVERITY[d.severity].key)}:
              </span>{" "}
              {diagnosticText(locale, d)}
              {d.resource ? (
                <span className="diag-resource">
                  {" "}
                  ({t("app.diag.resource", { resource: formatReference(locale, d.resource) })})
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
