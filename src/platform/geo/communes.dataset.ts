import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { ReferenceDataset } from '../db/reference-data.ts'
import { replaceAllCommunes } from './commune.repository.ts'
import type { Commune } from './commune.ts'

/** Built by scripts/build-communes.ts; its sources and licences are in data/README.md. */
export const communesFile = fileURLToPath(new URL('../../../data/communes.json', import.meta.url))

/** The last element, the former communes' names, is left out when there are none. */
type Row =
  | [string, string, string[], string, number, number, number]
  | [string, string, string[], string, number, number, number, string[]]

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string')

function isRow(value: unknown): value is Row {
  if (!Array.isArray(value) || (value.length !== 7 && value.length !== 8)) return false
  const [insee, name, postal, departement, population, lat, lon, former] = value
  return (
    (value.length === 7 || (isStrings(former) && former.length > 0)) &&
    typeof insee === 'string' &&
    typeof name === 'string' &&
    isStrings(postal) &&
    typeof departement === 'string' &&
    [population, lat, lon].every((n) => typeof n === 'number' && Number.isFinite(n))
  )
}

/** Reads the shipped file; a malformed line stops the start rather than loading half of France. */
export async function readCommunesFile(path = communesFile): Promise<Commune[]> {
  const rows: unknown = JSON.parse(await readFile(path, 'utf8'))
  if (!Array.isArray(rows)) throw new Error(`${path}: expected an array of communes`)
  return rows.map((row, i) => {
    if (!isRow(row)) throw new Error(`${path}: commune #${i} is malformed`)
    const [insee, name, postalCodes, departement, population, latitude, longitude, formerNames] = row
    const commune: Commune = { insee, name, postalCodes, departement, population, latitude, longitude }
    if (formerNames) commune.formerNames = formerNames
    return commune
  })
}

export const communesDataset: ReferenceDataset = {
  name: 'communes',
  async checksum() {
    return createHash('sha256')
      .update(await readFile(communesFile))
      .digest('hex')
  },
  async load(tx) {
    await replaceAllCommunes(tx, await readCommunesFile())
  },
}
