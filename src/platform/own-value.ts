/**
 * The value `map` holds for `key` itself, or undefined: a key from a request (`?fait=__proto__`)
 * must never reach what every object inherits.
 */
export function ownValue<V>(map: Record<string, V>, key: string | undefined): V | undefined {
  return key !== undefined && Object.hasOwn(map, key) ? map[key] : undefined
}
