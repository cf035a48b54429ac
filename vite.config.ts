import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";

/**
 * Content Security Policy for the built pages: no inline scripts, no eval.
 * connect-src stays open to https (the FHIR server is whatever `iss` the EHR sends) and to
 * loopback for the local sandbox; a hospital tightens it in its web server's header.
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

function cspMeta(): Plugin {
  return {
    name: "csp-meta",
    apply: "build",
    transformIndexHtml() {
      return [
        {
          tag: "meta",
          attrs: { "http-equiv": "Content-Security-Policy", content: contentSecurityPolicy },
          injectTo: "head-prepend",
        },
      ];
    },
  };
}

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  base: "./",
  plugins: [react(), cspMeta()],
  // fhirclient: the "pure" build without polyfills, and the browser's own WebCrypto (STACK.md).
  define: { FHIRCLIENT_PURE: "true" },
  resolve: {
    alias: {
      "isomorphic-webcrypto": here("./launch/webcrypto.ts"),
    },
  },
  build: {
    outDir: "dist",
    sourcemap: true,
    rollupOptions: {
      input: {
        main: here("./index.html"),
        launch: here("./launch.html"),
      },
    },
  },
});
