/**
 * The launch page's words: every problem a launch can stop with, in English and Japanese, through the one
 * translator and the launch section alone; and the page's language picked as the app picks it (the clinician's
 * stored choice first, then the browser's languages).
 */
import { describe, expect, it } from "vitest";
import { launchTranslator } from "../../../launch/messages";
import type { LaunchProblem } from "../../../launch/launch-plan";
import { describeProblem } from "../../../launch/start";
import { missingIn } from "../../../src/i18n/translate";
import { LOCALE_PREFERENCE_KEY, type PreferenceStorage } from "../../../src/ui/localePreference";

const PROBLEMS: LaunchProblem[] = [
  { code: "missing-iss" },
  { code: "invalid-server-url", url: "ftp://x" },
  { code: "insecure-server-url", url: "http://ehr.example/fhir" },
  { code: "no-allowlist", url: "https://ehr.example/fhir" },
  { code: "server-not-allowed", url: "https://evil.example/fhir" },
  { code: "open-server-disabled", url: "https://open.example/fhir" },
  { code: "no-authorization", url: "https://open.example/fhir" },
  { code: "forbidden-parameter", name: "patientId" },
  { code: "missing-patient" },
  { code: "bad-config", problems: ["unknown setting: clientID"] },
  { code: "pkce-unsupported", server: "ehr.example" },
  { code: "authorize-failed", server: "ehr.example", detail: "no redirect" },
];

function stored(value: string | null): PreferenceStorage {
  return { getItem: (key) => (key === LOCALE_PREFERENCE_KEY ? value : null), setItem: () => undefined };
}

describe("the launch page's problems", () => {
  it.each(PROBLEMS.map((p) => [p.code, p] as const))(
    "%s: a title and lines in both languages, each word from the launch section",
    (_code, problem) => {
      for (const languages of [["en-GB"], ["ja-JP"]]) {
        const tr = launchTranslator(languages, null);
        const shown = describeProblem(problem, tr);
        const text = [shown.title, ...shown.lines, shown.detail ?? ""].join("\n");
        expect(text).not.toMatch(/launch\.[a-z-]+\.|\{\w+\}/); // no key and no unfilled placeholder
        if (tr.locale === "ja") expect(shown.title).toBe("アプリを起動できませんでした");
        else expect(shown.title).toBe("The app could not be started");
        for (const value of Object.values(problem).filter(
          (v): v is string => typeof v === "string" && v !== problem.code,
        )) {
          expect(text, `${tr.locale} names ${value}`).toContain(value);
        }
      }
      expect(missingIn("ja", "launch.relaunch")).toEqual([]);
    },
  );

  it("the words that matter, literally", () => {
    const en = launchTranslator(["en"], null);
    expect(describeProblem({ code: "server-not-allowed", url: "https://evil.example/fhir" }, en).lines).toEqual([
      "This installation of the app is not set up for the FHIR server https://evil.example/fhir.",
      "Close this window and open the app again from the patient's chart. If this keeps happening, contact the team that installed the app.",
    ]);
    const ja = launchTranslator(["ja"], null);
    expect(describeProblem({ code: "authorize-failed", server: "ehr.example", detail: "no redirect" }, ja)).toEqual({
      title: "アプリを起動できませんでした",
      lines: [
        "ehr.example の認可サーバーに接続できないか、起動が拒否されました。",
        "このウィンドウを閉じ、患者のカルテからもう一度アプリを開いてください。繰り返し起こる場合は、アプリを導入した担当部署に連絡してください。",
      ],
      detail: "技術情報：no redirect",
    });
  });
});

describe("the launch page's language", () => {
  it("the clinician's stored choice, then the browser's languages, else English", () => {
    expect(launchTranslator(["en-GB"], stored("ja")).locale).toBe("ja");
    expect(launchTranslator(["ja-JP"], stored("en")).locale).toBe("en");
    expect(launchTranslator(["ja-JP", "en"], stored(null)).locale).toBe("ja");
    expect(launchTranslator(["fr"], stored("de")).locale).toBe("en");
    expect(launchTranslator(["ja"], null).locale).toBe("ja");
  });
});
