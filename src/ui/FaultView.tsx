import { useEffect, useState } from "react";
import type { MessageKey } from "../i18n";
import { useTranslator } from "../i18n/react";
import { appFaultCode, faultText, PANELS_OF_SEARCH, type AppFault, type Panel, type UnavailableSearch } from "./faults";

/** Whole seconds until `waitMs` after the first render has passed (0 at once when there is no wait). */
function useSecondsLeft(waitMs: number | null): number {
  const [deadline] = useState(() => Date.now() + (waitMs ?? 0));
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (now >= deadline) return;
    // The next tick from the clock as it is now (a render may come later than the tick that asked for it).
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, Math.min(1000, deadline - Date.now())));
    return () => clearTimeout(timer);
  }, [deadline, now]);
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/**
 * A fault that stops the whole view: its title, what happened (the fault's one sentence, with the server's
 * wait when it asked one) and what to do, with a retry where it can help. When the server asked to wait
 * (Retry-After), the retry is held back until then: trying sooner would only be refused.
 */
export function FaultView({ fault, onRetry }: { fault: AppFault; onRetry?: (() => void) | undefined }) {
  const { t, message } = useTranslator();
  const text = faultText(fault);
  const waitMs = "retryAfterMs" in fault ? fault.retryAfterMs : null;
  const secondsLeft = useSecondsLeft(waitMs);
  return (
    <section className="fault" role="alert" data-testid={`fault-${fault.kind}`}>
      <h2>{t(text.title)}</h2>
      <p>{message(appFaultCode(fault))}</p>
      {text.advice !== null ? <p>{t(text.advice)}</p> : null}
      {(fault.kind === "authorization-denied" || fault.kind === "token-exchange-failed") && fault.error !== null ? (
        <p data-testid="oauth-error">
          {t("app.fault.oauth.answer", { error: fault.error })}
          {fault.description !== null ? (
            <>
              <br />
              {t("app.fault.oauth.description", { description: fault.description })}
            </>
          ) : null}
        </p>
      ) : null}
      {text.retry && onRetry ? (
        // aria-live off: the countdown is not re-announced every second inside the alert.
        <button type="button" onClick={onRetry} disabled={secondsLeft > 0} aria-live="off">
          {secondsLeft > 0 ? t("app.fault.retryIn", { seconds: secondsLeft }) : t("app.fault.retry")}
        </button>
      ) : null}
    </section>
  );
}

const SEARCH_LABEL: Record<UnavailableSearch["search"], MessageKey> = {
  Condition: "app.search.Condition",
  Observation: "app.search.Observation",
  QuestionnaireResponse: "app.search.QuestionnaireResponse",
  Procedure: "app.search.Procedure",
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
              reason: t(faultText(u.fault).title),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
