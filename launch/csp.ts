/**
 * Content Security Policy of the app's pages: no inline scripts, no eval.
 * connect-src stays open to https (the FHIR server is whatever `iss` the EHR sends) and to loopback for the
 * local sandbox; a hospital tightens it in its web server's header. Used by the build (a <meta> in every page)
 * and by the sandbox (the same policy as a header).
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
