// @vitest-environment jsdom
/** Issue 11 item 16 in the view: an item whose report left evidence out says how much ("and 980 more"). */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { createTranslator, type Locale } from "../../../src/i18n";
import { TranslatorProvider } from "../../../src/i18n/react";
import type { Provenance } from "../../../src/report/types";
import { ProvenanceList } from "../../../src/ui/score/ProvenanceList";

afterEach(() => cleanup());

const kps = (i: number): Provenance => ({
  reference: `Observation/k${i}`,
  date: "2024-05-01T09:00:00Z",
  code: "http://loinc.org|89243-0",
});

function show(locale: Locale, provenance: Provenance[], omitted?: number) {
  return render(
    <TranslatorProvider translator={createTranslator(locale)}>
      <ProvenanceList provenance={provenance} omitted={omitted} itemLabel="General condition" />
    </TranslatorProvider>,
  );
}

describe("ProvenanceList with evidence left out", () => {
  it("lists the 20 kept and says 'and 980 more'; the count for screen readers is the whole 1 000", () => {
    const { container } = show(
      "en",
      Array.from({ length: 20 }, (_, i) => kps(i)),
      980,
    );
    expect(container.querySelectorAll("ul.provenance > li:not(.provenance-more):not(.visually-hidden)")).toHaveLength(
      20,
    );
    expect(screen.getByText("and 980 more (older or the same date)")).toBeInTheDocument();
    expect(screen.getByText("1,000 sources")).toHaveClass("visually-hidden");
  });

  it("in Japanese", () => {
    show("ja", [kps(1), kps(2)], 5);
    expect(screen.getByText("ほか 5 件（同日またはそれ以前）")).toBeInTheDocument();
    expect(screen.getByText("出典 7 件")).toBeInTheDocument();
  });

  it("nothing left out: no 'more' line", () => {
    const { container } = show("en", [kps(1), kps(2)]);
    expect(container.querySelector(".provenance-more")).toBeNull();
    expect(screen.getByText("2 sources")).toBeInTheDocument();
  });
});
