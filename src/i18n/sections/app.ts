import { defineSection } from "../catalogue";

/** Strings of the clinician view, banner, launch and error states (owned by the UI). */
export const appStrings = defineSection(
  {
    "app.title": "Spinal metastasis: stability, prognosis and expected QOL",
  },
  {
    "app.title": "脊椎転移：不安定性・予後・QOLの見通し",
  },
);
