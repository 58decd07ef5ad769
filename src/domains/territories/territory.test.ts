import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { normaliseHost } from '../../platform/tenancy/territory.ts'
import { safeReturnPath } from './territory.pages.tsx'
import { contrastRatio, DEPARTEMENT_CODE, HOSTNAME, primaryColourProblem } from './territory.ts'

describe('territory rules', () => {
  it('computes WCAG contrast ratios', () => {
    assert.equal(Math.round(contrastRatio('#000000', '#ffffff')), 21)
    assert.equal(contrastRatio('#777777', '#ffffff').toFixed(2), '4.48')
  })

  it('refuses a primary colour on which white text fails AA', () => {
    assert.equal(primaryColourProblem('#1f4e8c'), null)
    assert.equal(primaryColourProblem('#767676'), null)
    assert.equal(primaryColourProblem('#777777'), 'contrast')
    assert.equal(primaryColourProblem('#ffffff'), 'contrast')
    assert.equal(primaryColourProblem('#ffd700'), 'contrast')
    assert.equal(primaryColourProblem('blue'), 'format')
    assert.equal(primaryColourProblem('#12345'), 'format')
  })

  it('knows département codes, Corsica and overseas included', () => {
    for (const code of ['01', '14', '2A', '2B', '75', '95', '971', '976'])
      assert.ok(DEPARTEMENT_CODE.test(code), code)
    for (const code of ['00', '20', '96', '977', '1', 'AB', '14 '])
      assert.ok(!DEPARTEMENT_CODE.test(code), code)
  })

  it('compares hosts without case, port or trailing dot', () => {
    assert.equal(normaliseHost('Entraide.Calvados.FR:443'), 'entraide.calvados.fr')
    assert.equal(normaliseHost('entraide.calvados.fr.'), 'entraide.calvados.fr')
    assert.equal(normaliseHost('[::1]:3000'), '[::1]')
    assert.ok(HOSTNAME.test('entraide.calvados.fr'))
    assert.ok(!HOSTNAME.test('entraide calvados'))
    assert.ok(!HOSTNAME.test('-bad.fr'))
  })

  it('only returns to paths of this site after a language switch', () => {
    assert.equal(safeReturnPath('/communes?q=caen'), '/communes?q=caen')
    assert.equal(safeReturnPath('https://evil.example/'), '/')
    assert.equal(safeReturnPath('//evil.example/'), '/')
    assert.equal(safeReturnPath('/\\evil.example'), '/')
    assert.equal(safeReturnPath(undefined), '/')
  })
})
