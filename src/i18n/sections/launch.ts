import { defineSection } from "../catalogue";

/**
 * Strings of the SMART launch page (launch.html, launch/start.ts). The page loads only this section and the
 * translator (src/i18n/translate.ts), not the view's words: it must stay small.
 */
export const launchStrings = defineSection(
  {
    "launch.connecting": "Connecting to the EHR ({server})…",
    "launch.error.title": "The app could not be started",
    "launch.error.missing-iss":
      "This page must be opened by the EHR: the launch address has no FHIR server (iss). Open the app from the patient's chart.",
    "launch.error.invalid-server-url": "The FHIR server address in the launch is not a valid http(s) URL: {url}",
    "launch.error.insecure-server-url": "The FHIR server address must use https: {url}",
    "launch.error.server-not-allowed": "This installation of the app is not set up for the FHIR server {url}.",
    "launch.error.no-allowlist":
      "This installation of the app has no FHIR server configured, so it refuses every launch (it was asked to connect to {url}).",
    "launch.installer":
      'For the team that installed the app: list the EHR\'s FHIR base URL in "issAllowlist" in app-config.json (docs/INTEGRATION.md, section 2).',
    "launch.error.no-authorization":
      "The FHIR server {url} offers no SMART authorization. A server without authorization can only be used through a debug launch (fhirServiceUrl and patientId), where this installation allows it.",
    "launch.error.forbidden-parameter":
      'The launch address carries "{name}", which this app never takes from an address. Open the app from the patient\'s chart.',
    "launch.error.open-server-disabled":
      "Launching without authorization (fhirServiceUrl) is not allowed for {url} in this installation.",
    "launch.error.missing-patient": "A launch with fhirServiceUrl also needs a patientId.",
    "launch.error.bad-config": "The app's configuration file (app-config.json) is not valid:",
    "launch.error.pkce-unsupported":
      "The EHR's authorization server ({server}) does not support PKCE (S256), which this installation requires.",
    "launch.error.authorize-failed":
      "The EHR's authorization server for {server} could not be reached or refused the launch.",
    "launch.relaunch":
      "Close this window and open the app again from the patient's chart. If this keeps happening, contact the team that installed the app.",
    "launch.detail": "Technical detail: {detail}",
  },
  {
    "launch.connecting": "電子カルテ（{server}）に接続しています…",
    "launch.error.title": "アプリを起動できませんでした",
    "launch.error.missing-iss":
      "このページは電子カルテから開く必要があります（起動アドレスにFHIRサーバー（iss）がありません）。患者のカルテからアプリを開いてください。",
    "launch.error.invalid-server-url": "起動時のFHIRサーバーのアドレスが有効なhttp(s)のURLではありません：{url}",
    "launch.error.insecure-server-url": "FHIRサーバーのアドレスはhttpsである必要があります：{url}",
    "launch.error.server-not-allowed": "このアプリのインストールは、FHIRサーバー {url} 向けに設定されていません。",
    "launch.error.no-allowlist":
      "このアプリのインストールには接続先のFHIRサーバーが設定されていないため、すべての起動を拒否します（接続先として {url} が指定されました）。",
    "launch.installer":
      'アプリを導入した担当部署の方へ：app-config.json の "issAllowlist" に電子カルテのFHIRベースURLを記載してください（docs/INTEGRATION.md 第2節）。',
    "launch.error.no-authorization":
      "FHIRサーバー {url} はSMARTの認可を提供していません。認可のないサーバーは、このインストールが許可する場合に限り、デバッグ起動（fhirServiceUrl と patientId）でのみ使用できます。",
    "launch.error.forbidden-parameter":
      '起動アドレスに "{name}" が含まれています。このアプリはこれをアドレスから受け取りません。患者のカルテからアプリを開いてください。',
    "launch.error.open-server-disabled":
      "このインストールでは、{url} に対する認可なしの起動（fhirServiceUrl）は許可されていません。",
    "launch.error.missing-patient": "fhirServiceUrl による起動には patientId も必要です。",
    "launch.error.bad-config": "アプリの設定ファイル（app-config.json）が正しくありません：",
    "launch.error.pkce-unsupported":
      "電子カルテの認可サーバー（{server}）がPKCE（S256）に対応していません。このインストールではPKCEが必須です。",
    "launch.error.authorize-failed": "{server} の認可サーバーに接続できないか、起動が拒否されました。",
    "launch.relaunch":
      "このウィンドウを閉じ、患者のカルテからもう一度アプリを開いてください。繰り返し起こる場合は、アプリを導入した担当部署に連絡してください。",
    "launch.detail": "技術情報：{detail}",
  },
);

export type LaunchKey = keyof typeof launchStrings.en;
