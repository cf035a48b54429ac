/**
 * The sandbox EHR's patient chart page (`/patient/<id>`): the patient's line and the CDS Hooks cards the
 * chart's patient-view hook returned, rendered as an EHR does — summary, indicator, detail, source and the
 * SMART link, which launches the app through the sandbox's EHR launch. No scripts (the page's CSP has none);
 * every text is escaped, and the card's markdown is rendered by a minimal safe subset (list items, **strong**,
 * _emphasis_, backslash escapes): no HTML, links or images from a card reach the page.
 */
import type { CdsCard } from "../src/cds/types";
import { escapeHtml } from "./http-util";
import type { PatientSummary } from "./summary";

/** Inline markdown → HTML: **strong**, `\x` escapes; everything else is text (escaped). */
function inline(text: string): string {
  let out = "";
  let strong = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === "\\" && i + 1 < text.length && /[!-/:-@[-`{-~]/.test(text.charAt(i + 1))) {
      out += escapeHtml(text.charAt(i + 1));
      i++;
    } else if (c === "*" && text.charAt(i + 1) === "*") {
      out += strong ? "</strong>" : "<strong>";
      strong = !strong;
      i++;
    } else {
      out += escapeHtml(c);
    }
  }
  return strong ? `${out}</strong>` : out;
}

/** The card's detail: lines starting "- " become a list; a line wrapped in _…_ is emphasised; others are paragraphs. */
function renderDetail(markdown: string): string {
  const html: string[] = [];
  let list: string[] = [];
  const flush = (): void => {
    if (list.length > 0) html.push(`<ul>${list.map((li) => `<li>${li}</li>`).join("")}</ul>`);
    list = [];
  };
  for (const line of markdown.split("\n")) {
    if (line.startsWith("- ")) {
      list.push(inline(line.slice(2)));
      continue;
    }
    flush();
    if (line.trim() === "") continue;
    const em = /^_(.*)_$/.exec(line);
    html.push(em ? `<p><em>${inline(em[1] ?? "")}</em></p>` : `<p>${inline(line)}</p>`);
  }
  flush();
  return html.join("\n");
}

export interface ChartPageOptions {
  patient: PatientSummary;
  /** What the hook answered. */
  outcome: { status: number; cards: CdsCard[]; error: string | null; ms: number };
  /** The smart link's href for a card link this EHR accepts (its app's launch URL), else null. */
  launchHref: (url: string) => string | null;
  prefetchKeys: string[];
  signedBy: string;
}

function cardHtml(card: CdsCard, i: number, launchHref: (url: string) => string | null): string {
  const links = card.links
    .map((l, j) => {
      const href = l.type === "smart" ? launchHref(l.url) : null;
      const testId = j === 0 ? "cds-card-link" : `cds-card-link-${j}`;
      return href
        ? `<a class="launch" data-testid="${testId}" href="${escapeHtml(href)}">${escapeHtml(l.label)}</a>`
        : `<span class="muted" data-testid="${testId}-refused">${escapeHtml(l.label)} (link not registered with this EHR: not shown)</span>`;
    })
    .join(" ");
  const source = card.source.url?.startsWith("https://")
    ? `<a href="${escapeHtml(card.source.url)}" rel="noopener noreferrer">${escapeHtml(card.source.label)}</a>`
    : escapeHtml(card.source.label);
  const indicator = ["info", "warning", "critical"].includes(card.indicator) ? card.indicator : "info";
  return `<article class="cds-card cds-${indicator}" data-testid="cds-card" data-indicator="${indicator}" data-index="${i}">
<p class="cds-summary"><span class="cds-indicator" data-testid="cds-card-indicator">${escapeHtml(indicator)}</span> <strong data-testid="cds-card-summary">${escapeHtml(card.summary)}</strong></p>
<div class="cds-detail" data-testid="cds-card-detail">${renderDetail(card.detail)}</div>
<p class="cds-links">${links}</p>
<p class="muted" data-testid="cds-card-source">Source: ${source}</p>
</article>`;
}

export function chartPage(o: ChartPageOptions): string {
  const p = o.patient;
  const id = escapeHtml(p.id);
  let cards: string;
  if (o.outcome.error !== null) {
    cards = `<p data-testid="cds-error"><strong>The CDS service answered ${o.outcome.status}:</strong> ${escapeHtml(o.outcome.error)}</p>`;
  } else if (o.outcome.cards.length === 0) {
    cards =
      '<p data-testid="cds-no-cards" class="muted">No cards: the service has nothing to say about this chart.</p>';
  } else {
    cards = o.outcome.cards.map((c, i) => cardHtml(c, i, o.launchHref)).join("\n");
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.name)} — Sandbox EHR</title><link rel="stylesheet" href="/ehr.css"></head>
<body><header><h1>Sandbox EHR</h1><p>Synthetic patients only · <a class="on-dark" href="/">patient list</a></p></header>
<main>
<h2 data-testid="chart-patient">${escapeHtml(p.name)} <span class="muted">${id}</span></h2>
<p>${p.age ?? "?"} · ${escapeHtml(p.sex)} · ${escapeHtml(p.primary)} · spinal levels: ${escapeHtml(p.levels)}</p>
<section data-testid="cds-cards" aria-label="Decision support (CDS Hooks)">
<h3>Decision support</h3>
${cards}
</section>
<p class="muted" data-testid="cds-call">patient-view hook: <code>POST /cds-services</code>, JWT signed by ${escapeHtml(o.signedBy)},
prefetch ${escapeHtml(o.prefetchKeys.join(", ") || "none")}; answered ${o.outcome.status} in ${o.outcome.ms} ms.</p>
</main></body></html>`;
}

export const CHART_CSS = `
.cds-card { background: #fff; border: 1px solid #d8dee4; border-left: 6px solid #0b5cad; padding: 0.6rem 1rem; margin: 0.6rem 0; max-width: 60rem; }
.cds-card.cds-warning { border-left-color: #b35900; }
.cds-card.cds-critical { border-left-color: #b00020; }
.cds-indicator { text-transform: uppercase; font-size: 0.75rem; color: #57606a; }
.cds-detail ul { margin: 0.4rem 0; padding-left: 1.2rem; }
header a.on-dark { color: #fff; }
`;
