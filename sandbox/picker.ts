/**
 * The authorization server's pages for a person (the sandbox's smart.ts holds the grants and tokens): the
 * standalone launch's patient picker and the page shown when the authorize request cannot be redirected back.
 * Static HTML with a CSP that allows no script; every value is escaped.
 */
import type { ServerResponse } from "node:http";
import { escapeHtml, send } from "./http-util";

const PICKER_CSP = "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** A patient the picker offers: its id and a one-line label. */
export interface PickablePatient {
  id: string;
  label: string;
}

/** An authorize request that cannot be answered with a redirect (unknown client, unregistered redirect_uri). */
export function authErrorPage(res: ServerResponse, status: number, title: string, message: string): void {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/ehr.css"></head><body><main><h1>${escapeHtml(title)}</h1><p data-testid="auth-error">${escapeHtml(message)}</p>
<p><a href="/">Back to the sandbox EHR</a></p></main></body></html>`;
  send(res, status, html, "text/html; charset=utf-8", {
    "Content-Security-Policy": PICKER_CSP,
    "Cache-Control": "no-store",
  });
}

/** The standalone launch's patient picker: each patient links back to the authorize request with its id. */
export function pickerPage(
  res: ServerResponse,
  authorizeUrl: string,
  params: URLSearchParams,
  patients: readonly PickablePatient[],
): void {
  const items = patients
    .map((patient) => {
      const q = new URLSearchParams(params);
      q.set("sandbox_patient", patient.id);
      const href = `${authorizeUrl}?${q.toString()}`;
      return `<li><a data-testid="pick-${escapeHtml(patient.id)}" href="${escapeHtml(href)}">${escapeHtml(patient.label)}</a></li>`;
    })
    .join("\n");
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Select a patient — sandbox EHR</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/ehr.css"></head>
<body><main><h1>Select a patient</h1><p>The app asked for a patient (standalone launch). Synthetic data only.</p>
<ul class="picker">${items}</ul></main></body></html>`;
  send(res, 200, html, "text/html; charset=utf-8", {
    "Content-Security-Policy": PICKER_CSP,
    "Cache-Control": "no-store",
  });
}
