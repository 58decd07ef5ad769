import { EARTH_RADIUS_KM, type LatLon } from '../../platform/geo/distance.ts'

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

/**
 * Where pairs are looked for, unless the caller says otherwise. 20 km is as far as a volunteer
 * usually goes for a neighbour, and a pair at the edge of a radius scores no distance points
 * anyway; 30 km found nothing more in the Nord, 10 km a little less. The 12 nearest per ask: more
 * raised the optimum by about half a percent per doubling (20, then 40) but, with volunteers
 * scarce, took the exact solve past a second (bench/dispatch.ts prints the comparison).
 */
export const PAIR_DEFAULTS: Readonly<{ maxKm: number; perAsk: number }> = { maxKm: 20, perAsk: 12 }

/** Cells of 0.025° (2.8 km north–south, 1.8 km east–west in the north of France). */
const CELL = 0.025
const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180
const cellKey = (row: number, col: number) => row * 32_768 + col
type Grid = Map<number, number[]>

/**
 * The plausible pairs: the volunteer can still take an ask, lives within their own radius (and
 * `maxKm`) of it, helps in its category, and is verified when the category needs it. At most
 * `perAsk` pairs per ask, the nearest (ties by the volunteer's order), grouped by ask in the asks'
 * order. Volunteers are put once on a grid per category; each ask looks at rings of cells around
 * its own, and stops as soon as the next ring cannot hold anyone nearer than the `perAsk` it has,
 * so the cost grows with the pairs kept, not with asks × volunteers.
 */
export function candidatePairs(
  asks: readonly AskPoint[],
  volunteers: readonly VolunteerPoint[],
  options: { maxKm: number; perAsk: number } = PAIR_DEFAULTS,
): CandidatePair[] {
  const { maxKm, perAsk } = options
  // One grid per category, and one of its verified volunteers for the categories that need them.
  const grids = new Map<string, { all: Grid; verified: Grid }>()
  const put = (cells: Grid, key: number, v: number) => {
    const cell = cells.get(key)
    if (cell) cell.push(v)
    else cells.set(key, [v])
  }
  const latitude = new Float64Array(volunteers.length)
  const longitude = new Float64Array(volunteers.length)
  const reach = new Float64Array(volunteers.length)
  volunteers.forEach((v, i) => {
    latitude[i] = v.latitude
    longitude[i] = v.longitude
    reach[i] = Math.min(maxKm, v.radiusKm)
    if (v.capacity <= 0 || !(reach[i]! >= 0)) return
    const key = cellKey(Math.floor(v.latitude / CELL), Math.floor(v.longitude / CELL))
    for (const category of v.categories) {
      let grid = grids.get(category)
      if (!grid) {
        grid = { all: new Map(), verified: new Map() }
        grids.set(category, grid)
      }
      put(grid.all, key, i)
      if (v.verified) put(grid.verified, key, i)
    }
  })
  const pairs: CandidatePair[] = []
  if (!(perAsk >= 1) || !(maxKm >= 0)) return pairs
  const nearest = new NearestList(Math.floor(perAsk))
  const latKm = CELL * KM_PER_DEGREE
  for (let a = 0; a < asks.length; a++) {
    const ask = asks[a]!
    const grid = grids.get(ask.category)
    if (!grid) continue
    const cells = ask.needsVerified ? grid.verified : grid.all
    // The narrowest a cell gets within reach (longitude shrinks towards the pole), so spans and
    // the stopping bound err on the side of looking one cell further.
    const reachLat = Math.min(89, Math.abs(ask.latitude) + maxKm / KM_PER_DEGREE + CELL)
    const lonKm = Math.max(latKm * Math.cos((reachLat * Math.PI) / 180), 1e-3)
    const latSpan = Math.ceil(maxKm / latKm)
    const lonSpan = Math.ceil(maxKm / lonKm)
    const row = Math.floor(ask.latitude / CELL)
    const col = Math.floor(ask.longitude / CELL)
    const askLat = ask.latitude
    const askLon = ask.longitude
    const kmPerLon = KM_PER_DEGREE * Math.cos((askLat * Math.PI) / 180)
    nearest.clear()
    const look = (r: number, c: number) => {
      const cell = cells.get(cellKey(row + r, col + c))
      if (!cell) return
      for (const v of cell) {
        // A flat estimate first (within 1 % of the great circle at these distances) spares most haversines.
        const limit = nearest.full ? Math.min(reach[v]!, nearest.worst) : reach[v]!
        const dy = (latitude[v]! - askLat) * KM_PER_DEGREE
        const dx = (longitude[v]! - askLon) * kmPerLon
        if (0.98 * Math.sqrt(dx * dx + dy * dy) > limit) continue
        const distanceKm = greatCircleKm(askLat, askLon, latitude[v]!, longitude[v]!)
        if (distanceKm <= reach[v]!) nearest.offer(distanceKm, v)
      }
    }
    for (let ring = 0; ring <= Math.max(latSpan, lonSpan); ring++) {
      for (let r = -Math.min(ring, latSpan); r <= Math.min(ring, latSpan); r++) {
        if (Math.abs(r) === ring) {
          for (let c = -Math.min(ring, lonSpan); c <= Math.min(ring, lonSpan); c++) look(r, c)
        } else if (ring <= lonSpan) {
          look(r, -ring)
          if (ring > 0) look(r, ring)
        }
      }
      // Anyone in the next ring is at least `ring` whole cells away.
      if (nearest.full && nearest.worst <= ring * Math.min(latKm, lonKm) * 0.99) break
    }
    for (const [distanceKm, volunteerIndex] of nearest.sorted())
      pairs.push({ askIndex: a, volunteerIndex, distanceKm })
  }
  return pairs
}

