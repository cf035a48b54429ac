// @vitest-environment jsdom
/** Issue 14 item 6 in the view: the general condition's evidence says the value that gave the band ("KPS 50 → moderate"). */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render } from "@testing-library/react";
import { createTranslator, type Locale } from "../../../src/i18n";
import { TranslatorProvider } from "../../../src/i18n/react";
import type { Provenance } from "../../../src/report/types";
import { ProvenanceList } from "../../../src/ui/score/ProvenanceList";

afterEach(() => cleanup());

const observation = (id: string, claim?: Provenance["claim"]): Provenance => ({
  reference: `Observation/${id}`,
  date: "2025-06-20T09:00:00+09:00",
  code: "http://loinc.org|89243-0",
  display: "Karnofsky Performance Status score",
  ...(claim ? { claim } : {}),
});

function show(locale: Locale, provenance: Provenance[]) {
  return render(
    <TranslatorProvider translator={createTranslator(locale)}>
      <ProvenanceList provenance={provenance} itemLabel="General condition" />
    </TranslatorProvider>,
  );
}

describe("the value behind the band (Provenance.claim)", () => {
  it("KPS 50 → moderate, where the record's display would say only what was measured", () => {
    const { container } = show("en", [observation("k50", { code: "claim.kps", params: { value: 50 } })]);
    expect(container.querySelector(".provenance-what")).toHaveTextContent(/^KPS 50 → moderate$/);
  });

  it("in Japanese: KPS 50 → 中等度 (the band's word of the catalogue)", () => {
    const { container } = show("ja", [observation("k50", { code: "claim.kps", params: { value: 50 } })]);
    const moderate = createTranslator("ja").message({ code: "value.generalCondition.moderate" });
    expect(moderate).not.toBe("moderate");
    expect(container.querySelector(".provenance-what")).toHaveTextContent(`KPS 50 → ${moderate}`);
  });

  it("an ECOG beside it says its grade, without a band", () => {
    const { container } = show("en", [observation("e", { code: "claim.ecog", params: { value: 3 } })]);
    expect(container.querySelector(".provenance-what")).toHaveTextContent(/^ECOG 3$/);
  });

  it("without a claim, the coding's display as before", () => {
    const { container } = show("en", [observation("k")]);
    expect(container.querySelector(".provenance-what")).toHaveTextContent(/^Karnofsky Performance Status score$/);
  });
});
