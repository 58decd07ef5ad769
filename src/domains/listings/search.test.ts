import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { decodeCursor, effectiveSort, encodeCursor, parseSearch, searchHref } from './search.ts'
import { boxFits } from './search-paths.repository.ts'

const ID = '0b7e3c2a-1d4f-4a5b-8c6d-7e8f9a0b1c2d'

describe('search query', () => {
  it('reads a GET form where empty fields mean any', () => {
    const parsed = parseSearch({
      words: '  aide   ordinateur ',
      kind: '',
      categories: ['digital-help', ''],
      radiusKm: '10',
      sort: '',
    })
    assert.ok('query' in parsed)
    assert.deepEqual(parsed.query, {
      kind: null,
      categories: ['digital-help'],
      commune: null,
      radiusKm: 10,
      words: 'aide ordinateur',
      urgency: null,
      sort: null,
      cursor: null,
    })
  })

  it('refuses long words, unknown sorts, radii, kinds and malformed cursors with a reason each', () => {
    const parsed = parseSearch({
      words: 'a'.repeat(10_000),
      sort: 'price',
      radiusKm: '7',
      kind: 'sale',
      cursor: 'xx',
    })
    assert.ok('issues' in parsed)
    assert.deepEqual(
      parsed.issues.map((i) => i.key),
      [
        'search.error.kind',
        'search.error.radius',
        'search.error.wordsTooLong',
        'search.error.sort',
        'search.error.cursor',
      ],
    )
    assert.ok('issues' in parseSearch({ categories: ["'; DROP TABLE listings; --"] }))
  })

  it('keeps SQL-looking words as words', () => {
    const parsed = parseSearch({ words: "'; DROP TABLE listings; --" })
    assert.ok('query' in parsed)
    assert.equal(parsed.query.words, "'; DROP TABLE listings; --")
  })

  it('round-trips cursors and rejects forged ones', () => {
    const cursor = { sort: 'urgency' as const, values: [1, 1_767_225_600_000], id: ID }
    assert.deepEqual(decodeCursor(encodeCursor(cursor)), cursor)
    assert.deepEqual(decodeCursor(encodeCursor({ sort: 'relevance', values: [0.1234567], id: ID })), {
      sort: 'relevance',
      values: [0.1234567],
      id: ID,
    })
    const forged = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
    assert.equal(decodeCursor(forged(['newest', [1], "1' or '1'='1"])), null)
    assert.equal(decodeCursor(forged(['price', [1], ID])), null)
    assert.equal(decodeCursor(forged(['newest', ['1'], ID])), null)
    assert.equal(decodeCursor(forged(['urgency', [1], ID])), null)
    assert.equal(decodeCursor('not base64!'), null)
  })

  it('rejects cursors whose values no search could have written (a date past year 9999, a huge rank)', () => {
    const forged = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
    assert.equal(decodeCursor(forged(['newest', [1e300], ID])), null)
    assert.equal(decodeCursor(forged(['newest', [-1], ID])), null)
    assert.equal(decodeCursor(forged(['urgency', [9_999_999_999, 1_767_225_600_000], ID])), null)
    assert.equal(decodeCursor(forged(['urgency', [1, 1e20], ID])), null)
    assert.equal(decodeCursor(forged(['distance', [-5], ID])), null)
    assert.equal(decodeCursor(forged(['relevance', [1e308], ID])), null)
    assert.ok(decodeCursor(forged(['distance', [12_345.6], ID])))
  })

  it('chooses the order that fits: relevance needs words, distance a centre', () => {
    assert.equal(effectiveSort(null, true, true), 'relevance')
    assert.equal(effectiveSort(null, false, true), 'distance')
    assert.equal(effectiveSort(null, false, false), 'newest')
    assert.equal(effectiveSort('relevance', false, false), 'newest')
    assert.equal(effectiveSort('distance', true, false), 'relevance')
    assert.equal(effectiveSort('urgency', true, true), 'urgency')
  })

  it('writes links that read back as the same search', () => {
    const query = {
      kind: 'ask' as const,
      categories: ['a', 'b'],
      commune: 'Lisieux (14100)',
      radiusKm: 10 as const,
      words: 'école',
      urgency: null,
      sort: null,
    }
    const href = searchHref(query, 'abc')
    const params = new URLSearchParams(href.split('?')[1])
    assert.deepEqual(params.getAll('categories'), ['a', 'b'])
    const parsed = parseSearch({
      ...Object.fromEntries(params),
      categories: params.getAll('categories'),
      cursor: undefined,
    })
    assert.ok('query' in parsed)
    assert.deepEqual({ ...parsed.query, cursor: undefined }, { ...query, cursor: undefined })
  })
})

describe('reading a circle through the GiST box', () => {
  const circle = (share: number) => ({ communes: ['14118'], share })
  it('is chosen where walking the newest would read more rows than the box holds', () => {
    // at 1,000,000 listings and pages of 21 the costs meet near 0.46 % of the inhabitants
    assert.equal(boxFits(circle(0.004), 21, 1_000_000), true)
    assert.equal(boxFits(circle(0.006), 21, 1_000_000), false)
    // a small territory reads wider circles through the box
    assert.equal(boxFits(circle(0.04), 21, 10_000), true)
    assert.equal(boxFits(circle(0.05), 21, 10_000), false)
  })
  it('falls back to 1 % of the inhabitants when the listings were never counted', () => {
    assert.equal(boxFits(circle(0.009), 21, 0), true)
    assert.equal(boxFits(circle(0.011), 21, 0), false)
  })
})
