// Builds data/communes.json, the communes of France the application ships, from
// @etalab/decoupage-administratif (names, postal codes, départements, population, former communes)
// and the La Poste file laposte_hexasmal.csv (centroids, former communes' names). Run it when either source is updated:
//   npm run data:communes -- <path to laposte_hexasmal.csv>
// See data/README.md for the sources and their licences.
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { normaliseCommuneName } from '../src/platform/geo/normalise.ts'
import { formerNames, type LaPosteLocality } from './former-commune-names.ts'

interface EtalabCommune {
  code: string
  nom: string
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal'
  zone: 'metro' | 'drom' | 'com'
  departement: string
  codesPostaux?: string[]
  population?: number
  anciensCodes?: string[]
  /** for an arrondissement municipal: the code of its commune (Paris, Lyon, Marseille) */
  commune?: string
  /** for a former commune (déléguée, associée): the code of the commune it now belongs to */
  chefLieu?: string
}

type Point = { lat: number; lon: number }
type Weighted = { point: Point; weight: number }
type Method = 'laposte' | 'arrondissements' | 'former-communes' | 'laposte-locality' | 'postal-code' | 'epci'
/** [insee, name, postalCodes, departement, population, latitude, longitude, formerNames?] */
type CommuneRow =
  | [string, string, string[], string, number, number, number]
  | [string, string, string[], string, number, number, number, string[]]

/** More missing centroids than this means a source changed shape: better fail than ship holes. */
const MAX_MISSING = 5

interface LaPoste {
  centroids: Map<string, Point>
  /** `postal code|normalised locality` → centroid of the commune the locality belongs to */
  localities: Map<string, Point>
  /** postal code → INSEE codes that use it */
  postalUsers: Map<string, Set<string>>
  /** every row's commune and `Ligne_5` locality, where former communes' names are found */
  rows: LaPosteLocality[]
}

function readLaPoste(path: string): LaPoste {
  const data: LaPoste = { centroids: new Map(), localities: new Map(), postalUsers: new Map(), rows: [] }
  const lines = readFileSync(path, 'utf8').split(/\r?\n/)
  if (!lines[0]?.startsWith('Code_commune_INSEE;'))
    throw new Error(`${path} does not look like laposte_hexasmal.csv`)
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue
    const [insee = '', communeName = '', postal = '', locality = '', , gps = ''] = line.split(';')
    data.rows.push({ insee, communeName, locality })
    if (!data.postalUsers.has(postal)) data.postalUsers.set(postal, new Set())
    data.postalUsers.get(postal)!.add(insee)
    const [lat, lon] = gps.split(',').map(Number)
    if (!gps || !Number.isFinite(lat) || !Number.isFinite(lon)) continue
    const point = { lat: lat!, lon: lon! }
    data.centroids.set(insee, point)
    if (locality) data.localities.set(`${postal}|${normaliseCommuneName(locality)}`, point)
  }
  return data
}

/** Weighted mean; plain average when no weight is known. Fine at commune scale (no date line nearby). */
function mean(points: Weighted[]): Point | null {
  if (points.length === 0) return null
  const total = points.reduce((sum, p) => sum + p.weight, 0)
  const weights = points.map((p) => (total > 0 ? p.weight / total : 1 / points.length))
  return {
    lat: points.reduce((sum, p, i) => sum + p.point.lat * weights[i]!, 0),
    lon: points.reduce((sum, p, i) => sum + p.point.lon * weights[i]!, 0),
  }
}

const round = (x: number) => Math.round(x * 10_000) / 10_000

