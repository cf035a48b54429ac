// @vitest-environment jsdom
/**
 * The fault screen: every fault kind the view knows (src/ui/faults.ts), in English and Japanese, with its literal
 * title and text and whether it offers "Try again"; and faults that reach it through the real request path
 * (msw → fhirclient → loadPatientRecord → loadSession → App), not as hand-made fault objects.
 */
import { describe, expect, it, vi } from "vitest";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import type Client from "fhirclient/lib/Client";
import { server } from "../../setup/msw-server";
import { loadAppConfig } from "../../../launch/config";
import { launchContext, loadOptionsFromConfig, loadPatientRecord, readUserName } from "../../../src/fhir";
import { App, type LoadResult } from "../../../src/ui/App";
import { engine } from "../../../src/ui/engine";
import type { AppFault } from "../../../src/ui/faults";
import { loadSession } from "../../../src/ui/loadSession";
import { BASE, NOW, bundle, makeClient, refreshingClient } from "../fhir/helpers";
import "./helpers"; // cleanup after each test, longer async timeouts, the view's chunk loaded up front

interface Shown {
  title: string;
  /** The section's paragraphs, in order (the body; the server's wait when it asked one). */
  text: string[];
}

interface Case {
  fault: AppFault;
  en: Shown;
  ja: Shown;
  retry: boolean;
  /** The retry button while the server's wait (Retry-After) runs: disabled, with the seconds left. */
  heldBack?: { en: string; ja: string };
}

