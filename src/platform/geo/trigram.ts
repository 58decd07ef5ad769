/**
 * pg_trgm's `word_similarity(a, b)` for the normalised names communes are searched by (only
 * [a-z0-9 ]), so the autocompletion served from memory ranks misspellings exactly as the
 * database did: the greatest similarity between the trigrams of `a` and a run of consecutive
 * trigrams of `b` (pg_trgm's calc_word_similarity and iterate_word_similarity, flags off).
 */
export function wordSimilarity(a: string, b: string): number {
  const wanted = new Set(trigrams(a))
  if (wanted.size === 0) return 0
  const sequence = trigrams(b)
  const ulen1 = wanted.size
  const lastPos = new Map<string, number>()
  let lower = -1
  let count = 0
  let ulen2 = 0
  let best = 0
  for (let i = 0; i < sequence.length; i++) {
    const trigram = sequence[i]!
    const found = wanted.has(trigram)
    if (lower >= 0 || found) {
      if ((lastPos.get(trigram) ?? -1) < 0) {
        ulen2++
        if (found) count++
      }
      lastPos.set(trigram, i)
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
      const dropped = sequence[tmpLower]!
      if (lastPos.get(dropped) === tmpLower) {
        tmpUlen2--
        if (wanted.has(dropped)) tmpCount--
      }
    }
    best = Math.max(best, current)
    for (let tmpLower = previousLower; tmpLower < lower; tmpLower++) {
      const dropped = sequence[tmpLower]!
      if (lastPos.get(dropped) === tmpLower) lastPos.set(dropped, -1)
    }
  }
  return best
}

/** pg_trgm stores similarities as float4: comparing at that precision keeps its ties and thresholds. */
const similarity = (count: number, len1: number, len2: number) => Math.fround(count / (len1 + len2 - count))

/** Each word padded with two spaces before and one after, as pg_trgm does, in order. */
function trigrams(text: string): string[] {
  const out: string[] = []
  for (const word of text.split(' ')) {
    if (word === '') continue
    const padded = `  ${word} `
    for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3))
  }
  return out
}