function main() {
  const csvPath = process.argv[2]
  if (!csvPath) {
    console.error('usage: npm run data:communes -- <path to laposte_hexasmal.csv>')
    process.exit(2)
  }
  const require = createRequire(import.meta.url)
  const etalabVersion: string = require('@etalab/decoupage-administratif/package.json').version
  const all: EtalabCommune[] = require('@etalab/decoupage-administratif/data/communes.json')
  const epcis: {
    membres: { code: string; populationMunicipale?: number }[]
  }[] = require('@etalab/decoupage-administratif/data/epci.json')
  const laPoste = readLaPoste(csvPath)
  const former = formerNames(all, laPoste.rows)
  const known = (codes: Iterable<string>, weight: (code: string) => number = () => 1): Weighted[] =>
    [...codes].flatMap((code) => {
      const point = laPoste.centroids.get(code)
      return point ? [{ point, weight: weight(code) }] : []
    })

  const parts = new Map<string, EtalabCommune[]>()
  for (const c of all) {
    const parent = c.type === 'arrondissement-municipal' ? c.commune : c.chefLieu
    if (parent && c.code !== parent) parts.set(parent, [...(parts.get(parent) ?? []), c])
  }

  // Each way of placing a commune, tried in this order; the first that finds a point wins.
  const methods: [Method, (c: EtalabCommune, postal: string[]) => Point | null][] = [
    ['laposte', (c) => laPoste.centroids.get(c.code) ?? null],
    // Paris, Lyon, Marseille: La Poste places each arrondissement, not the city.
    [
      'arrondissements',
      (c) => {
        const arrondissements = (parts.get(c.code) ?? []).filter((p) => p.type === 'arrondissement-municipal')
        const population = new Map(arrondissements.map((a) => [a.code, a.population ?? 0]))
        return mean(known(population.keys(), (code) => population.get(code)!))
      },
    ],
    // Merged after the La Poste file was published: its former communes still have centroids.
    // Former communes carry no population in the package, so they weigh the same.
    [
      'former-communes',
      (c) =>
        mean(known(new Set([...(c.anciensCodes ?? []), ...(parts.get(c.code) ?? []).map((p) => p.code)]))),
    ],
    // Restored after a merger (Sannerville, L'Oie…): La Poste lists it as a locality of the merged commune.
    [
      'laposte-locality',
      (c, postal) =>
        postal.map((p) => laPoste.localities.get(`${p}|${normaliseCommuneName(c.nom)}`)).find(Boolean) ??
        null,
    ],
    // Last resort, a few km off: the middle of the communes that share its postal code.
    [
      'postal-code',
      (_c, postal) => mean(known(new Set(postal.flatMap((p) => [...(laPoste.postalUsers.get(p) ?? [])])))),
    ],
    // Further off still: the population-weighted middle of its intercommunalité, which a
    // town's own centre dominates, so a suburb like Bihorel lands near its city.
    [
      'epci',
      (c) => {
        const members = epcis.find((e) => e.membres.some((m) => m.code === c.code))?.membres ?? []
        const population = new Map(members.map((m) => [m.code, m.populationMunicipale ?? 0]))
        return mean(known(population.keys(), (code) => population.get(code)!))
      },
    ],
  ]

  const byMethod = new Map<Method, string[]>(methods.map(([m]) => [m, []]))
  const missing: string[] = []
  const outOfScope: string[] = []
  const rows: CommuneRow[] = []
  for (const c of all) {
    if (c.type !== 'commune-actuelle') continue
    // Collectivités d'outre-mer (Saint-Pierre-et-Miquelon, Polynésie…) are no Département a platform
    // can serve, and La Poste gives none of them a centroid.
    if (c.zone === 'com') {
      outOfScope.push(c.code)
      continue
    }
    const postal = c.codesPostaux?.length
      ? c.codesPostaux
      : [...laPoste.postalUsers.entries()].filter(([, users]) => users.has(c.code)).map(([p]) => p)
    let point: Point | null = null
    for (const [method, locate] of methods) {
      point = locate(c, postal)
      if (point) {
        byMethod.get(method)!.push(`${c.code} ${c.nom}`)
        break
      }
    }
    if (!point) missing.push(`${c.code} ${c.nom}`)
    else {
      const row: CommuneRow = [
        c.code,
        c.nom,
        postal,
        c.departement,
        c.population ?? 0,
        round(point.lat),
        round(point.lon),
      ]
      // Most communes have none: the element is left out rather than an empty list on 30,000 lines.
      const names = former.byCommune.get(c.code)
      rows.push(names ? [...row, names] : row)
    }
  }

  const total = rows.length + missing.length + outOfScope.length
  console.log(`@etalab/decoupage-administratif ${etalabVersion}: ${total} current communes`)
  console.log(
    `  left out, collectivités d'outre-mer (${[...new Set(outOfScope.map((c) => c.slice(0, 3)))].join(', ')}): ${outOfScope.length}`,
  )
  for (const [method, names] of byMethod) {
    const list = method === 'laposte' || names.length === 0 ? '' : ` — ${names.join(', ')}`
    console.log(`  centroid from ${method}: ${names.length}${list}`)
  }
  console.log(
    `  without centroid (left out): ${missing.length}${missing.length ? ` — ${missing.join(', ')}` : ''}`,
  )
  const withFormer = rows.filter((r) => r.length === 8).length
  console.log(
    `  former names: ${former.fromEtalab} of communes déléguées and associées, ${former.fromLaPoste} from La Poste, on ${withFormer} communes`,
  )
  if (missing.length > MAX_MISSING) {
    console.error(`more than ${MAX_MISSING} communes have no centroid: check the sources`)
    process.exit(1)
  }

  rows.sort((a, b) => a[0].localeCompare(b[0]))
  // One commune per line, so that a rebuild shows as a readable diff.
  const out = fileURLToPath(new URL('../data/communes.json', import.meta.url))
  writeFileSync(out, `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`)
  console.log(
    `wrote data/communes.json: ${rows.length} communes, ${(statSync(out).size / 1024 / 1024).toFixed(2)} MB`,
  )
}

main()
