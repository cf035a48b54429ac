/**
 * Helpers the clinical specs share: launching a sandbox patient into the app, reading the view's figures,
 * reading resources back from the sandbox over FHIR, counting PDF pages and running axe-core.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, type Response, type Route } from "@playwright/test";
import type {
  Bundle,
  FhirResource,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
} from "fhir/r4";
import type { SandboxInfo } from "./sandboxes";

/** Either form of each score's figure: present once the report is on screen. */
export const SCORES_SHOWN = '[data-testid="tokuhashi-total"], [data-testid="tokuhashi-range"]';

/** The one fixed canonical base of the app's Questionnaires, CodeSystem and identifiers (docs/codes.md). */
export const CANONICAL_BASE = "https://w3id.org/spine-met-qol/fhir";
export const APP_CODE_SYSTEM = `${CANONICAL_BASE}/CodeSystem/spine-met-qol`;
export const RESPONSE_ID_SYSTEM = `${CANONICAL_BASE}/NamingSystem/questionnaire-response-id`;

/** Clicks the patient's EHR launch link (or its debug link) on the sandbox EHR page and waits for the scores. */
export async function launchPatient(
  page: Page,
  sandbox: SandboxInfo,
  patientId: string,
  opts: { debug?: boolean } = {},
): Promise<void> {
  await page.goto(sandbox.url);
  await page.getByTestId(`${opts.debug ? "debug-launch" : "launch"}-${patientId}`).click();
  await page.waitForURL((u) => u.pathname === "/app/index.html", { timeout: 30_000 });
  await scoresShown(page);
}

/** Waits for the scores and the score cards (after a launch, a reload or a stored form). */
export async function scoresShown(page: Page): Promise<void> {
  await page.locator(SCORES_SHOWN).first().waitFor({ timeout: 30_000 });
  // The cards render a frame after the verdict strip (ClinicianView's cardsAfterFirstPaint).
  await page.getByTestId("sins-card").waitFor({ timeout: 30_000 });
}

/** The visible text of the first element with this test id (whitespace collapsed), or null when there is none. */
export async function shown(page: Page, testId: string): Promise<string | null> {
  const el = page.getByTestId(testId);
  return (await el.count()) > 0 ? (await el.first().innerText()).replace(/\s+/g, " ").trim() : null;
}

/** GET a FHIR resource or search from the sandbox's open base (no token), as parsed JSON. */
export async function openFhir<T extends FhirResource = FhirResource>(sandbox: SandboxInfo, path: string): Promise<T> {
  const res = await fetch(`${sandbox.openFhirBase}/${path.replace(/^\/+/, "")}`, {
    headers: { accept: "application/fhir+json" },
  });
  if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** Every QuestionnaireResponse of the patient on the sandbox (one page of up to 1000). */
export async function responsesOf(sandbox: SandboxInfo, patientId: string): Promise<QuestionnaireResponse[]> {
  const params = new URLSearchParams({ subject: `Patient/${patientId}`, _count: "1000" });
  const bundle = await openFhir<Bundle>(sandbox, `QuestionnaireResponse?${params.toString()}`);
  return (bundle.entry ?? []).flatMap((e) => {
    const r = e.resource;
    return r?.resourceType === "QuestionnaireResponse" ? [r as QuestionnaireResponse] : [];
  });
}

/** The QuestionnaireResponse items, nested groups flattened, by linkId. */
export function itemsByLinkId(qr: QuestionnaireResponse): Map<string, QuestionnaireResponseItem> {
  const flat = (items: readonly QuestionnaireResponseItem[] = []): QuestionnaireResponseItem[] =>
    items.flatMap((it) => [it, ...flat(it.item)]);
  return new Map(flat(qr.item).map((it) => [it.linkId, it]));
}

/** The first answer of one item (e.g. `.valueInteger` of a VAS), or undefined. */
export function answerOf(qr: QuestionnaireResponse, linkId: string): QuestionnaireResponseItemAnswer | undefined {
  return itemsByLinkId(qr).get(linkId)?.answer?.[0];
}

/** The answer codes of one item (valueCoding.code), in order. */
export function codesOf(qr: QuestionnaireResponse, linkId: string): string[] {
  return (itemsByLinkId(qr).get(linkId)?.answer ?? []).map((a) => a.valueCoding?.code ?? "");
}

/**
 * Pages of a PDF produced by Chromium: the page objects ("/Type /Page", not the "/Type /Pages" tree nodes).
 * Chromium writes them uncompressed; a PDF with none is refused rather than counted as 0.
 */
export function pdfPageCount(pdf: Buffer): number {
  const text = pdf.toString("latin1");
  if (!text.startsWith("%PDF-")) throw new Error("not a PDF");
  const pages = text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
  if (pages === 0) throw new Error("no page objects found in the PDF (compressed object streams?)");
  return pages;
}

/**
 * axe-core (WCAG 2.0/2.1 A and AA rules and best practices) on the page, or on `include` only: the violations of
 * impact serious or critical, one line each with the rule id, its help and the failing targets.
 */
export async function seriousAxeViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact ?? "?"} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
}

