import { defineSection, plural } from "../catalogue";
import type { FaultDetailCode } from "../../fhir/messages";
import type { AppFault } from "../../ui/faults";

/**
 * What went wrong, one sentence per fault kind: the one wording of each fault. The code says only the kind and
 * its parameters (faultCode of src/fhir/faults.ts, appFaultCode of src/ui/faults.ts); the fault screen shows
 * this sentence under its title, a data note quotes it as its reason, and an error's English message
 * (faultMessage) is its English text. No URL, id or token is ever a parameter (no PHI).
 * Part of the first download (the fault screen needs it before the view's chunk); the screen's titles and
 * advice are the view's own words (`app.fault.*` in ./app.ts).
 */
export type FaultKey =
  `core.fault.${AppFault["kind"]}` | `core.${FaultDetailCode}` | "core.fault.wait-seconds" | "core.fault.wait-minutes";

export const faultStrings = defineSection<FaultKey>(
  {
    "core.fault.session-ended": "The EHR session has ended.",
    "core.fault.forbidden": "The EHR did not give this app permission to read this data (scope missing).",
    "core.fault.not-found": "The EHR's FHIR server does not have this record.",
    "core.fault.rate-limited": plural("attempts", {
      one: "The EHR is limiting requests and did not answer after {attempts} attempt.{wait}",
      other: "The EHR is limiting requests and did not answer after {attempts} attempts.{wait}",
    }),
    "core.fault.unavailable": plural("attempts", {
      one: "The EHR's FHIR server is temporarily unavailable (503) after {attempts} attempt.{wait}",
      other: "The EHR's FHIR server is temporarily unavailable (503) after {attempts} attempts.{wait}",
    }),
    "core.fault.server-error": plural("attempts", {
      one: "The EHR's FHIR server failed (HTTP {status}) after {attempts} attempt.",
      other: "The EHR's FHIR server failed (HTTP {status}) after {attempts} attempts.",
    }),
    "core.fault.timeout": plural("attempts", {
      one: "The EHR's FHIR server did not answer within {seconds} s ({attempts} attempt).",
      other: "The EHR's FHIR server did not answer within {seconds} s ({attempts} attempts).",
    }),
    "core.fault.network": "The EHR's FHIR server could not be reached (network error).",
    "core.fault.invalid-response": "The EHR's FHIR server sent an answer the app cannot read ({detail}).",
    "core.fault.rejected": "The EHR's FHIR server refused the request (HTTP {status}).",
    "core.fault.aborted": "The request was cancelled before it finished.",
    "core.fault.no-patient": "No patient was selected at launch.",
    "core.fault.no-launch":
      "The app was opened without a SMART on FHIR launch, so it cannot read the patient's record.",
    "core.fault.authorization-denied": "The EHR refused to authorise this app.",
    "core.fault.token-exchange-failed": "The EHR did not complete the sign-in (the token exchange failed).",
    "core.fault.state-missing":
      "The sign-in answer did not carry the state of this window's launch, so the app did not use it.",
    "core.fault.server-not-allowed":
      "This installation of the app is not set up for the launch's FHIR server, so nothing was read.",
    "core.fault.unexpected": "The app hit an unexpected error; no score is shown rather than a possibly wrong one.",
    "core.fault.wait-seconds": " The server asked to wait {seconds} s.",
    "core.fault.wait-minutes": " The server asked to wait about {minutes} minutes.",
    "core.fault.detail.not-json": "not JSON",
    "core.fault.detail.invalid-json": "invalid JSON",
    "core.fault.detail.not-bundle": "not a Bundle",
    "core.fault.detail.not-patient": "not a Patient",
    "core.fault.detail.foreign-next": "a next-page link points to another server",
    "core.fault.detail.next-loop": "next-page links loop",
  },
  {
    "core.fault.session-ended": "EHRのセッションが終了しました。",
    "core.fault.forbidden": "EHRがこのアプリにこのデータの読み取り権限を与えていません（スコープ不足）。",
    "core.fault.not-found": "EHRのFHIRサーバーにこの記録がありません。",
    "core.fault.rate-limited": "EHRサーバーが要求を制限しており、{attempts}回試行しても応答がありませんでした。{wait}",
    "core.fault.unavailable": "EHRのFHIRサーバーが一時的に利用できません（503、{attempts}回試行）。{wait}",
    "core.fault.server-error": "EHRのFHIRサーバーでエラーが発生しました（HTTP {status}、{attempts}回試行）。",
    "core.fault.timeout": "EHRのFHIRサーバーが{seconds}秒以内に応答しませんでした（{attempts}回試行）。",
    "core.fault.network": "EHRのFHIRサーバーに接続できませんでした（ネットワークエラー）。",
    "core.fault.invalid-response": "EHRのFHIRサーバーから読み取れない応答が送られました（{detail}）。",
    "core.fault.rejected": "EHRのFHIRサーバーが要求を拒否しました（HTTP {status}）。",
    "core.fault.aborted": "要求は完了前に取り消されました。",
    "core.fault.no-patient": "起動時に患者が選択されていません。",
    "core.fault.no-launch": "SMART on FHIRの起動を経ずにアプリが開かれたため、患者記録を読み込めません。",
    "core.fault.authorization-denied": "EHRがこのアプリの認可を拒否しました。",
    "core.fault.token-exchange-failed": "EHRでのサインインが完了しませんでした（トークンの交換に失敗）。",
    "core.fault.state-missing":
      "サインインの応答に、このウィンドウの起動時の state が含まれていなかったため、アプリはこれを使用しませんでした。",
    "core.fault.server-not-allowed":
      "このアプリのインストールは起動時のFHIRサーバー向けに設定されていないため、何も読み込んでいません。",
    "core.fault.unexpected": "予期しないエラーが発生しました。誤っている可能性のあるスコアは表示しません。",
    "core.fault.wait-seconds": "サーバーから{seconds}秒待つよう求められています。",
    "core.fault.wait-minutes": "サーバーから約{minutes}分待つよう求められています。",
    "core.fault.detail.not-json": "JSONではありません",
    "core.fault.detail.invalid-json": "JSONが不正です",
    "core.fault.detail.not-bundle": "Bundleではありません",
    "core.fault.detail.not-patient": "Patientリソースではありません",
    "core.fault.detail.foreign-next": "次ページのリンクが別のサーバーを指しています",
    "core.fault.detail.next-loop": "次ページのリンクが循環しています",
  },
);
