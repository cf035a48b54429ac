/**
 * The signed-in user's display name, without asking for more than the launch granted: the id_token's `name`
 * claim (OpenID Connect) when present; otherwise the fhirUser resource, read only when a granted scope allows
 * reading that resource type (an EHR launch with patient-level scopes would answer 403). Read with fhirRequest,
 * never client.request (which drops the whole session on a 401). Null when neither is available: the view then
 * says in words that the name is not available (never the fhirUser reference).
 */
import type Client from "fhirclient/lib/Client";
import type { Patient } from "fhir/r4";
import { pickName } from "./banner";
import type { LaunchContext } from "./context";
import { fhirRequest } from "./request";
import { parseScopes, scopeAllows } from "./scopes";

const USER_REFERENCE = /^(Practitioner|PractitionerRole|Patient|Person|RelatedPerson)\/[^/]+$/;

export async function readUserName(client: Client, context: LaunchContext): Promise<string | null> {
  const claimed: unknown = client.getIdToken()?.name;
  if (typeof claimed === "string" && claimed.trim()) return claimed.trim();
  const resourceType = context.fhirUser ? USER_REFERENCE.exec(context.fhirUser)?.[1] : undefined;
  if (!context.fhirUser || !resourceType) return null;
  if (!context.openServer && !scopeAllows(parseScopes(context.scopes.join(" ")), resourceType, "r")) return null;
  const res = await fhirRequest<Partial<Patient>>(client, { url: context.fhirUser }, { maxRetries: 0 });
  return pickName(res.body?.name);
}
