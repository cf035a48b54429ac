// @vitest-environment jsdom
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { launchContext, readUserName } from "../../../src/fhir";
import { server } from "../../setup/msw-server";
import { BASE, fhirJson, makeClient } from "./helpers";

/** An unsigned JWT whose payload is `claims` (fhirclient only decodes it). */
function idToken(claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${part({ alg: "none", typ: "JWT" })}.${part(claims)}.`;
}

const patientScopes = "openid fhirUser launch patient/Patient.read patient/Observation.read";

describe("readUserName", () => {
  it("takes the id_token's name claim and reads nothing (an unexpected request fails the test)", async () => {
    const client = makeClient(
      {},
      { scope: patientScopes, id_token: idToken({ fhirUser: "Practitioner/7", name: "Dr Hanako Sato" }) },
    );
    expect(await readUserName(client, launchContext(client))).toBe("Dr Hanako Sato");
  });

  it("does not read Practitioner/7 with patient-level scopes only: no 403, no name", async () => {
    const client = makeClient({}, { scope: patientScopes, id_token: idToken({ fhirUser: "Practitioner/7" }) });
    const context = launchContext(client);
    expect(context.fhirUser).toBe("Practitioner/7");
    expect(await readUserName(client, context)).toBeNull();
  });

  it("reads the fhirUser resource when a granted scope allows it", async () => {
    let reads = 0;
    server.use(
      http.get(`${BASE}/Practitioner/7`, () => {
        reads += 1;
        return HttpResponse.json(
          { resourceType: "Practitioner", id: "7", name: [{ family: "Sato", given: ["Hanako"] }] },
          { headers: fhirJson },
        );
      }),
    );
    const client = makeClient(
      {},
      { scope: `${patientScopes} user/Practitioner.read`, id_token: idToken({ fhirUser: "Practitioner/7" }) },
    );
    expect(await readUserName(client, launchContext(client))).toBe("Sato, Hanako");
    expect(reads).toBe(1);
  });
});
