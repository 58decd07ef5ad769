import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { normaliseCommuneName } from './normalise.ts'

describe('normaliseCommuneName', () => {
  it('ignores case, accents, hyphens and apostrophes', () => {
    assert.equal(normaliseCommuneName('Sainte-Mère-Église'), 'sainte mere eglise')
    assert.equal(normaliseCommuneName('sainte mere eglise'), 'sainte mere eglise')
    assert.equal(normaliseCommuneName("L'Abergement-Clémenciat"), 'l abergement clemenciat')
    assert.equal(normaliseCommuneName('L’Haÿ-les-Roses'), 'l hay les roses')
  })

  it('spells out the « st » and « ste » abbreviations as whole words only', () => {
    assert.equal(normaliseCommuneName('STE MERE EGLISE'), 'sainte mere eglise')
    assert.equal(normaliseCommuneName('St-Lô'), 'saint lo')
    assert.equal(normaliseCommuneName('Stenay'), 'stenay')
    assert.equal(normaliseCommuneName('Ploumanac’h st'), 'ploumanac h saint')
  })

  it('turns punctuation, emoji and repeated spaces into single spaces', () => {
    assert.equal(normaliseCommuneName('  Caen   (14000) '), 'caen 14000')
    assert.equal(normaliseCommuneName('🏠 Caen 🚲'), 'caen')
    assert.equal(normaliseCommuneName('Œuilly'), 'oeuilly')
  })

  it('leaves nothing of what cannot be searched', () => {
    for (const text of ['', '   ', '🙂🙂', "'; --", '¿?!…']) assert.equal(normaliseCommuneName(text), '')
  })

  it('keeps SQL metacharacters out of the result, so LIKE patterns built from it have no wildcard', () => {
    assert.equal(normaliseCommuneName("'; DROP TABLE communes; --"), 'drop table communes')
    assert.equal(normaliseCommuneName('100%_caen\\'), '100 caen')
  })
})
