// Draws the allocation of /collectes/:id/gestion/repartition on a map when the page has a
// #carte[data-tiles] container. The table stays the reference: the map repeats its rows, one
// marker per distribution point (a focusable button naming the point and the units it gives) and
// one line from each request's commune to its point. Without tiles the drawing still shows.
import L from 'leaflet'
import iconUrl from 'leaflet/dist/images/marker-icon.png'
import iconRetinaUrl from 'leaflet/dist/images/marker-icon-2x.png'
import shadowUrl from 'leaflet/dist/images/marker-shadow.png'

interface Row {
  from: L.LatLngTuple
  to: L.LatLngTuple
  point: string
  quantity: number
}

function readRows(): Row[] {
  const rows: Row[] = []
  for (const tr of document.querySelectorAll<HTMLElement>('.allocation-rows tr[data-plat]')) {
    const rlat = Number(tr.dataset.rlat)
    const rlon = Number(tr.dataset.rlon)
    const plat = Number(tr.dataset.plat)
    const plon = Number(tr.dataset.plon)
    const quantity = Number(tr.dataset.quantity)
    if (![rlat, rlon, plat, plon, quantity].every(Number.isFinite) || !tr.dataset.point) continue
    rows.push({ from: [rlat, rlon], to: [plat, plon], point: tr.dataset.point, quantity })
  }
  return rows
}

function enhance(container: HTMLElement) {
  const tiles = container.dataset.tiles
  const rows = readRows()
  if (!tiles || rows.length === 0) return
  if (container.dataset.label) {
    container.setAttribute('role', 'region')
    container.setAttribute('aria-label', container.dataset.label)
  }
  L.Icon.Default.imagePath = ''
  L.Icon.Default.mergeOptions({ iconUrl, iconRetinaUrl, shadowUrl })
  const map = L.map(container, { scrollWheelZoom: false })
  L.tileLayer(tiles, { maxZoom: 18 }).addTo(map)
  const points = new Map<string, { at: L.LatLngTuple; units: number }>()
  for (const row of rows) {
    L.polyline([row.from, row.to], {
      weight: 1 + Math.min(4, Math.log10(row.quantity + 1)),
      opacity: 0.6,
    }).addTo(map)
    const point = points.get(row.point) ?? { at: row.to, units: 0 }
    point.units += row.quantity
    points.set(row.point, point)
  }
  for (const name of points.keys()) {
    const point = points.get(name)!
    const label = `${name} : ${point.units}`
    L.marker(point.at, { title: label, alt: label, keyboard: true }).bindPopup(label).addTo(map)
  }
  map.fitBounds(L.latLngBounds(rows.flatMap((r) => [r.from, r.to])), { padding: [24, 24], maxZoom: 12 })
}

const container = document.getElementById('carte')
if (container?.dataset.tiles) enhance(container)
