/**
 * The CDS section of the catalogue (src/i18n/sections/cds.ts), joined to the one catalogue at import, and a
 * typed reader for its keys. Parameters are strings (numbers are formatted by the caller as the view writes
 * them: `1–16`, no locale grouping).
 */
import { registerSection, type Translator } from "../i18n";
import { cdsStrings, type CdsKey } from "../i18n/sections/cds";

registerSection(cdsStrings);

/** A key of the CDS section, through the one translator. */
export function cdsText(t: Translator, key: CdsKey, params: Record<string, string> = {}): string {
  return t.t(key, params);
}

/** What each ASCII character is to the escape: markdown syntax (backslashed), a line break (a space), or text. */
const SYNTAX = 1;
const LINE_BREAK = 2;
const MARKDOWN_CHAR = new Uint8Array(128);
for (const c of "\\`*_[]()<>#!|~&") MARKDOWN_CHAR[c.charCodeAt(0)] = SYNTAX;
MARKDOWN_CHAR[13] = MARKDOWN_CHAR[10] = LINE_BREAK;

function charKind(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c < 128 ? (MARKDOWN_CHAR[c] ?? 0) : 0;
}

/**
 * Escapes text from the record for GitHub-flavoured markdown (the card's detail): no emphasis, link, image,
 * HTML or table syntax can come from data, and line breaks become spaces (dynamic text never starts a line).
 * One scan: the text as given when nothing needs escaping; a run of line breaks is one space.
 */
export function escapeMarkdown(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const kind = charKind(text, i);
    if (kind === 0) continue;
    out += text.slice(from, i);
    if (kind === SYNTAX) out += `\\${text.charAt(i)}`;
    else {
      out += " ";
      while (i + 1 < text.length && charKind(text, i + 1) === LINE_BREAK) i++;
    }
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