/**
 * A FHIR server's refusal for `route.fulfill`: the status, FHIR JSON with CORS (and Retry-After 0 on a 503, so that
 * the app's retries do not wait) and an OperationOutcome with one error issue.
 */
export function fhirError(
  status: number,
  code: string,
  diagnostics: string,
): { status: number; headers: Record<string, string>; json: object } {
  return {
    status,
    headers: {
      "content-type": "application/fhir+json",
      "access-control-allow-origin": "*",
      ...(status === 503 ? { "retry-after": "0" } : {}),
    },
    json: { resourceType: "OperationOutcome", issue: [{ severity: "error", code, diagnostics }] },
  };
}

/** The browser's POST of a QuestionnaireResponse (the conditional create). */
const isPostResponse = (r: Response): boolean =>
  r.request().method() === "POST" && new URL(r.url()).pathname.endsWith("/QuestionnaireResponse");

/**
 * Every POST of a QuestionnaireResponse the page sends from now on (whatever answers it, even a route or nothing),
 * as the identifier value of each.
 */
export function watchPosts(page: Page): string[] {
  const identifiers: string[] = [];
  page.on("request", (r) => {
    if (r.method() !== "POST" || !new URL(r.url()).pathname.endsWith("/QuestionnaireResponse")) return;
    const body = r.postDataJSON() as { identifier?: { value?: string } } | null;
    identifiers.push(body?.identifier?.value ?? "?");
  });
  return identifiers;
}

/** The created resource's id from the 201's Location header (…/QuestionnaireResponse/<id>/_history/<v>). */
function createdId(r: Response): string {
  const location = r.headers()["location"] ?? "";
  const m = /QuestionnaireResponse\/([^/]+)/.exec(location);
  if (!m?.[1]) throw new Error(`no QuestionnaireResponse id in Location "${location}" (HTTP ${r.status()})`);
  return m[1];
}

/** The QuestionnaireResponse a conditional create made, read back from the sandbox's open base. */
export function readCreated(sandbox: SandboxInfo, created: Response): Promise<QuestionnaireResponse> {
  return openFhir<QuestionnaireResponse>(sandbox, `QuestionnaireResponse/${createdId(created)}`);
}

/** The page's QuestionnaireResponse POSTs (their responses), from now until `stop()`. */
export function collectPosts(page: Page): { posts: Response[]; stop: () => void } {
  const posts: Response[] = [];
  const onResponse = (r: Response): void => {
    if (isPostResponse(r)) posts.push(r);
  };
  page.on("response", onResponse);
  return { posts, stop: () => page.off("response", onResponse) };
}

/** Opens the questionnaires panel (when closed) and picks an instrument's form. */
export async function openForm(page: Page, instrument: string): Promise<void> {
  const open = page.getByRole("button", { name: "Open questionnaires" });
  if (await open.isVisible()) await open.click();
  await page.locator("#forms-instrument").selectOption(instrument);
  await page.getByTestId(`form-${instrument}`).waitFor();
}

/** Clicks Submit on an instrument's open form; resolves to the response to its POST. */
export async function submitForm(page: Page, instrument: string): Promise<Response> {
  const post = page.waitForResponse(isPostResponse, { timeout: 20_000 });
  await page.getByTestId(`form-${instrument}`).getByRole("button", { name: "Submit" }).click();
  return post;
}

