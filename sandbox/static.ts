/**
 * Serves the production build (dist/) under /app/, compressed (br or gzip) as a real deployment serves it, its
 * HTML pages with the headers a hospital deployment serves (launch/csp.ts deploymentHeaders: a Content-Security-Policy narrowed to this origin, frame-ancestors,
 * Referrer-Policy), and the sandbox's own app-config.json in place of the shipped one.
 */
import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";
import { send } from "./http-util";
import { appMissingPage, EHR_CSP } from "./pages";
import { deploymentHeaders } from "../launch/csp";

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

/** Text the sandbox compresses, as a real deployment's web server does. */
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".svg", ".txt", ".map", ".webmanifest"]);

/** Brotli when the browser takes it, else gzip, else none (a few kB of text: compressed on each request). */
function encode(body: Buffer, acceptEncoding: string | undefined): { encoding: "br" | "gzip"; body: Buffer } | null {
  const accepted = new Set((acceptEncoding ?? "").split(",").map((e) => e.split(";")[0]?.trim().toLowerCase()));
  if (accepted.has("br")) {
    return { encoding: "br", body: brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }) };
  }
  if (accepted.has("gzip")) return { encoding: "gzip", body: gzipSync(body, { level: 6 }) };
  return null;
}

export interface StaticApp {
  built: () => boolean;
  serve: (req: IncomingMessage, res: ServerResponse, relPath: string) => Promise<void>;
}

/**
 * The headers of the app's HTML pages on the sandbox: it talks to its own origin only ('self') and may be
 * framed by the sandbox's EHR page (same origin), as a hospital's EHR frames it.
 */
const SANDBOX_APP_HEADERS = deploymentHeaders({ connectOrigins: [], frameAncestors: ["'self'"] });

export function staticApp(distDir: string): StaticApp {
  const root = normalize(distDir);
  const built = (): boolean => existsSync(join(root, "index.html"));
  return {
    built,
    async serve(req, res, relPath) {
      if (req.method !== "GET" && req.method !== "HEAD") {
        return send(res, 405, "Method not allowed", "text/plain; charset=utf-8", { Allow: "GET, HEAD" });
      }
      if (!built()) {
        return send(res, 503, appMissingPage(), "text/html; charset=utf-8", {
          "Content-Security-Policy": EHR_CSP,
          "Cache-Control": "no-store",
        });
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
      if (!existsSync(file) || !statSync(file).isFile())
        return send(res, 404, "Not found", "text/plain; charset=utf-8");
      const ext = extname(file).toLowerCase();
      const type = MIME[ext] ?? "application/octet-stream";
      const headers: Record<string, string> = {
        "Cache-Control":
          ext === ".html" || ext === ".json"
            ? "no-cache"
            : rel.startsWith("assets/")
              ? "public, max-age=31536000, immutable"
              : "no-cache",
      };
      if (ext === ".html") Object.assign(headers, SANDBOX_APP_HEADERS);
      const body = await readFile(file);
      const encoded = COMPRESSIBLE.has(ext) ? encode(body, req.headers["accept-encoding"]) : null;
      if (encoded) Object.assign(headers, { "Content-Encoding": encoded.encoding, Vary: "Accept-Encoding" });
      send(res, 200, encoded?.body ?? body, type, headers);
    },
  };
}

/**
 * The app-config.json the sandbox serves: the build's own (the shipped one refuses every server) with this
 * sandbox's two FHIR bases allowed and open-server debug launches on loopback — what an installer writes for
 * a test system. Everything else stays as the build ships it.
 */
export async function sandboxAppConfig(distDir: string, origin: string): Promise<Record<string, unknown>> {
  let shipped: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(await readFile(join(distDir, "app-config.json"), "utf8"));
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed))
      shipped = parsed as Record<string, unknown>;
  } catch {
    shipped = {};
  }
  return {
    ...shipped,
    $comment: "Served by the sandbox EHR: the build's app-config.json with this sandbox's FHIR servers allowed.",
    issAllowlist: [`${origin}/fhir`, `${origin}/open/fhir`],
    openServerLaunch: "loopback",
  };
}
