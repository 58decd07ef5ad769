// Draws the results of /annonces on a map when the page has a #carte[data-tiles] container.
// The list stays the reference: the map only repeats it, one marker per commune (the server
// rounds every result to its commune), each marker a focusable button opening the links of its
// listings. Without tiles (server down, offline) the markers still show on a blank background.
import L from 'leaflet'
import iconUrl from 'leaflet/dist/images/marker-icon.png'
import iconRetinaUrl from 'leaflet/dist/images/marker-icon-2x.png'
import shadowUrl from 'leaflet/dist/images/marker-shadow.png'

interface Result {
  lat: number
  lon: number
  title: string
  href: string
  commune: string
}

function readResults(): Result[] {
  const results: Result[] = []
  for (const item of document.querySelectorAll<HTMLElement>('.results [data-lat][data-lon]')) {
    const lat = Number(item.dataset.lat)
    const lon = Number(item.dataset.lon)
    const title = item.dataset.title
    const href = item.dataset.href
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || !title || !href) continue
    results.push({ lat, lon, title, href, commune: item.dataset.commune ?? '' })
  }
  return results
}

/** Results sharing a point share a commune: one marker, one popup listing them all. */
function byCommune(results: Result[]): Result[][] {
  const groups = new Map<string, Result[]>()
  for (const result of results) {
    const key = `${result.lat},${result.lon}`
    const group = groups.get(key)
    if (group) group.push(result)
    else groups.set(key, [result])
  }
  return [...groups.values()]
}

function popupContent(group: Result[], heading: string): HTMLElement {
  const box = document.createElement('div')
  const title = document.createElement('p')
  title.className = 'map-popup-title'
  title.textContent = heading
  const list = document.createElement('ul')
  list.className = 'map-popup-list'
  for (const result of group) {
    const item = document.createElement('li')
    const link = document.createElement('a')
    link.href = result.href
    link.textContent = result.title
    item.append(link)
    list.append(item)
  }
  box.append(title, list)
  return box
}

function enhance(container: HTMLElement) {
  const tiles = container.dataset.tiles
  const groups = byCommune(readResults())
  if (!tiles || groups.length === 0) return
  if (container.dataset.label) {
    container.setAttribute('role', 'region')
    container.setAttribute('aria-label', container.dataset.label)
  }
  const markerLabel = container.dataset.markerLabel ?? '{commune}'
  // Leaflet would guess its marker images' folder from leaflet.css, but the build gives each image
  // a content-hashed name: the bundle knows those names, so it hands Leaflet the whole addresses.
  L.Icon.Default.imagePath = ''
  L.Icon.Default.mergeOptions({ iconUrl, iconRetinaUrl, shadowUrl })
  const map = L.map(container, { scrollWheelZoom: false })
  L.tileLayer(tiles, { maxZoom: 18 }).addTo(map)
  const points: L.LatLngExpression[] = []
  for (const group of groups) {
    const first = group[0]!
    const heading = `${markerLabel.replace('{commune}', first.commune)} (${group.length})`
    const point: L.LatLngTuple = [first.lat, first.lon]
    points.push(point)
    // keyboard: true (the default) makes the marker focusable; Enter opens its popup.
    L.marker(point, { title: heading, alt: heading, keyboard: true })
      .bindPopup(popupContent(group, heading))
      .addTo(map)
  }
  map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 12 })
}

const container = document.getElementById('carte')
if (container?.dataset.tiles) enhance(container)