/** A Record over every kind: a kind added to AppFault without a case here does not compile. */
const CASES: Record<AppFault["kind"], Case> = {
  "session-ended": {
    fault: { kind: "session-ended", status: 401, refreshTried: true },
    en: {
      title: "Your session has ended",
      text: [
        "The EHR session has ended.",
        "Close this window and open the app again from the patient's chart in the EHR.",
      ],
    },
    ja: {
      title: "セッションが終了しました",
      text: [
        "EHRのセッションが終了しました。",
        "このウィンドウを閉じ、EHRの患者カルテからアプリを開き直してください。",
      ],
    },
    retry: false,
  },
  forbidden: {
    fault: { kind: "forbidden", status: 403 },
    en: {
      title: "Permission missing",
      text: [
        "The EHR did not give this app permission to read this data (scope missing).",
        "Ask your EHR administrator to grant the app's scopes, then open the app again from the patient's chart.",
      ],
    },
    ja: {
      title: "権限がありません",
      text: [
        "EHRがこのアプリにこのデータの読み取り権限を与えていません（スコープ不足）。",
        "EHR管理者にアプリのスコープの付与を依頼し、患者カルテから開き直してください。",
      ],
    },
    retry: false,
  },
  "not-found": {
    fault: { kind: "not-found", status: 410 },
    en: {
      title: "Patient not found",
      text: [
        "The EHR's FHIR server does not have this record.",
        "Check the patient in the EHR and open the app again.",
      ],
    },
    ja: {
      title: "患者が見つかりません",
      text: ["EHRのFHIRサーバーにこの記録がありません。", "EHRで患者を確認し、アプリを開き直してください。"],
    },
    retry: false,
  },
  "rate-limited": {
    fault: { kind: "rate-limited", status: 429, attempts: 4, retryAfterMs: 7500 },
    en: {
      title: "The EHR server is busy",
      text: [
        "The EHR is limiting requests and did not answer after 4 attempts. The server asked to wait 8 s.",
        "Wait a moment and try again.",
      ],
    },
    ja: {
      title: "EHRサーバーが混雑しています",
      text: [
        "EHRサーバーが要求を制限しており、4回試行しても応答がありませんでした。サーバーから8秒待つよう求められています。",
        "しばらく待ってから再試行してください。",
      ],
    },
    retry: true,
    heldBack: { en: "Try again in 8 s", ja: "8秒後に再試行できます" },
  },
  unavailable: {
    fault: { kind: "unavailable", status: 503, attempts: 4, retryAfterMs: null },
    en: {
      title: "The EHR server is busy",
      text: [
        "The EHR's FHIR server is temporarily unavailable (503) after 4 attempts.",
        "Wait a moment and try again.",
      ],
    },
    ja: {
      title: "EHRサーバーが混雑しています",
      text: ["EHRのFHIRサーバーが一時的に利用できません（503、4回試行）。", "しばらく待ってから再試行してください。"],
    },
    retry: true,
  },
  "server-error": {
    fault: { kind: "server-error", status: 504, attempts: 4 },
    en: {
      title: "The EHR server reported an error",
      text: [
        "The EHR's FHIR server failed (HTTP 504) after 4 attempts.",
        "Try again; if it persists, contact IT support.",
      ],
    },
    ja: {
      title: "EHRサーバーでエラーが発生しました",
      text: [
        "EHRのFHIRサーバーでエラーが発生しました（HTTP 504、4回試行）。",
        "再試行し、続く場合はIT担当に連絡してください。",
      ],
    },
    retry: true,
  },
  timeout: {
    fault: { kind: "timeout", timeoutMs: 30_000, attempts: 4 },
    en: {
      title: "The EHR server did not answer in time",
      text: ["The EHR's FHIR server did not answer within 30 s (4 attempts).", "Try again."],
    },
    ja: {
      title: "EHRサーバーが時間内に応答しませんでした",
      text: ["EHRのFHIRサーバーが30秒以内に応答しませんでした（4回試行）。", "再試行してください。"],
    },
    retry: true,
  },
  network: {
    fault: { kind: "network", attempts: 4 },
    en: {
      title: "The EHR server could not be reached",
      text: [
        "The EHR's FHIR server could not be reached (network error).",
        "Check the network connection and try again.",
      ],
    },
    ja: {
      title: "EHRサーバーに接続できません",
      text: [
        "EHRのFHIRサーバーに接続できませんでした（ネットワークエラー）。",
        "ネットワーク接続を確認し、再試行してください。",
      ],
    },
    retry: true,
  },
  "invalid-response": {
    fault: { kind: "invalid-response", detail: "not a Patient" },
    en: {
      title: "Unreadable answer from the EHR server",
      text: [
        "The EHR's FHIR server sent an answer the app cannot read (not a Patient).",
        "Try again; if it persists, contact IT support.",
      ],
    },
    ja: {
      title: "EHRサーバーの応答を読み取れません",
      text: [
        "EHRのFHIRサーバーから読み取れない応答が送られました（Patientリソースではありません）。",
        "再試行し、続く場合はIT担当に連絡してください。",
      ],
    },
    retry: true,
  },
  rejected: {
    fault: {
      kind: "rejected",
      status: 422,
      outcome: { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "invalid" }] },
    },
    en: {
      title: "The EHR server refused the request",
      text: ["The EHR's FHIR server refused the request (HTTP 422).", "Contact IT support."],
    },
    ja: {
      title: "EHRサーバーが要求を拒否しました",
      text: ["EHRのFHIRサーバーが要求を拒否しました（HTTP 422）。", "IT担当に連絡してください。"],
    },
    retry: false,
  },
  aborted: {
    fault: { kind: "aborted" },
    en: { title: "Loading was cancelled", text: ["The request was cancelled before it finished."] },
    ja: { title: "読み込みが中止されました", text: ["要求は完了前に取り消されました。"] },
    retry: true,
  },
  "no-patient": {
    fault: { kind: "no-patient" },
    en: {
      title: "No patient selected",
      text: ["No patient was selected at launch.", "Open the app from a patient's chart in the EHR."],
    },
    ja: {
      title: "患者が選択されていません",
      text: ["起動時に患者が選択されていません。", "EHRの患者カルテからアプリを開いてください。"],
    },
    retry: false,
  },
  "no-launch": {
    fault: { kind: "no-launch" },
    en: {
      title: "Not launched from an EHR",
      text: [
        "The app was opened without a SMART on FHIR launch, so it cannot read the patient's record.",
        "Open the app from a patient's chart in the EHR.",
      ],
    },
    ja: {
      title: "EHRから起動されていません",
      text: [
        "SMART on FHIRの起動を経ずにアプリが開かれたため、患者記録を読み込めません。",
        "EHRの患者カルテからアプリを開いてください。",
      ],
    },
    retry: false,
  },
  "authorization-denied": {
    fault: { kind: "authorization-denied", error: "access_denied", description: "Patient not selected" },
    en: {
      title: "Sign-in refused",
      text: [
        "The EHR refused to authorise this app.",
        "Open the app again from the patient's chart; if it persists, contact your EHR administrator.",
        "The authorization server answered: access_deniedIts explanation: “Patient not selected”",
      ],
    },
    ja: {
      title: "認可が拒否されました",
      text: [
        "EHRがこのアプリの認可を拒否しました。",
        "患者カルテから開き直し、続く場合はEHR管理者に連絡してください。",
        "認可サーバーの応答：access_deniedその説明：「Patient not selected」",
      ],
    },
    retry: false,
  },
  "state-missing": {
    fault: { kind: "state-missing" },
    en: {
      title: "Sign-in answer not used",
      text: [
        "The sign-in answer did not carry the state of this window's launch, so the app did not use it.",
        "Close this window and open the app again from the patient's chart in the EHR.",
      ],
    },
    ja: {
      title: "サインインの応答を使用しませんでした",
      text: [
        "サインインの応答に、このウィンドウの起動時の state が含まれていなかったため、アプリはこれを使用しませんでした。",
        "このウィンドウを閉じ、EHRの患者カルテからアプリを開き直してください。",
      ],
    },
    retry: false,
  },
  "server-not-allowed": {
    fault: { kind: "server-not-allowed" },
    en: {
      title: "FHIR server not configured",
      text: [
        "This installation of the app is not set up for the launch's FHIR server, so nothing was read.",
        "Contact the team that installed the app.",
      ],
    },
    ja: {
      title: "FHIRサーバーが設定されていません",
      text: [
        "このアプリのインストールは起動時のFHIRサーバー向けに設定されていないため、何も読み込んでいません。",
        "アプリを導入した担当部署に連絡してください。",
      ],
    },
    retry: false,
  },
  "token-exchange-failed": {
    fault: { kind: "token-exchange-failed", error: "invalid_grant", description: "The code has expired" },
    en: {
      title: "Sign-in did not complete",
      text: [
        "The EHR did not complete the sign-in (the token exchange failed).",
        "Close this window and open the app again from the patient's chart in the EHR.",
        "The authorization server answered: invalid_grantIts explanation: “The code has expired”",
      ],
    },
    ja: {
      title: "サインインが完了しませんでした",
      text: [
        "EHRでのサインインが完了しませんでした（トークンの交換に失敗）。",
        "このウィンドウを閉じ、EHRの患者カルテからアプリを開き直してください。",
        "認可サーバーの応答：invalid_grantその説明：「The code has expired」",
      ],
    },
    retry: false,
  },
  unexpected: {
    fault: { kind: "unexpected" },
    en: {
      title: "Something went wrong",
      text: ["The app hit an unexpected error; no score is shown rather than a possibly wrong one.", "Try again."],
    },
    ja: {
      title: "問題が発生しました",
      text: ["予期しないエラーが発生しました。誤っている可能性のあるスコアは表示しません。", "再試行してください。"],
    },
    retry: true,
  },
};

