/**
 * The write side of the view, bound to one launch: the questionnaires panel (src/forms, its own chunk) and
 * "Save assessment" (SINS and Tokuhashi answers as the app's QuestionnaireResponses). Both load on first use.
 */
import type Client from "fhirclient/lib/Client";
import type { AppConfig } from "../../launch/config";
import type { LaunchContext } from "../fhir";
import type { FormsSlotProps, Session } from "./App";

export function writeTools(client: Client, context: LaunchContext, config: AppConfig): Pick<Session, "save" | "loadFormsPanel"> {
  const loadFormsPanel = async () => {
    const [forms, transport] = await Promise.all([import("../forms/FormsPanel"), import("../writeback/transport")]);
    const send = transport.clientSend(client);
    const Panel = forms.default;
    function BoundFormsPanel({ onStored }: FormsSlotProps) {
      return (
        <Panel
          send={send}
          launch={context}
          valueSetId={config.defaultValueSet}
          canonicalBase={config.questionnaireBase}
          onStored={() => onStored()}
        />
      );
    }
    return { default: BoundFormsPanel };
  };
  return { loadFormsPanel };
}
