/**
 * The JavaScript a page of the production build loads before anything lazy: the module scripts and modulepreload
 * links of its HTML, and every module those import statically (`import … from "./x.js"`, `export … from`,
 * `import "./x.js"`), transitively. Dynamic `import("./x.js")` chunks are not counted. Sizes are gzip at zlib's
 * default level (6), as a server compressing on the fly sends them; kB = 1000 bytes, as Vite prints them.
 * Used by specs/09-size.spec.ts (the budget) and bench/browser.ts (the table).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";

/** The main view's initial JavaScript, gzip: the product budget. */
export const INITIAL_JS_BUDGET_GZIP_BYTES = 120_000;

interface InitialJsFile {
  /** Relative to the build folder, e.g. "assets/main-abc.js". */
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface InitialJs {
  html: string;
  files: InitialJsFile[];
  bytes: number;
  gzipBytes: number;
}

/** Static import specifiers of an ES module's text (not dynamic `import(…)`). */
export function staticImports(code: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
  for (let m = re.exec(code); m; m = re.exec(code)) if (m[1]) out.push(m[1]);
  return out;
}

/** Script and modulepreload URLs of an HTML page (relative ones only: the build's own files). */
export function htmlScripts(html: string): string[] {
  const out: string[] = [];
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/gi) ?? []) {
    const isScript = /^<script/i.test(tag) && /\btype=["']?module/i.test(tag);
    const isPreload = /^<link/i.test(tag) && /\brel=["']?modulepreload/i.test(tag);
    const url = /\b(?:src|href)=["']([^"']+)["']/i.exec(tag)?.[1];
    if ((isScript || isPreload) && url && !/^[a-z]+:|^\/\//i.test(url)) out.push(url);
  }
  return out;
}

export function initialJs(distDir: string, htmlFile = "index.html"): InitialJs {
  const htmlPath = join(distDir, htmlFile);
  if (!existsSync(htmlPath)) throw new Error(`no ${htmlFile} in ${distDir}: run "npx vite build" first`);
  const queue = htmlScripts(readFileSync(htmlPath, "utf8")).map((u) =>
    resolve(dirname(htmlPath), u.split(/[?#]/)[0] ?? u),
  );
  const seen = new Set<string>();
  const files: InitialJsFile[] = [];
  while (queue.length > 0) {
    const path = queue.shift() ?? "";
    if (seen.has(path)) continue;
    seen.add(path);
    if (!existsSync(path)) throw new Error(`${relative(distDir, path)} is referenced by ${htmlFile} but missing`);
    const buf = readFileSync(path);
    files.push({ file: relative(distDir, path), bytes: buf.length, gzipBytes: gzipSync(buf).length });
    for (const spec of staticImports(buf.toString("utf8"))) {
      if (spec.startsWith(".")) queue.push(resolve(dirname(path), spec));
    }
  }
  return {
    html: htmlFile,
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
  };
}

export const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