const RETRY = { en: "Try again", ja: "再試行" } as const;

/** What the fault section shows: its test id, title, paragraphs (what happened, what to do, an OAuth answer) and buttons. */
function shown(section: HTMLElement): { testId: string | null; title: string; text: string[]; buttons: string[] } {
  return {
    testId: section.getAttribute("data-testid"),
    title: within(section).getByRole("heading", { level: 2 }).textContent ?? "",
    text: Array.from(section.querySelectorAll("p"), (p) => p.textContent ?? ""),
    buttons: within(section)
      .queryAllByRole("button")
      .map((b) => b.textContent ?? ""),
  };
}

describe("the fault screen, for every fault kind", () => {
  it("knows 18 kinds", () => {
    expect(Object.keys(CASES)).toHaveLength(18);
  });

  describe.each(["en", "ja"] as const)("in %s", (locale) => {
    it.each(Object.entries(CASES))("%s", async (kind, c) => {
      const user = userEvent.setup();
      const load = vi.fn(() => Promise.resolve<LoadResult>({ ok: false, fault: c.fault }));
      render(<App load={load} browserLocales={[locale]} />);
      const section = await screen.findByRole("alert");
      expect(shown(section)).toEqual({
        testId: `fault-${kind}`,
        title: c[locale].title,
        text: c[locale].text,
        buttons: c.retry ? [c.heldBack?.[locale] ?? RETRY[locale]] : [],
      });
      expect(document.documentElement.lang).toBe(locale);
      expect(screen.queryByTestId("sins-range")).toBeNull();
      expect(screen.queryByTestId("patient-banner")).toBeNull();
      if (c.heldBack) {
        // Not before the server's wait: the countdown is tested below with a fake clock.
        expect(within(section).getByRole("button")).toBeDisabled();
      } else if (c.retry) {
        // "Try again" loads again (and here fails the same way again).
        await user.click(within(section).getByRole("button", { name: RETRY[locale] }));
        await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(2));
        expect(shown(await screen.findByRole("alert")).title).toBe(c[locale].title);
      } else {
        expect(load).toHaveBeenCalledTimes(1);
      }
    });
  });

  it("a failed token exchange whose server gave no OAuth error shows no server answer", async () => {
    const fault: AppFault = { kind: "token-exchange-failed", error: null, description: null };
    render(<App load={() => Promise.resolve<LoadResult>({ ok: false, fault })} browserLocales={["en"]} />);
    const section = await screen.findByRole("alert");
    expect(shown(section).text).toEqual(CASES["token-exchange-failed"].en.text.slice(0, 2));
    expect(within(section).queryByTestId("oauth-error")).toBeNull();
  });

  it("the ones that offer no retry: those a new attempt in this session cannot fix", () => {
    const noRetry = Object.entries(CASES)
      .filter(([, c]) => !c.retry)
      .map(([kind]) => kind);
    expect(noRetry).toEqual([
      "session-ended",
      "forbidden",
      "not-found",
      "rejected",
      "no-patient",
      "no-launch",
      "authorization-denied",
      "state-missing",
      "server-not-allowed",
      "token-exchange-failed",
    ]);
  });
});

