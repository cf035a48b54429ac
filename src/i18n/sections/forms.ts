import { defineSection } from "../catalogue";

/** Strings of the questionnaire renderer, write-back and patient self-report mode. */
export const formStrings = defineSection(
  {
    "forms.submit": "Submit",
  },
  {
    "forms.submit": "送信",
  },
);
