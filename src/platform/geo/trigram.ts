/**
 * pg_trgm's `word_similarity(a, b)` for the normalised names communes are searched by (only
 * [a-z0-9 ]), so the autocompletion served from memory ranks misspellings exactly as the
 * database did: the greatest similarity between the trigrams of `a` and a run of consecutive
 * trigrams of `b` (pg_trgm's calc_word_similarity and iterate_word_similarity, flags off).
 * Trigrams are numbers (37 symbols, three places), so a name's are a small typed array.
 */
const SYMBOLS = 37
const CODES = SYMBOLS ** 3

function symbol(char: number): number {
  if (char >= 97 && char <= 122) return char - 96
  if (char >= 48 && char <= 57) return char - 48 + 27
  return 0
}

/** Each word padded with two spaces before and one after, as pg_trgm does, in order. */
export function trigramCodes(text: string): Uint16Array {
  const out: number[] = []
  for (const word of text.split(' ')) {
    if (word === '') continue
    const s = [0, 0, ...Array.from(word, (c) => symbol(c.charCodeAt(0))), 0]
    for (let i = 0; i + 3 <= s.length; i++) out.push((s[i]! * SYMBOLS + s[i + 1]!) * SYMBOLS + s[i + 2]!)
  }
  return Uint16Array.from(out)
}

/** Last position of each trigram in the run being read; reset after each use, so shared. */
const lastPos = new Int32Array(CODES).fill(-1)

/** pg_trgm stores similarities as float4: comparing at that precision keeps its ties and thresholds. */
const similarity = (count: number, len1: number, len2: number) => Math.fround(count / (len1 + len2 - count))

/** What was typed, ready to be compared with many names. */
export class TrigramQuery {
  readonly #wanted = new Uint8Array(CODES)
  readonly #size: number

  constructor(text: string) {
    let size = 0
    for (const code of trigramCodes(text)) {
      if (this.#wanted[code] === 0) size++
      this.#wanted[code] = 1
    }
    this.#size = size
  }

  /**
   * At least the similarity: count / (len1 + len2 - count) never exceeds the share of the typed
   * trigrams the name holds, so a name below the threshold by this is skipped unread.
   */
  upperBound(name: Uint16Array): number {
    if (this.#size === 0) return 0
    let found = 0
    for (const code of name) {
      if (this.#wanted[code] === 1) {
        this.#wanted[code] = 2
        found++
      }
    }
    for (const code of name) if (this.#wanted[code] === 2) this.#wanted[code] = 1
    return found / this.#size
  }

  similarity(name: Uint16Array): number {
    const wanted = this.#wanted
    const ulen1 = this.#size
    if (ulen1 === 0) return 0
    let lower = -1
    let count = 0
    let ulen2 = 0
    let best = 0
    for (let i = 0; i < name.length; i++) {
      const trigram = name[i]!
      const found = wanted[trigram] !== 0
      if (lower >= 0 || found) {
        if (lastPos[trigram]! < 0) {
          ulen2++
          if (found) count++
        }
        lastPos[trigram] = i
      }
      if (!found) continue
      const upper = i
      if (lower === -1) {
        lower = i
        ulen2 = 1
      }
      let current = similarity(count, ulen1, ulen2)
      let tmpCount = count
      let tmpUlen2 = ulen2
      const previousLower = lower
      for (let tmpLower = lower; tmpLower <= upper; tmpLower++) {
        const candidate = similarity(tmpCount, ulen1, tmpUlen2)
        if (candidate > current) {
          current = candidate
          ulen2 = tmpUlen2
          lower = tmpLower
          count = tmpCount
        }
        const dropped = name[tmpLower]!
        if (lastPos[dropped] === tmpLower) {
          tmpUlen2--
          if (wanted[dropped] !== 0) tmpCount--
        }
      }
      best = Math.max(best, current)
      for (let tmpLower = previousLower; tmpLower < lower; tmpLower++) {
        const dropped = name[tmpLower]!
        if (lastPos[dropped] === tmpLower) lastPos[dropped] = -1
      }
    }
    for (const code of name) lastPos[code] = -1
    return best
  }
}

export function wordSimilarity(a: string, b: string): number {
  return new TrigramQuery(a).similarity(trigramCodes(b))
}