describe("the server's wait (Retry-After) holds the retry back", () => {
  it("counts the seconds down, then offers 'Try again', which loads again", async () => {
    vi.useFakeTimers();
    try {
      const fault: AppFault = { kind: "rate-limited", status: 429, attempts: 4, retryAfterMs: 2500 };
      const load = vi.fn(() => Promise.resolve<LoadResult>({ ok: false, fault }));
      render(<App load={load} browserLocales={["en"]} />);
      await act(async () => {
        await vi.advanceTimersByTimeAsync(0);
      });
      const button = () => within(screen.getByRole("alert")).getByRole("button");
      expect(button()).toHaveTextContent("Try again in 3 s");
      expect(button()).toBeDisabled();
      await act(async () => {
        await vi.advanceTimersByTimeAsync(1000);
      });
      expect(button()).toHaveTextContent("Try again in 2 s");
      expect(button()).toBeDisabled();
      await act(async () => {
        await vi.advanceTimersByTimeAsync(1499);
      });
      expect(button()).toHaveTextContent("Try again in 1 s");
      await act(async () => {
        await vi.advanceTimersByTimeAsync(1);
      });
      expect(button()).toHaveTextContent(/^Try again$/);
      expect(button()).toBeEnabled();
      expect(load).toHaveBeenCalledTimes(1);
      await act(async () => {
        button().click();
        await vi.advanceTimersByTimeAsync(0);
      });
      expect(load).toHaveBeenCalledTimes(2);
      // Refused again: the new screen waits again from its start.
      expect(button()).toHaveTextContent("Try again in 3 s");
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("a Retry-After of 0", () => {
  it("offers the retry at once and does not speak of a wait", async () => {
    render(
      <App
        load={() =>
          Promise.resolve({ ok: false, fault: { kind: "unavailable", status: 503, attempts: 4, retryAfterMs: 0 } })
        }
        browserLocales={["en"]}
      />,
    );
    expect(shown(await screen.findByRole("alert"))).toEqual({
      testId: "fault-unavailable",
      title: "The EHR server is busy",
      text: [
        "The EHR's FHIR server is temporarily unavailable (503) after 4 attempts.",
        "Wait a moment and try again.",
      ],
      buttons: ["Try again"],
    });
  });
});

describe("the fault screen after a single attempt", () => {
  it.each([
    [
      { kind: "rate-limited", status: 429, attempts: 1, retryAfterMs: 120_000 },
      "The EHR is limiting requests and did not answer after 1 attempt. The server asked to wait about 2 minutes.",
      "EHRサーバーが要求を制限しており、1回試行しても応答がありませんでした。サーバーから約2分待つよう求められています。",
    ],
    [
      { kind: "unavailable", status: 503, attempts: 1, retryAfterMs: null },
      "The EHR's FHIR server is temporarily unavailable (503) after 1 attempt.",
      "EHRのFHIRサーバーが一時的に利用できません（503、1回試行）。",
    ],
    [
      { kind: "timeout", timeoutMs: 15_000, attempts: 1 },
      "The EHR's FHIR server did not answer within 15 s (1 attempt).",
      "EHRのFHIRサーバーが15秒以内に応答しませんでした（1回試行）。",
    ],
    [
      { kind: "server-error", status: 500, attempts: 1 },
      "The EHR's FHIR server failed (HTTP 500) after 1 attempt.",
      "EHRのFHIRサーバーでエラーが発生しました（HTTP 500、1回試行）。",
    ],
  ] satisfies [AppFault, string, string][])("%o: '1 attempt', not '1 attempts'", async (fault, en, ja) => {
    const first = render(<App load={() => Promise.resolve({ ok: false, fault })} browserLocales={["en"]} />);
    expect(shown(await screen.findByRole("alert")).text[0]).toBe(en);
    first.unmount();
    render(<App load={() => Promise.resolve({ ok: false, fault })} browserLocales={["ja"]} />);
    expect(shown(await screen.findByRole("alert")).text[0]).toBe(ja);
  });
});

// ------------------------------------------------------------------ through the real request path

const APP_CONFIG_URL = "https://app.example.org/app/app-config.json";
const patient = {
  resourceType: "Patient",
  id: "p1",
  name: [{ family: "Yamada", given: ["Taro"] }],
  gender: "male",
  birthDate: "1952-05-14",
};

/**
 * The load main.tsx wires, on a launched fhirclient Client: app-config.json (served by msw) → launch context →
 * engine's Observation codes → loadPatientRecord with the configuration's timeout and retries → the scorer.
 * Only the waits between retries are recorded instead of slept.
 */
function realLoad(client: Client, sleeps: number[]): () => Promise<LoadResult> {
  return () =>
    loadSession({
      readySession: () => Promise.resolve(client),
      launchContext,
      loadConfig: () => loadAppConfig(fetch, APP_CONFIG_URL),
      loadEngine: () => Promise.resolve(engine),
      loadPatientRecord: (c, config, context, observationCodes) => {
        // As main.tsx wires it; only the waits between retries are recorded instead of slept.
        const options = loadOptionsFromConfig(config, observationCodes, { patientId: context.patientId });
        const sleep = (ms: number) => {
          sleeps.push(ms);
          return Promise.resolve();
        };
        return loadPatientRecord(c, { ...options, policy: { ...options.policy, sleep, now: () => NOW } });
      },
      userName: readUserName,
    });
}

/** The deployment's app-config.json (2 retries), and searches that answer; returns the Patient reads seen. */
function ehr(patientRead: (request: Request) => Response): { reads: (string | null)[] } {
  const seen = { reads: [] as (string | null)[] };
  server.use(
    http.get(APP_CONFIG_URL, () => HttpResponse.json({ fhirMaxRetries: 2, fhirTimeoutMs: 5000, issAllowlist: [BASE] })),
    http.get(`${BASE}/Patient/p1`, ({ request }) => {
      seen.reads.push(request.headers.get("authorization"));
      return patientRead(request);
    }),
    http.get(`${BASE}/Condition`, () => HttpResponse.json(bundle([]))),
    http.get(`${BASE}/Observation`, () => HttpResponse.json(bundle([]))),
    http.get(`${BASE}/QuestionnaireResponse`, () => HttpResponse.json(bundle([]))),
    http.get(`${BASE}/Procedure`, () => HttpResponse.json(bundle([]))),
  );
  return seen;
}

describe("faults that end the load, from the FHIR server to the screen", () => {
  it("Patient read 503 on all 3 attempts of app-config.json's policy: 'The EHR server is busy', no scores; Try again loads the patient", async () => {
    const user = userEvent.setup();
    let down = true;
    const seen = ehr(() => (down ? new HttpResponse(null, { status: 503 }) : HttpResponse.json(patient)));
    const sleeps: number[] = [];
    render(<App load={realLoad(makeClient(), sleeps)} browserLocales={["en-GB"]} />);

    const section = await screen.findByRole("alert");
    expect(shown(section)).toEqual({
      testId: "fault-unavailable",
      title: "The EHR server is busy",
      text: [
        "The EHR's FHIR server is temporarily unavailable (503) after 3 attempts.",
        "Wait a moment and try again.",
      ],
      buttons: ["Try again"],
    });
    expect(seen.reads).toHaveLength(3);
    expect(sleeps).toEqual([500, 1000]);
    expect(screen.queryByTestId("sins-range")).toBeNull();
    expect(screen.queryByTestId("patient-banner")).toBeNull();

    down = false;
    await user.click(within(section).getByRole("button", { name: "Try again" }));
    const banner = await screen.findByTestId("patient-banner");
    expect(banner).toHaveTextContent("Taro Yamada");
    expect(banner).toHaveTextContent("14 May 1952");
    expect(screen.getByTestId("sins-range")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(seen.reads).toHaveLength(4);
  });

  it("the same 503, in Japanese", async () => {
    ehr(() => new HttpResponse(null, { status: 503 }));
    render(<App load={realLoad(makeClient(), [])} browserLocales={["ja"]} />);
    expect(shown(await screen.findByRole("alert"))).toEqual({
      testId: "fault-unavailable",
      title: "EHRサーバーが混雑しています",
      text: ["EHRのFHIRサーバーが一時的に利用できません（503、3回試行）。", "しばらく待ってから再試行してください。"],
      buttons: ["再試行"],
    });
  });

  it("Patient read 401, and 401 again after the one token refresh: 'Your session has ended', no retry, no scores", async () => {
    const seen = ehr(() => new HttpResponse(null, { status: 401 }));
    const { client, refreshes } = refreshingClient();
    render(<App load={realLoad(client, [])} browserLocales={["en-GB"]} />);
    expect(shown(await screen.findByRole("alert"))).toEqual({
      testId: "fault-session-ended",
      title: "Your session has ended",
      text: [
        "The EHR session has ended.",
        "Close this window and open the app again from the patient's chart in the EHR.",
      ],
      buttons: [],
    });
    expect(seen.reads).toEqual(["Bearer access-1", "Bearer access-2"]);
    expect(refreshes).toHaveLength(1);
    expect(screen.queryByTestId("sins-range")).toBeNull();
    expect(screen.queryByTestId("patient-banner")).toBeNull();
  });

  it("Patient read 429 asking to wait 2 minutes (beyond the longest wait): at once 'busy', after 1 attempt, with the wait", async () => {
    const seen = ehr(() => new HttpResponse(null, { status: 429, headers: { "retry-after": "120" } }));
    const sleeps: number[] = [];
    render(<App load={realLoad(makeClient(), sleeps)} browserLocales={["en-GB"]} />);
    expect(shown(await screen.findByRole("alert"))).toEqual({
      testId: "fault-rate-limited",
      title: "The EHR server is busy",
      text: [
        "The EHR is limiting requests and did not answer after 1 attempt. The server asked to wait about 2 minutes.",
        "Wait a moment and try again.",
      ],
      buttons: ["Try again in 120 s"],
    });
    expect(screen.getByRole("button", { name: "Try again in 120 s" })).toBeDisabled();
    expect(seen.reads).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("Patient read answered with a Bundle: 'Unreadable answer from the EHR server'", async () => {
    ehr(() => HttpResponse.json(bundle([patient])));
    render(<App load={realLoad(makeClient(), [])} browserLocales={["en-GB"]} />);
    const section = await screen.findByRole("alert");
    expect(section).toHaveAttribute("data-testid", "fault-invalid-response");
    expect(shown(section).title).toBe("Unreadable answer from the EHR server");
    expect(screen.queryByTestId("sins-range")).toBeNull();
  });
});
