/**
 * The app entry (index.html, the SMART redirect target): completes the launch, loads the patient's record,
 * and renders the clinician's view. The extraction/scoring engine and the view are separate chunks fetched
 * while the launch completes. Styles come from files (CSP: style-src 'self').
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { loadAppConfig } from "../launch/config";
import { createTranslator, LOCALES } from "./i18n";
import { launchContext, loadOptionsFromConfig, loadPatientRecord, readUserName, readySession } from "./fhir";
import { App } from "./ui/App";
import { loadSession } from "./ui/loadSession";
import { writeTools } from "./ui/writeTools";
import "./ui/styles/app.css";
import "./ui/styles/print.css";

/**
 * A fresh page's first Intl formatter loads the browser's locale data: tens to hundreds of ms of main thread.
 * Done while the FHIR searches are in flight (the thread waits for the server then), not in the first render
 * after the record is in. Both languages: the one shown is decided with the record (launch context, choice).
 */
function warmIntl(): void {
  for (const locale of LOCALES) {
    const translator = createTranslator(locale);
    translator.number(0.5);
    translator.number(0.5, 3);
    translator.date("2000-01-01");
    translator.date("2000-01-01T00:00:00Z");
    new Intl.PluralRules(locale).select(1);
  }
}

const load = () =>
  loadSession({
    readySession: () => readySession(),
    launchContext,
    loadConfig: () => loadAppConfig(),
    loadEngine: () => import("./ui/engine").then((m) => m.engine),
    loadPatientRecord: (client, config, context, observationCodes) => {
      const record = loadPatientRecord(client, loadOptionsFromConfig(config, observationCodes, { patientId: context.patientId }));
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
      <App load={load} browserLocales={navigator.languages ?? [navigator.language]} />
    </StrictMode>,
  );
}
