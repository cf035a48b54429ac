import type { MessageKey } from "../i18n";
import { useTranslator } from "../i18n/react";
import { faultParams, faultText, PANELS_OF_SEARCH, type AppFault, type Panel, type UnavailableSearch } from "./faults";

/** A fault that stops the whole view: what happened and what to do, with a retry where it can help. */
export function FaultView({ fault, onRetry }: { fault: AppFault; onRetry?: (() => void) | undefined }) {
  const { t } = useTranslator();
  const text = faultText(fault);
  const params = faultParams(fault);
  return (
    <section className="fault" role="alert" data-testid={`fault-${fault.kind}`}>
      <h2>{t(text.title, params)}</h2>
      <p>{t(text.body, params)}</p>
      {"retryAfterMs" in fault && fault.retryAfterMs !== null ? <p>{t("app.fault.wait", params)}</p> : null}
      {text.retry && onRetry ? (
        <button type="button" onClick={onRetry}>
          {t("app.fault.retry")}
        </button>
      ) : null}
    </section>
  );
}

const SEARCH_LABEL: Record<UnavailableSearch["search"], MessageKey> = {
  Condition: "app.search.Condition",
  Observation: "app.search.Observation",
  QuestionnaireResponse: "app.search.QuestionnaireResponse",
};

/** On one panel: which searches it depends on could not be read (scope missing, server busy …). */
export function PanelNotice({ panel, unavailable }: { panel: Panel; unavailable: readonly UnavailableSearch[] }) {
  const { t } = useTranslator();
  const relevant = unavailable.filter((u) => PANELS_OF_SEARCH[u.search].includes(panel));
  if (relevant.length === 0) return null;
  return (
    <div className="panel-notice" role="note" data-testid={`notice-${panel}`}>
      <ul>
        {relevant.map((u) => (
          <li key={u.search}>
            <span aria-hidden="true">! </span>
            {t(u.fault.kind === "forbidden" ? "app.notice.scope" : "app.notice.unreadable", {
              data: t(SEARCH_LABEL[u.search]),
              reason: t(faultText(u.fault).title, faultParams(u.fault)),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
