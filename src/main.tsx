/**
 * The app entry (index.html, the SMART redirect target): completes the launch, loads the patient's record,
 * and renders the clinician's view. The extraction/scoring engine and the view are separate chunks fetched
 * while the launch completes. Styles come from files (CSP: style-src 'self').
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { loadAppConfig } from "../launch/config";
import { launchContext, loadOptionsFromConfig, loadPatientRecord, pickName, readySession } from "./fhir";
import { App } from "./ui/App";
import { loadSession, readUserName } from "./ui/session";
import { writeTools } from "./ui/writeTools";
import "./ui/styles/app.css";
import "./ui/styles/print.css";

const load = () =>
  loadSession({
    readySession: () => readySession(),
    launchContext,
    loadConfig: () => loadAppConfig(),
    loadEngine: () => import("./ui/engine").then((m) => m.engine),
    loadPatientRecord: (client, config, context, observationCodes) =>
      loadPatientRecord(client, loadOptionsFromConfig(config, observationCodes, { patientId: context.patientId })),
    userName: (client, context) => readUserName(client, context, pickName),
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
