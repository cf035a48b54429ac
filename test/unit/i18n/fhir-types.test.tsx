// @vitest-environment jsdom
/**
 * The FHIR resource types the user sees (issue 14, item 9): named in one place (src/i18n/sections/fhir.ts), in
 * Japanese words in Japanese, and used wherever a reference reaches the screen — the core's messages (`ref`,
 * `refs`), the evidence line, its technical details and the diagnostics. English keeps the references as written.
 */
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/react";
import "../../../src/i18n/core"; // the core's section, as the clinician view loads it
import { createTranslator, formatReference, type Locale } from "../../../src/i18n";
import { TranslatorProvider } from "../../../src/i18n/react";
import { FHIR_TYPES, fhirStrings, fhirTypeKey } from "../../../src/i18n/sections/fhir";
import { translateExactly } from "../../../src/i18n/translate";
import { DiagnosticsDrawer } from "../../../src/ui/DiagnosticsDrawer";
import { ProvenanceList } from "../../../src/ui/score/ProvenanceList";

describe("FHIR resource types in the catalogue", () => {
  it("names every type in Japanese words, and keeps the type's own name in English", () => {
    for (const type of FHIR_TYPES) {
      expect(fhirStrings.en[fhirTypeKey(type)], type).toBe(type);
      expect(fhirStrings.ja[fhirTypeKey(type)], type).toMatch(/^[^A-Za-z]+$/);
    }
  });

  it("writes a reference with its type's name: as written in English, in Japanese words in Japanese", () => {
    expect(formatReference("en", "Condition/met-c3")).toBe("Condition/met-c3");
    expect(formatReference("ja", "Condition/met-c3")).toBe("病名・状態 met-c3");
    expect(formatReference("ja", "QuestionnaireResponse/qr-1")).toBe("質問票の回答 qr-1");
    // Not a relative reference of a named type: as written.
    expect(formatReference("ja", "Basic/b1")).toBe("Basic/b1");
    expect(formatReference("ja", "https://ehr.example/fhir/Condition/1")).toBe("https://ehr.example/fhir/Condition/1");
  });
});

describe("references in the core's messages", () => {
  const ja = createTranslator("ja");
  const en = createTranslator("en");

  it("says the type in Japanese in a message's `ref` and in every item of a `refs` list", () => {
    const dated = { code: "term.ref-dated", params: { ref: "QuestionnaireResponse/qr-ecog", day: "2026-10-15" } };
    expect(ja.message(dated)).toBe("質問票の回答 qr-ecog（2026-10-15）");
    expect(en.message(dated)).toBe("QuestionnaireResponse/qr-ecog of 2026-10-15");
    const also = {
      code: "prov.also",
      params: { refs: { join: "comma" as const, items: ["Observation/kps-1", "Condition/met-t9"] } },
    };
    expect(ja.message(also)).toBe("ほかに観察値 kps-1、病名・状態 met-t9");
    expect(en.message(also)).toBe("also Observation/kps-1, Condition/met-t9");
  });

  it("keeps a message in Japanese when a reference's type has no name (it is written as is)", () => {
    expect(translateExactly("ja", "core.term.ref-dated", { ref: "Basic/b1", day: "2026-10-15" })).toBe(
      "Basic/b1（2026-10-15）",
    );
  });
});

describe("references on screen", () => {
  function inLocale(locale: Locale, ui: ReactNode) {
    return render(<TranslatorProvider translator={createTranslator(locale)}>{ui}</TranslatorProvider>);
  }

  it("evidence from a type without its own wording is named in Japanese, in its details too", () => {
    inLocale(
      "ja",
      <ProvenanceList
        itemLabel="ECOG"
        provenance={[
          {
            reference: "Encounter/enc-1",
            date: "2026-10-15",
            code: null,
            display: "外来",
            author: "Practitioner/dr-1",
          },
        ]}
      />,
    );
    expect(screen.getByText("受診")).toBeInTheDocument();
    expect(screen.getByText("受診 enc-1")).toBeInTheDocument();
    expect(screen.getByText("医療者 dr-1")).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/Encounter|Practitioner/);
  });

  it("the diagnostics name the resource in Japanese", () => {
    inLocale(
      "ja",
      <DiagnosticsDrawer
        diagnostics={[
          { severity: "info", message: { code: "time.boundary.unknown" }, resource: "Procedure/surgery-1" },
        ]}
      />,
    );
    expect(screen.getByTestId("diagnostics")).toHaveTextContent("処置・手術 surgery-1");
    expect(screen.getByTestId("diagnostics")).not.toHaveTextContent("Procedure/");
  });
});
