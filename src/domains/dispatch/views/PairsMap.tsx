import type { ViewContext } from '../../../platform/views/context.ts'

export interface MapPair {
  ask: { latitude: number; longitude: number; label: string }
  volunteer: { latitude: number; longitude: number; label: string }
}

const WIDTH = 320
const HEIGHT = 240
const PAD = 12

/**
 * The pairs drawn from commune to commune, server-side, in an SVG that scales to a 360 px
 * screen: asks as squares, volunteers as circles, a line for each pair. Its text alternative is
 * the table just above, which the figure names.
 */
export function PairsMap({ ctx, pairs }: { ctx: ViewContext; pairs: MapPair[] }) {
  const { t } = ctx
  if (pairs.length === 0) return null
  const points = pairs.flatMap((p) => [p.ask, p.volunteer])
  const lats = points.map((p) => p.latitude)
  const lons = points.map((p) => p.longitude)
  const [minLat, maxLat, minLon, maxLon] = [
    Math.min(...lats),
    Math.max(...lats),
    Math.min(...lons),
    Math.max(...lons),
  ]
  const span = Math.max(maxLat - minLat, (maxLon - minLon) * 0.66, 0.01)
  const x = (lon: number) => PAD + ((lon - minLon) * 0.66 * (WIDTH - 2 * PAD)) / span
  const y = (lat: number) => HEIGHT - PAD - ((lat - minLat) * (HEIGHT - 2 * PAD)) / span
  return (
    <figure class="pairs-map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="pairs-map-title" width="100%">
        <title id="pairs-map-title">{t('dispatch.plan.map')}</title>
        {pairs.map((p, i) => (
          <g key={`${i}-${p.ask.label}`}>
            <line
              x1={x(p.ask.longitude)}
              y1={y(p.ask.latitude)}
              x2={x(p.volunteer.longitude)}
              y2={y(p.volunteer.latitude)}
              stroke="currentColor"
              stroke-width="1.5"
            />
            <rect x={x(p.ask.longitude) - 4} y={y(p.ask.latitude) - 4} width="8" height="8" fill="#b34700" />
            <circle cx={x(p.volunteer.longitude)} cy={y(p.volunteer.latitude)} r="4" fill="#005ea8" />
          </g>
        ))}
      </svg>
      <figcaption>{t('dispatch.plan.mapText')}</figcaption>
    </figure>
  )
}
