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

const MARKDOWN_SPECIAL = /[\r\n\\`*_[\]()<>#!|~&]/;
const LINE_BREAKS = /[\r\n]+/g;
const MARKDOWN_SYNTAX = /[\\`*_[\]()<>#!|~&]/g;

/**
 * Escapes text from the record for GitHub-flavoured markdown (the card's detail): no emphasis, link, image,
 * HTML or table syntax can come from data, and line breaks become spaces (dynamic text never starts a line).
 */
export function escapeMarkdown(text: string): string {
  return MARKDOWN_SPECIAL.test(text) ? text.replace(LINE_BREAKS, " ").replace(MARKDOWN_SYNTAX, "\\$&") : text;
}
