import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { contentSecurityPolicy } from "./launch/csp.ts";

export { contentSecurityPolicy };

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
  // fhirclient: the "pure" build without polyfills, and the browser's own WebCrypto.
  define: { FHIRCLIENT_PURE: "true" },
  resolve: {
    alias: {
      "isomorphic-webcrypto": here("./launch/webcrypto.ts"),
    },
  },
  build: {
    outDir: "dist",
    // No source maps in what a hospital deploys; `SOURCEMAP=true npm run build` for debugging.
    sourcemap: process.env.SOURCEMAP === "true",
    rolldownOptions: {
      input: {
        main: here("./index.html"),
        launch: here("./launch.html"),
      },
    },
  },
});
