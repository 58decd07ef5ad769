export interface LatLon {
  latitude: number
  longitude: number
}

/**
 * The sphere PostgreSQL's earthdistance uses (its earth() function, in metres), so the distance
 * computed here and the one `earth_distance(ll_to_earth(…), ll_to_earth(…))` returns are one definition.
 */
export const EARTH_RADIUS_KM = 6378.168

const radians = (degrees: number) => (degrees * Math.PI) / 180

/** Great-circle distance in km (haversine), good to a few metres at commune scale. */
export function haversineKm(a: LatLon, b: LatLon): number {
  const dLat = radians(b.latitude - a.latitude)
  const dLon = radians(b.longitude - a.longitude)
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Distances are shown to people rounded to 0.1 km: commune centroids are no more precise than that. */
export function roundKm(km: number): number {
  return Math.round(km * 10) / 10
}
