/** A concept's texts, French first; English carries the same keys. */
export interface Messages {
  fr: Record<string, string>
  en: Record<string, string>
}

/** Easy-to-read texts for some existing keys (easy-read.ts), French first; English words the same keys. */
export interface EasyRead {
  fr: Partial<Record<string, string>>
  en: Partial<Record<string, string>>
}

/** Declares a concept's texts: English must carry exactly the French keys. */
export function defineMessages<const F extends Record<string, string>>(
  fr: F,
  en: { [K in keyof F]: string },
) {
  return { fr, en }
}

/** The keys of some message tables, as one object type a catalogue interface can extend. */
export type KeysOf<T extends readonly Messages[]> = UnionToIntersection<T[number]['fr']>

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never
