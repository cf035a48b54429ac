/**
 * Content Security Policy of the app's pages: no inline scripts, no eval.
 *
 * The build puts `contentSecurityPolicy` in every page as a <meta>: a static build cannot know the hospital's
 * FHIR server, so its connect-src allows https (and loopback for the local sandbox). A deployment narrows it in
 * its web server's header with `deploymentHeaders` (the sandbox does, for its own origin); a browser enforces
 * both policies, so the header's narrower connect-src wins. Only a header can carry `frame-ancestors` (a <meta>
 * policy ignores it) — docs/INTEGRATION.md, section 7.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

export interface DeploymentPolicy {
  /** Origins the app talks to besides its own: the FHIR server and its token endpoint (`https://fhir.hospital.example`). */
  connectOrigins: readonly string[];
  /** Who may embed the app in a frame: the EHR's origin, or none (`'none'`). */
  frameAncestors: readonly string[];
}

/** The response headers a deployment serves with the app's HTML pages. */
export function deploymentHeaders(policy: DeploymentPolicy): Record<string, string> {
  const csp = contentSecurityPolicy
    .split("; ")
    .map((d) => (d.startsWith("connect-src ") ? ["connect-src 'self'", ...policy.connectOrigins].join(" ") : d));
  csp.push(`frame-ancestors ${policy.frameAncestors.length > 0 ? policy.frameAncestors.join(" ") : "'none'"}`);
  return {
    "Content-Security-Policy": csp.join("; "),
    // The authorization code is in the redirect's address until fhirclient removes it: never send it onwards.
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
  };
}
