/**
 * One catalogue key per value of a domain, built from the value by a template literal (`app.sins.pain.${v}`):
 * the compiler checks each built key against the catalogue, so a value without its words does not compile.
 */
import type { MessageKey } from "./keys";

export function keyed<V extends string, K extends MessageKey>(
  values: readonly V[],
  key: (value: V) => K,
): Readonly<Record<V, K>> {
  return Object.fromEntries(values.map((v) => [v, key(v)])) as Record<V, K>;
}