/**
 * haversineKm's very formula on plain numbers: the volunteers' objects may come in many shapes,
 * and reading them in the inner loop cost more than the trigonometry.
 */
function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = ((lat2 - lat1) * Math.PI) / 180
  const dLon = ((lon2 - lon1) * Math.PI) / 180
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos((lat1 * Math.PI) / 180) * Math.cos((lat2 * Math.PI) / 180) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** The `size` nearest offered so far, ties to the lower index: a max-heap whose top is the one to drop. */
class NearestList {
  private readonly distance: Float64Array
  private readonly index: Int32Array
  private count = 0
  constructor(private readonly size: number) {
    this.distance = new Float64Array(size)
    this.index = new Int32Array(size)
  }
  get full() {
    return this.count === this.size
  }
  get worst() {
    return this.distance[0]!
  }
  clear() {
    this.count = 0
  }
  private above(i: number, j: number) {
    const d = this.distance[i]! - this.distance[j]!
    return d > 0 || (d === 0 && this.index[i]! > this.index[j]!)
  }
  private swap(i: number, j: number) {
    const d = this.distance[i]!
    this.distance[i] = this.distance[j]!
    this.distance[j] = d
    const x = this.index[i]!
    this.index[i] = this.index[j]!
    this.index[j] = x
  }
  offer(distance: number, index: number) {
    if (this.count < this.size) {
      let i = this.count++
      this.distance[i] = distance
      this.index[i] = index
      while (i > 0 && this.above(i, (i - 1) >> 1)) {
        this.swap(i, (i - 1) >> 1)
        i = (i - 1) >> 1
      }
      return
    }
    if (distance > this.distance[0]! || (distance === this.distance[0] && index > this.index[0]!)) return
    this.distance[0] = distance
    this.index[0] = index
    for (let i = 0; ; ) {
      let top = i
      const left = 2 * i + 1
      if (left < this.count && this.above(left, top)) top = left
      if (left + 1 < this.count && this.above(left + 1, top)) top = left + 1
      if (top === i) break
      this.swap(i, top)
      i = top
    }
  }
  sorted(): [number, number][] {
    const list: [number, number][] = []
    for (let i = 0; i < this.count; i++) list.push([this.distance[i]!, this.index[i]!])
    return list.sort((x, y) => x[0] - y[0] || x[1] - y[1])
  }
}
