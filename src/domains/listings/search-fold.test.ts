import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { foldPlurals, lexemesOf, namedCategories, pluralVariant, wordCountBounds } from './search-fold.ts'

describe('folding what the French stemmer leaves apart', () => {
  it('asks for both numbers of a lexeme the stemmer keeps its « s » on', () => {
    assert.equal(pluralVariant('velo'), 'velos')
    assert.equal(pluralVariant('velos'), 'velo')
    assert.equal(pluralVariant('photos'), 'photo')
    assert.equal(pluralVariant('ordin'), null)
    assert.equal(pluralVariant('ab'), null)
    assert.equal(pluralVariant("l'o"), null)
    assert.equal(foldPlurals("'velo' & 'roug'"), "('velo' | 'velos') & 'roug'")
    assert.equal(foldPlurals("!'velo' <-> 'radios'"), "!('velo' | 'velos') <-> ('radios' | 'radio')")
    // A lexeme with a quote, a weight or a prefix is left as written.
    assert.equal(foldPlurals("'l''eau' & 'velo':*"), "'l''eau' & 'velo':*")
    assert.deepEqual(lexemesOf("'l''eau' & 'velo' | 'velo'"), ["l'eau", 'velo'])
  })

  it('bounds the count of one word from the counts of its two numbers', () => {
    assert.deepEqual(wordCountBounds(['velo'], { velo: 3, velos: 4 }, true), { least: 4, most: 7 })
    assert.deepEqual(wordCountBounds(['ordin'], { ordin: 120 }, true), { least: 120, most: 120 })
    assert.deepEqual(wordCountBounds(['velo', 'roug'], { velo: 3 }, true), { least: 0, most: 0 })
    assert.equal(wordCountBounds(['velo', 'roug'], { velo: 3, roug: 2 }, true), null)
    assert.equal(wordCountBounds(['velo'], { velo: 3 }, false), null)
  })

  it('names the categories that hold every word, in either number', () => {
    const categories = [
      { id: 'a', lexemes: ['bricolag', 'reparation'] },
      { id: 'b', lexemes: ['velos', 'trottinet'] },
    ]
    assert.deepEqual(namedCategories(['bricolag'], categories, true), ['a'])
    assert.deepEqual(namedCategories(['velo'], categories, true), ['b'])
    assert.deepEqual(namedCategories(['velo', 'bricolag'], categories, true), [])
    assert.deepEqual(namedCategories(['velo'], categories, false), [])
  })
})
