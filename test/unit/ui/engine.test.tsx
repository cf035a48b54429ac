// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DEFAULT_CONFIG } from "../../../launch/config";
import type { LaunchContext, PatientRecord } from "../../../src/fhir";
import { engine } from "../../../src/ui/engine";
import { fixtureRecord, renderApp, session } from "./helpers";
import { chooseEntry } from "./entry";

/** A shared fixture: T12 metastasis (TL/L/S), KPS on file, visceral and extraspinal findings. */
function record(): PatientRecord {
  return fixtureRecord("visceral-extraspinal", "warning");
}

const context = {
  patientId: "visceral-extraspinal",
  needPatientBanner: true,
  locale: null,
  fhirUser: null,
} as LaunchContext;

describe("the view on the real extraction and scoring engine", () => {
  it("asks the Observation search for the codes the extraction reads", () => {
    expect(engine.observationCodes()).toContain("http://loinc.org|89243-0"); // KPS
  });

  it("shows the record's scores and re-scores on every entry", async () => {
    const user = userEvent.setup();
    const score = engine.makeScorer({
      record: record(),
      context,
      config: DEFAULT_CONFIG,
      now: new Date("2025-01-01T00:00:00Z"),
    });
    renderApp(session({ score }));
    expect(await screen.findByTestId("segment-group")).toHaveTextContent("TL/L/S");
    expect(screen.getByTestId("segment-levels")).toHaveTextContent("T12");
    // T12 junctional 3, every other SINS item unknown: 3–18.
    expect(screen.getByTestId("sins-range")).toHaveTextContent("3–18");
    expect(screen.getByTestId("tokuhashi-range")).toHaveTextContent("3–11");
    expect(screen.getByTestId("diagnostics")).toHaveTextContent(
      "The EHR does not accept searching Observations by code",
    );

    await chooseEntry(user, "Pain", "Mechanical pain · 3");
    expect(screen.getByTestId("sins-range")).toHaveTextContent("6–18");
    await chooseEntry(user, "Palsy", "Frankel E: normal · Tokuhashi: none · 2");
    expect(screen.getByTestId("tokuhashi-range")).toHaveTextContent("5–11");
    expect(screen.getByTestId("tokuhashi-palsy-points")).toHaveTextContent("2");
  });
});
