/**
 * The sheet's own words (src/i18n/sections/print.ts): registered into the one catalogue when the sheet's chunk
 * loads, so they are not in the first download, and read through the view's translator.
 */
import { registerSection, type MessageKey, type MessageParams, type Translator } from "../../i18n";
import { printStrings, type PrintKey } from "../../i18n/sections/print";

registerSection(printStrings);

/** A print-only key through the translator (the key is in the catalogue once this module has loaded). */
export function printText(tr: Pick<Translator, "t">, key: PrintKey, params?: MessageParams): string {
  return tr.t(key as string as MessageKey, params);
}
