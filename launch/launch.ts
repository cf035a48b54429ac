/**
 * launch/: the SMART launch page (launch.html), the deployment configuration (app-config.json) and the CSP.
 * It starts the authorization and hands over; it never reads patient data.
 *
 * Entry of launch.html (the SMART launch URL registered with the EHR).
 * fhirclient's browser build keeps the launch state in sessionStorage; nothing goes to localStorage (the page
 * only reads the clinician's language choice from it).
 */
import FHIR from "fhirclient/lib/entry/browser";
import { browserPreferences } from "../src/ui/localePreference";
import { loadAppConfig } from "./config";
import { forgetLaunchState } from "../src/fhir/launch-state";
import { runLaunchPage } from "./start";

void runLaunchPage({
  document,
  href: window.location.href,
  languages: navigator.languages ?? [navigator.language],
  preferences: browserPreferences(),
  loadConfig: () => loadAppConfig(),
  authorize: (options) => FHIR.oauth2.authorize(options),
  navigate: (url) => window.location.assign(url),
  forgetLaunchState: () => forgetLaunchState(sessionStorage),
});
