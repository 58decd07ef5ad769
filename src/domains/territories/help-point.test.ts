import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Issue } from '../../platform/validation.ts'
import { byCommune, checkHelpline, checkHelpPoint, type HelpPoint, oneLine } from './help-point.ts'

describe('the phone line’s rules', () => {
  it('keeps the number in E.164 and the hours on one line, English only beside French', () => {
    assert.deepEqual(
      checkHelpline({ phone: '02 61 91 00 00', hoursFr: ' lundi\n  au vendredi ', hoursEn: '' }),
      {
        value: { phone: '+33261910000', hours: { fr: 'lundi au vendredi' } },
        issues: [],
      },
    )
    assert.deepEqual(checkHelpline({ phone: '', hoursFr: '', hoursEn: '' }).value, {
      phone: null,
      hours: null,
    })
    const english = checkHelpline({ phone: '0261910000', hoursFr: 'lundi', hoursEn: 'Monday' })
    assert.deepEqual(english.value.hours, { fr: 'lundi', en: 'Monday' })
  })

  it('names each problem by its field', () => {
    const keys = (input: Parameters<typeof checkHelpline>[0]) =>
      checkHelpline(input).issues.map((i) => `${i.field}:${i.key}`)
    assert.deepEqual(keys({ phone: '02 31', hoursFr: '', hoursEn: '' }), ['phone:helpline.error.phone'])
    assert.deepEqual(keys({ phone: '', hoursFr: 'lundi', hoursEn: '' }), [
      'phone:helpline.error.hoursWithoutPhone',
    ])
    assert.deepEqual(keys({ phone: '0261910000', hoursFr: '', hoursEn: 'Monday' }), [
      'hoursFr:helpline.error.hoursFrenchFirst',
    ])
  })
})

describe('a help point’s rules', () => {
  it('drops invisible and direction marks, so a name cannot pass for another', () => {
    assert.equal(oneLine('\u202eCCAS\u202c de\u200b  Caen\ufeff'), 'CCAS de Caen')
    const issues: Issue[] = []
    const point = checkHelpPoint(
      { kind: 'mairie', name: 'Mairie', address: '1 place', commune: 'Caen', hours: '\u200b', phone: '' },
      issues,
    )
    assert.equal(point.phone, null)
    assert.deepEqual(
      issues.map((i) => i.key),
      ['helpPoint.error.hours'],
    )
  })

  it('groups places under their commune, communes in French alphabetical order', () => {
    const point = (id: string, communeInsee: string): HelpPoint => ({
      id,
      kind: 'other',
      name: id,
      address: '',
      communeInsee,
      hours: '',
      phone: null,
      position: 0,
    })
    const names: Record<string, string> = { a: 'Vire Normandie', b: 'Évrecy', c: 'Caen' }
    const groups = byCommune(
      [point('1', 'a'), point('2', 'b'), point('3', 'a'), point('4', 'c')],
      (i) => names[i]!,
    )
    assert.deepEqual(
      groups.map((g) => [g.commune, g.points.map((p) => p.id)]),
      [
        ['Caen', ['4']],
        ['Évrecy', ['2']],
        ['Vire Normandie', ['1', '3']],
      ],
    )
  })
})
