import { haversineKm, type LatLon } from '../../platform/geo/distance.ts'

/** An ask as bulk dispatch sees it: where, what, and who may take it. */
export interface AskPoint extends LatLon {
  id: string
  category: string
  /** the category needs a verified volunteer */
  needsVerified: boolean
}

/** A volunteer as bulk dispatch sees them: where, how far they go, what they help with, how many more asks they can take. */
export interface VolunteerPoint extends LatLon {
  id: string
  radiusKm: number
  categories: ReadonlySet<string>
  verified: boolean
  capacity: number
}

export interface CandidatePair {
  askIndex: number
  volunteerIndex: number
  distanceKm: number
}

/** Cells of about 0.1° (≈ 11 km north–south): the walk looks only at the cells a radius can reach. */
const CELL = 0.1
const cellKey = (lat: number, lon: number) => `${Math.floor(lat / CELL)}:${Math.floor(lon / CELL)}`

/**
 * The plausible pairs: the volunteer can still take an ask, lives within their own radius (and
 * `maxKm`) of it, helps in its category, and is verified when the category needs it. At most
 * `perAsk` pairs per ask, the nearest. Volunteers are put on a grid once, so the cost grows with
 * the pairs found, not with asks × volunteers.
 */
export function candidatePairs(
  asks: readonly AskPoint[],
  volunteers: readonly VolunteerPoint[],
  options: { maxKm: number; perAsk: number },
): CandidatePair[] {
  const grid = new Map<string, number[]>()
  volunteers.forEach((v, i) => {
    if (v.capacity <= 0) return
    const key = cellKey(v.latitude, v.longitude)
    const cell = grid.get(key)
    if (cell) cell.push(i)
    else grid.set(key, [i])
  })
  const pairs: CandidatePair[] = []
  for (let a = 0; a < asks.length; a++) {
    const ask = asks[a]!
    const latSpan = Math.ceil(options.maxKm / 111 / CELL)
    const lonSpan = Math.ceil(
      options.maxKm / (111 * Math.max(0.2, Math.cos((ask.latitude * Math.PI) / 180))) / CELL,
    )
    const row = Math.floor(ask.latitude / CELL)
    const col = Math.floor(ask.longitude / CELL)
    const found: CandidatePair[] = []
    for (let r = row - latSpan; r <= row + latSpan; r++) {
      for (let c = col - lonSpan; c <= col + lonSpan; c++) {
        for (const v of grid.get(`${r}:${c}`) ?? []) {
          const volunteer = volunteers[v]!
          if (!volunteer.categories.has(ask.category)) continue
          if (ask.needsVerified && !volunteer.verified) continue
          const distanceKm = haversineKm(ask, volunteer)
          if (distanceKm > Math.min(options.maxKm, volunteer.radiusKm)) continue
          found.push({ askIndex: a, volunteerIndex: v, distanceKm })
        }
      }
    }
    found.sort((x, y) => x.distanceKm - y.distanceKm)
    pairs.push(...found.slice(0, options.perAsk))
  }
  return pairs
}
