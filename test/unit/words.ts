/**
 * The core's messages in English words, for tests that check a sentence word for word: the same path as the
 * CLI's JSON and the English view (coreText / coreSentences of src/i18n/core.ts).
 */
import { coreSentences, coreText } from "../../src/i18n/core";
import type { CoreMessage } from "../../src/scores/types";

export function en(message: CoreMessage | readonly CoreMessage[] | null | undefined): string | undefined {
  if (message === null || message === undefined) return undefined;
  return Array.isArray(message)
    ? coreSentences("en", message as readonly CoreMessage[])
    : coreText("en", message as CoreMessage);
}
