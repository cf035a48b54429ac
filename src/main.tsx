/**
 * The app entry (index.html, the SMART redirect target): completes the launch, loads the patient's record,
 * and renders the clinician's view. The extraction/scoring engine and the view are separate chunks fetched
 * while the launch completes. Styles come from files (CSP: style-src 'self').
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { loadAppConfig } from "../launch/config";
import { formatterWarmUps, LOCALES } from "./i18n";
import { launchContext, loadOptionsFromConfig, loadPatientRecord, readUserName, readySession } from "./fhir";
import { App } from "./ui/App";
import { loadSession } from "./ui/loadSession";
import { writeTools } from "./ui/writeTools";
import "./ui/styles/app.css";
import "./ui/styles/print.css";

/**
 * A fresh page's first Intl formatters load the browser's locale data: tens to hundreds of ms of main thread.
 * Done while the FHIR searches are in flight (the thread waits for the server then), one formatter per task so
 * that the answers are not held up, not in the first render after the record is in. Both languages: the one
 * shown is decided with the record (launch context, choice).
 */
function warmIntl(): void {
  const steps = LOCALES.flatMap(formatterWarmUps);
  const next = (): void => {
    steps.shift()?.();
    if (steps.length > 0) setTimeout(next, 0);
  };
  next();
}

const load = () =>
  loadSession({
    readySession: () => readySession(),
    launchContext,
    loadConfig: () => loadAppConfig(),
    loadEngine: () => import("./ui/engine").then((m) => m.engine),
    loadPatientRecord: (client, config, context, observationCodes) => {
      const record = loadPatientRecord(
        client,
        loadOptionsFromConfig(config, observationCodes, { patientId: context.patientId }),
      );
      setTimeout(warmIntl, 0); // after the searches are sent
      return record;
    },
    userName: readUserName,
    writeTools,
  });

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App load={load} browserLocales={navigator.languages ?? [navigator.language]} cardsAfterFirstPaint />
    </StrictMode>,
  );
}
