import assert from 'node:assert/strict'
import { statSync } from 'node:fs'
import { describe, it } from 'node:test'
import { translator } from '../i18n/i18n.ts'
import { COMMUNE_QUERY_MAX, communeLabel } from './commune.ts'
import { communesDataset, communesFile, readCommunesFile } from './communes.dataset.ts'
import { normaliseCommuneName } from './normalise.ts'

/** Rough boxes around metropolitan France (Corsica included) and each overseas Département. */
const BOXES: Record<string, { lat: [number, number]; lon: [number, number] }> = {
  metro: { lat: [41.3, 51.1], lon: [-5.2, 9.6] },
  '971': { lat: [15.8, 16.6], lon: [-61.9, -60.9] },
  '972': { lat: [14.3, 14.9], lon: [-61.3, -60.8] },
  '973': { lat: [2.1, 5.8], lon: [-54.7, -51.6] },
  '974': { lat: [-21.4, -20.8], lon: [55.2, 55.9] },
  '976': { lat: [-13.1, -12.6], lon: [45.0, 45.4] },
}

describe('the shipped communes file', async () => {
  const communes = await readCommunesFile()

  it('holds every commune of the Départements, each once', () => {
    // 34,969 current communes less the 94 of the collectivités d'outre-mer (see data/README.md).
    assert.ok(communes.length >= 34_870, `only ${communes.length} communes`)
    assert.equal(new Set(communes.map((c) => c.insee)).size, communes.length)
    const caen = communes.find((c) => c.insee === '14118')
    assert.deepEqual(caen && [caen.name, caen.postalCodes, caen.departement], ['Caen', ['14000'], '14'])
    for (const plm of ['75056', '69123', '13055'])
      assert.ok(
        communes.some((c) => c.insee === plm),
        plm,
      )
  })

  it('places every commune inside France', () => {
    const outside = communes.filter((c) => {
      const box = BOXES[c.departement.startsWith('97') ? c.departement : 'metro']
      if (!box) return true
      const inside = (x: number, [lo, hi]: [number, number]) => x >= lo && x <= hi
      return !inside(c.latitude, box.lat) || !inside(c.longitude, box.lon)
    })
    assert.deepEqual(
      outside.map((c) => `${c.insee} ${c.name}`),
      [],
    )
  })

  it("gives communes the former communes' names that belong to them now, once each", () => {
    const byCode = new Map(communes.map((c) => [c.insee, c]))
    assert.ok(byCode.get('14174')?.formerNames?.includes('Condé-sur-Noireau'))
    assert.ok(byCode.get('14654')?.formerNames?.includes('Saint-Pierre-sur-Dives'))
    assert.ok(byCode.get('14762')?.formerNames?.includes('Vire'))
    assert.equal(byCode.get('14118')?.formerNames, undefined, 'Caen absorbed no commune La Poste still names')
    const withFormer = communes.filter((c) => c.formerNames)
    assert.ok(withFormer.length > 1000, String(withFormer.length))
    for (const c of withFormer) {
      const keys = c.formerNames!.map(normaliseCommuneName)
      assert.ok(keys.length > 0, c.insee)
      assert.equal(new Set(keys).size, keys.length, `${c.insee} lists a name twice`)
      assert.ok(!keys.includes(normaliseCommuneName(c.name)), `${c.insee} lists its own name`)
    }
  })

  it('labels every commune within what a commune field takes back, former name included', () => {
    const t = translator('fr')
    const tooLong = communes.flatMap((c) =>
      [undefined, ...(c.formerNames ?? [])]
        .map((formerName) => communeLabel({ ...c, formerName }, t))
        .filter((label) => label.length > COMMUNE_QUERY_MAX),
    )
    assert.deepEqual(tooLong, [])
  })

  it('stays small enough to ship', () => {
    assert.ok(statSync(communesFile).size < 4 * 1024 * 1024)
  })

  it('changes checksum only with the file', async () => {
    assert.match(await communesDataset.checksum(), /^[0-9a-f]{64}$/)
    assert.equal(await communesDataset.checksum(), await communesDataset.checksum())
  })
})
