import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { ReferenceDataset } from '../db/reference-data.ts'
import { replaceAllCommunes } from './commune.repository.ts'
import type { Commune } from './commune.ts'

/** Built by scripts/build-communes.ts; its sources and licences are in data/README.md. */
export const communesFile = fileURLToPath(new URL('../../../data/communes.json', import.meta.url))

type Row = [string, string, string[], string, number, number, number]

function isRow(value: unknown): value is Row {
  if (!Array.isArray(value) || value.length !== 7) return false
  const [insee, name, postal, departement, population, lat, lon] = value
  return (
    typeof insee === 'string' &&
    typeof name === 'string' &&
    Array.isArray(postal) &&
    postal.every((p) => typeof p === 'string') &&
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
    const [insee, name, postalCodes, departement, population, latitude, longitude] = row
    return { insee, name, postalCodes, departement, population, latitude, longitude }
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
