import type { Commune } from '../../platform/geo/commune.ts'
import { roundKm } from '../../platform/geo/distance.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { ValidationError } from '../../platform/validation.ts'
import type { AidStructureType, OrganisationKind } from './organisation.schema.ts'
import { searchDirectory } from './organisation-directory.repository.ts'
import { DIRECTORY_PAGE_SIZE, type DirectoryQuery } from './organisation-directory.ts'

/** What anyone may see of an organisation in the directory: its public face only. */
export interface DirectoryEntry {
  id: string
  name: string
  kind: OrganisationKind
  aidType: AidStructureType | null
  commune: { insee: string; name: string | null }
  summary: string
  verifiedAt: Date | null
  /** the logo's address, when it has one */
  logoUrl: string | null
  /** km from the centre, rounded to 0.1; null without a centre */
  distanceKm: number | null
  /** the commune's point, rounded to about a kilometre, for the map */
  point: { latitude: number; longitude: number }
}

export interface DirectoryResults {
  entries: DirectoryEntry[]
  total: number
  pages: number
  centre: Commune | null
}

const round2 = (x: number) => Math.round(x * 100) / 100

/** The address the directory and the organisation's page show a logo from. */
export const logoUrl = (organisationId: string, etag: string) =>
  `/organisations/${organisationId}/logo?v=${encodeURIComponent(etag.slice(0, 12))}`

/** The public directory: verified organisations of the territory, for everyone. */
export class DirectoryService {
  constructor(private readonly services: AppServices) {}

  async search(territory: Territory, query: DirectoryQuery): Promise<DirectoryResults> {
    const centre = await this.#centre(territory, query.commune)
    const { rows, total } = await searchDirectory(
      this.services.database.db,
      {
        territoryId: territory.id,
        words: query.words,
        kind: query.kind,
        aidType: query.aidType,
        centre,
        radiusKm: centre ? query.radiusKm : null,
      },
      { offset: (query.page - 1) * DIRECTORY_PAGE_SIZE, limit: DIRECTORY_PAGE_SIZE },
    )
    return {
      entries: rows.map((row) => ({
        id: row.id,
        name: row.name,
        kind: row.kind,
        aidType: row.aidType,
        commune: { insee: row.communeInsee, name: row.communeName },
        summary: row.summary,
        verifiedAt: row.verifiedAt,
        logoUrl: row.logoEtag ? logoUrl(row.id, row.logoEtag) : null,
        distanceKm: row.distanceM === null ? null : roundKm(row.distanceM / 1000),
        point: { latitude: round2(row.latitude), longitude: round2(row.longitude) },
      })),
      total,
      pages: Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE)),
      centre,
    }
  }

  /** The commune typed, among the territory's; several of one name: the most populous. */
  async #centre(territory: Territory, text: string): Promise<Commune | null> {
    if (!text) return null
    const resolved = await this.services.communes.resolve(territory, text)
    if (resolved.kind === 'none')
      throw new ValidationError([{ field: 'commune', key: 'directory.error.communeUnknown' }])
    return resolved.kind === 'one' ? resolved.commune : resolved.communes[0]!
  }
}
