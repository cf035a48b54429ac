/** The sandbox EHR's own pages: the patient list at `/` and its stylesheet. No scripts at all. */
import { escapeHtml } from "./http-util";
import { encodeLaunch } from "./smart";
import type { PatientSummary } from "./summary";

export const EHR_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export const EHR_CSS = `
:root { color-scheme: light; font-family: system-ui, sans-serif; }
body { margin: 0; background: #f4f6f8; color: #1b1f23; }
header { background: #25435e; color: #fff; padding: 0.8rem 1.5rem; }
header h1 { margin: 0; font-size: 1.25rem; }
header p { margin: 0.25rem 0 0; font-size: 0.85rem; }
main { padding: 1rem 1.5rem; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; padding: 0.45rem 0.6rem; border-bottom: 1px solid #d8dee4; vertical-align: top; }
th { background: #eaeef2; font-weight: 600; }
a { color: #0b5cad; }
a.launch { font-weight: 600; }
.muted { color: #57606a; font-size: 0.85rem; }
code { font-size: 0.85rem; }
ul.picker li { margin: 0.4rem 0; }
`;

export interface EhrPageOptions {
  origin: string;
  fhirBase: string;
  openFhirBase: string;
  patients: PatientSummary[];
  practitioner: string;
  appBuilt: boolean;
}

export function ehrPage(o: EhrPageOptions): string {
  const launchUrl = (p: PatientSummary): string => {
    const q = new URLSearchParams({
      iss: o.fhirBase,
      launch: encodeLaunch({ patient: p.id, ...(p.encounter ? { encounter: p.encounter } : {}) }),
    });
    return `/app/launch.html?${q.toString()}`;
  };
  const debugUrl = (p: PatientSummary): string =>
    `/app/launch.html?${new URLSearchParams({ fhirServiceUrl: o.openFhirBase, patientId: p.id }).toString()}`;
  const rows = o.patients
    .map((p) => {
      const id = escapeHtml(p.id);
      return `<tr data-testid="patient-row-${id}">
<td data-testid="summary-${id}"><strong>${escapeHtml(p.name)}</strong><br><span class="muted">${id}</span></td>
<td>${p.age ?? "?"}</td><td>${escapeHtml(p.sex)}</td><td>${escapeHtml(p.primary)}</td><td>${escapeHtml(p.levels)}</td>
<td><a class="launch" data-testid="launch-${id}" href="${escapeHtml(launchUrl(p))}">Launch</a>
 · <a data-testid="debug-launch-${id}" href="${escapeHtml(debugUrl(p))}" title="Open-server launch without authorization">debug</a>
 · <a data-testid="chart-${id}" href="/patient/${id}" title="The patient's chart, with the card of the CDS Hooks service">chart</a></td>
</tr>`;
    })
    .join("\n");
  const standalone = `/app/launch.html?${new URLSearchParams({ iss: o.fhirBase }).toString()}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sandbox EHR — spine-met-qol</title><link rel="stylesheet" href="/ehr.css"></head>
<body><header><h1>Sandbox EHR</h1><p>Synthetic patients only · signed in as ${escapeHtml(o.practitioner)}</p></header>
<main>
${o.appBuilt ? "" : '<p data-testid="app-not-built"><strong>The app is not built:</strong> run <code>npx vite build</code> (or <code>npm start</code>, which builds first).</p>'}
<table data-testid="patient-list"><caption class="muted">${o.patients.length} ${o.patients.length === 1 ? "patient" : "patients"}</caption>
<thead><tr><th scope="col">Patient</th><th scope="col">Age</th><th scope="col">Sex</th><th scope="col">Primary</th><th scope="col">Spinal levels</th><th scope="col">Launch</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p class="muted">SMART FHIR base: <code data-testid="fhir-base">${escapeHtml(o.fhirBase)}</code> (bearer token required) ·
open FHIR base for debug launches: <code data-testid="open-fhir-base">${escapeHtml(o.openFhirBase)}</code> ·
<a data-testid="standalone-launch" href="${escapeHtml(standalone)}">standalone launch</a> (patient picker) ·
client id <code>spine-met-qol</code>, redirect <code>${escapeHtml(o.origin)}/app/index.html</code></p>
</main></body></html>`;
}

export function appMissingPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>App not built</title><link rel="stylesheet" href="/ehr.css"></head>
<body><main><h1>The app is not built</h1><p data-testid="app-not-built">dist/ was not found. Run <code>npx vite build</code>
(or <code>npm start</code>, which builds first), then reload.</p><p><a href="/">Back to the sandbox EHR</a></p></main></body></html>`;
}
