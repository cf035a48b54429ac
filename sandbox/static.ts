/** Serves the production build (dist/) under /app/ with a Content-Security-Policy header. */
import { existsSync, readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { send } from "./http-util";
import { appMissingPage, EHR_CSP } from "./pages";
import { contentSecurityPolicy } from "../launch/csp";

/** The app's policy when the build carries none: the one the build uses (launch/csp.ts). */
export const FALLBACK_APP_CSP = contentSecurityPolicy;

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/** The policy the build put in index.html's `<meta http-equiv="Content-Security-Policy">`, if any. */
export function cspFromBuild(distDir: string): string | null {
  const index = join(distDir, "index.html");
  if (!existsSync(index)) return null;
  const html = readFileSync(index, "utf8");
  const m = /<meta[^>]*http-equiv=["']Content-Security-Policy["'][^>]*\scontent=(?:"([^"]*)"|'([^']*)')/i.exec(html);
  const value = m?.[1] ?? m?.[2];
  return value ? value.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&") : null;
}

export interface StaticApp {
  built: () => boolean;
  /** The policy sent with the app's HTML pages (the build's own, read again after each rebuild). */
  csp: () => string;
  serve(req: IncomingMessage, res: ServerResponse, relPath: string): Promise<void>;
}

export function staticApp(distDir: string): StaticApp {
  const root = normalize(distDir);
  const csp = (): string => cspFromBuild(root) ?? FALLBACK_APP_CSP;
  const built = (): boolean => existsSync(join(root, "index.html"));
  return {
    built,
    csp,
    async serve(req, res, relPath) {
      if (req.method !== "GET" && req.method !== "HEAD") {
        return send(res, 405, "Method not allowed", "text/plain; charset=utf-8", { Allow: "GET, HEAD" });
      }
      if (!built()) {
        return send(res, 503, appMissingPage(), "text/html; charset=utf-8", { "Content-Security-Policy": EHR_CSP, "Cache-Control": "no-store" });
      }
      let rel: string;
      try {
        rel = decodeURIComponent(relPath || "index.html");
      } catch {
        return send(res, 400, "Bad path", "text/plain; charset=utf-8");
      }
      const file = normalize(join(root, rel));
      if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) {
        return send(res, 403, "Forbidden", "text/plain; charset=utf-8");
      }
      if (!existsSync(file) || !statSync(file).isFile()) return send(res, 404, "Not found", "text/plain; charset=utf-8");
      const ext = extname(file).toLowerCase();
      const type = MIME[ext] ?? "application/octet-stream";
      const headers: Record<string, string> = {
        "Cache-Control": ext === ".html" || ext === ".json" ? "no-cache" : rel.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      };
      if (ext === ".html") headers["Content-Security-Policy"] = csp();
      send(res, 200, await readFile(file), type, headers);
    },
  };
}
