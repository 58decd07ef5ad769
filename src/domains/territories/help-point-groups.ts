import type { AppServices } from '../../platform/services.ts'
import { byCommune, type HelpPoint } from './help-point.ts'
import type { HelpPointGroups } from './views/OfflineHelp.tsx'

/** The help points under the name of their commune, read from the communes in memory. */
export async function helpPointGroups(services: AppServices, points: HelpPoint[]): Promise<HelpPointGroups> {
  const names = new Map<string, string>()
  for (const insee of new Set(points.map((p) => p.communeInsee)))
    names.set(insee, (await services.communes.findAnywhere(insee))?.name ?? insee)
  return byCommune(points, (insee) => names.get(insee) ?? insee)
}
