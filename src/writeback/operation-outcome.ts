import type { OperationOutcome } from "fhir/r4";

/**
 * The server's OperationOutcome in words: each issue's details text, else its diagnostics, else its code,
 * with the element it points at. Plain text only (the UI renders it as text, never as HTML); the
 * outcome's own narrative is not used because it is HTML.
 */
export function operationOutcomeText(outcome: OperationOutcome | null | undefined): string | null {
  const lines: string[] = [];
  for (const issue of outcome?.issue ?? []) {
    const words = issue.details?.text ?? issue.diagnostics ?? issue.details?.coding?.[0]?.display ?? issue.code;
    const where = issue.expression?.[0] ?? issue.location?.[0];
    const line = where ? `${words} (${where})` : words;
    if (line && !lines.includes(line)) lines.push(line);
  }
  return lines.length ? lines.join("; ") : null;
}