/** A radio of a choice item, by its linkId and answer code (the renderer's ids are "<prefix>-<linkId>"). */
export const radio = (scope: Page | Locator, linkId: string, code: string): Locator =>
  scope.locator(`fieldset[id$="-${linkId}"] input[type="radio"][value="${code}"]`);

/** Picks level `n` of an EQ-5D dimension with the keyboard: focus the first radio, then Space (level 1) or ↓ n−1 times. */
export async function levelByKeyboard(
  page: Page,
  linkId: string,
  n: number,
  scope: Page | Locator = page,
): Promise<void> {
  await radio(scope, linkId, "eq5d.level.1").focus();
  if (n === 1) await page.keyboard.press("Space");
  for (let i = 1; i < n; i += 1) await page.keyboard.press("ArrowDown");
}

/** Waits for the item's entry control (the cards render a frame after the verdict strip). */
async function itemControl(page: Page, item: string): Promise<void> {
  await page.locator(`select#${item}-entry, input[type="radio"][name="${item}-entry"]`).first().waitFor();
}

/**
 * The clinician's entry of a score item (row id "sins-pain", value "mechanical"): a click on the option's radio
 * (a click on the record's preselected value confirms it), or the SINS location's select.
 */
export async function enterItem(page: Page, item: string, value: string): Promise<void> {
  await itemControl(page, item);
  const select = page.locator(`select#${item}-entry`);
  if ((await select.count()) > 0) {
    await select.selectOption(value);
    return;
  }
  await page.locator(`input[type="radio"][name="${item}-entry"][value="${value}"]`).click();
}

/** The value an item's entry control shows (the checked radio, or the select's value); "" when none. */
export async function entryValue(page: Page, item: string): Promise<string> {
  await itemControl(page, item);
  const select = page.locator(`select#${item}-entry`);
  if ((await select.count()) > 0) return select.inputValue();
  const checked = page.locator(`input[type="radio"][name="${item}-entry"]:checked`);
  return (await checked.count()) > 0 ? ((await checked.getAttribute("value")) ?? "") : "";
}

/** The default v1 scopes of launch/scopes.ts without `patient/QuestionnaireResponse.write`. */
const READ_ONLY_SCOPES =
  "openid fhirUser launch launch/patient patient/Patient.read patient/Condition.read patient/Observation.read patient/Procedure.read patient/QuestionnaireResponse.read online_access";

/** Serves the sandbox's app-config.json with some keys replaced, to this page only. */
export async function appConfigWith(page: Page, over: Record<string, unknown>): Promise<void> {
  await page.route(
    (u) => u.pathname === "/app/app-config.json",
    async (route: Route) => {
      const res = await route.fetch();
      const config = (await res.json()) as Record<string, unknown>;
      await route.fulfill({ response: res, json: { ...config, ...over } });
    },
  );
}

/** Serves the sandbox's app-config.json with the scopes replaced by READ_ONLY_SCOPES, to this page only. */
export function readOnlyLaunch(page: Page): Promise<void> {
  return appConfigWith(page, { scopes: READ_ONLY_SCOPES });
}

/** Opens the EQ-5D-5L form and fills it completely (profile 11111, EQ VAS 80, pre-op). */
export async function fillEq5d(page: Page): Promise<void> {
  await openForm(page, "eq5d5l");
  const form = page.getByTestId("form-eq5d5l");
  await radio(form, "timepoint", "timepoint.preop").check();
  for (const dim of ["eq5d-mo", "eq5d-sc", "eq5d-ua", "eq5d-pd", "eq5d-ad"])
    await radio(form, dim, "eq5d.level.1").check();
  await form.locator('input[id$="-eq-vas-number"]').fill("80");
}

/** What the view says, next to Save assessment and in the forms panel, when the launch may not write. */
export const NO_WRITE =
  "This launch did not grant permission to save to the patient's record, so nothing is sent. What you enter stays on this page.";

/** Save assessment is disabled, and NO_WRITE stands next to it. */
export async function expectSaveOff(page: Page): Promise<void> {
  const save = page.getByTestId("save-assessment");
  expect(
    await save.getByRole("button", { name: "Save assessment" }).isDisabled(),
    "Save assessment disabled",
  ).toBeTruthy();
  expect(await save.getByText(NO_WRITE).isVisible(), "Save assessment says why").toBeTruthy();
}
