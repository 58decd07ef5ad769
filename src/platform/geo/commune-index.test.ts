import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { translator } from '../i18n/i18n.ts'
import { type Commune, communeLabel, parseCommuneQuery } from './commune.ts'
import { CommuneIndex } from './commune-index.ts'

const commune = (
  insee: string,
  name: string,
  postal: string,
  population: number,
  formerNames?: string[],
): Commune => ({
  insee,
  name,
  postalCodes: [postal],
  departement: insee.slice(0, 2),
  population,
  latitude: 49,
  longitude: 0,
  ...(formerNames ? { formerNames } : {}),
})

// A small made-up France: two communes nouvelles that share a former name, a current commune whose
// name is also a former one elsewhere, and a former commune in another département.
const index = new CommuneIndex([
  commune('14174', 'Condé-en-Normandie', '14110', 5985, ['Condé-sur-Noireau', 'Lénault', 'Saint-Martin']),
  commune('14654', 'Saint-Pierre-en-Auge', '14140', 7100, [
    'Saint-Pierre-sur-Dives',
    'Saint-Martin',
    'Écots',
  ]),
  commune('14700', 'Lénault', '14770', 90),
  commune('14270', 'Condé-sur-Ifs', '14270', 400),
  commune('50592', 'Tessy-Bocage', '50420', 1500, ['Tessy-sur-Vire']),
])
const calvados = ['14']
const t = translator('fr')

function search(text: string, departements = calvados) {
  const query = parseCommuneQuery(text)
  assert.equal(query.kind, 'name')
  return index.search(query as { kind: 'name'; text: string }, departements, 10)
}
const labels = (communes: Commune[]) => communes.map((c) => communeLabel(c, t))

describe('CommuneIndex: former communes', () => {
  it('finds a commune by a former name, whatever the case, accents and hyphens, and says so', () => {
    for (const typed of [
      'Condé-sur-Noireau',
      'CONDE SUR NOIREAU',
      'conde-sur-noireau',
      'condé sur noireau',
    ]) {
      const [first] = search(typed)
      assert.equal(first?.insee, '14174', typed)
      assert.equal(first?.formerName, 'Condé-sur-Noireau', typed)
    }
    assert.equal(
      labels(search('saint pierre sur dives'))[0],
      'Saint-Pierre-en-Auge (14140) — ancienne commune de Saint-Pierre-sur-Dives',
    )
    assert.equal(labels(search('ecots'))[0], 'Saint-Pierre-en-Auge (14140) — ancienne commune d’Écots')
  })

  it('forgives a misspelt former name as it forgives a current one', () => {
    assert.equal(search('conde sur noirau')[0]?.insee, '14174')
    assert.equal(search('saint pierre sur dive')[0]?.insee, '14654')
  })

  it('lists a commune once, by the name that matches best', () => {
    const found = search('conde')
    assert.deepEqual(
      found.map((c) => c.insee),
      ['14174', '14270'],
    )
    assert.equal(found[0]!.formerName, undefined, 'its current name begins with « conde » too')
  })

  it('puts a current name before a former one matched the same way', () => {
    const found = search('lenault')
    assert.deepEqual(
      found.map((c) => [c.insee, c.formerName ?? null]),
      [
        ['14700', null],
        ['14174', 'Lénault'],
      ],
    )
    assert.deepEqual(
      index.named('Lénault', calvados).map((c) => c.insee),
      ['14700'],
    )
  })

  it('gives every commune a former name now belongs to, most populous first', () => {
    const found = index.formerlyNamed('saint martin', calvados)
    assert.deepEqual(
      found.map((c) => c.insee),
      ['14654', '14174'],
    )
    assert.deepEqual(labels(found), [
      'Saint-Pierre-en-Auge (14140) — ancienne commune de Saint-Martin',
      'Condé-en-Normandie (14110) — ancienne commune de Saint-Martin',
    ])
  })

  it("keeps former names to their commune's département", () => {
    assert.deepEqual(index.formerlyNamed('Tessy-sur-Vire', calvados), [])
    assert.ok(!search('tessy sur vire').some((c) => c.insee === '50592'))
    assert.equal(search('tessy sur vire', ['50'])[0]?.insee, '50592')
  })

  it('leaves postal codes and codes as they were', () => {
    assert.deepEqual(
      index.search({ kind: 'postal', prefix: '14110' }, calvados, 10).map((c) => c.insee),
      ['14174'],
    )
    assert.equal(index.find('14174')?.formerName, undefined)
  })
})
