import type { Database } from '../../platform/db/client.ts'
import type { Clock, IdGenerator } from '../../platform/clock.ts'
import { type Issue, ValidationError } from '../../platform/validation.ts'
import {
  countTerritories,
  findTerritoryByHost,
  findTerritoryByKey,
  hostTaken,
  insertTerritory,
  listTerritories,
  slugTaken,
} from './territory.repository.ts'
import {
  DEPARTEMENT_CODE,
  HOSTNAME,
  type LocalisedText,
  normaliseHost,
  primaryColourProblem,
  SLUG,
  type Territory,
} from './territory.ts'

export interface TerritoryInput {
  slug?: string
  departements: string[]
  officialName?: string
  platformName: string
  presentation?: LocalisedText
  logoUrl?: string | null
  primaryColor?: string
  contactEmail?: string
  legalNotice?: LocalisedText
  charter?: LocalisedText
  hostnames: string[]
  isDemo?: boolean
}

const CACHE_MS = 30_000

/**
 * Territories are created by operators (CLI, seed) and read on every request. Lookups by host
 * are cached briefly: territories change rarely, and several app processes each keep their own cache.
 */
export class TerritoryService {
  #cache = new Map<string, { territory: Territory | null; until: number }>()

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly defaultTerritory: string | undefined,
  ) {}

  async resolveHost(host: string): Promise<Territory | null> {
    const hostname = normaliseHost(host)
    const now = this.clock.now().getTime()
    const cached = this.#cache.get(hostname)
    if (cached && cached.until > now) return cached.territory
    const territory =
      (await findTerritoryByHost(this.database.db, hostname)) ??
      (this.defaultTerritory ? await findTerritoryByKey(this.database.db, this.defaultTerritory) : null)
    if (this.#cache.size > 1000) this.#cache.clear()
    this.#cache.set(hostname, { territory, until: now + CACHE_MS })
    return territory
  }

  find(key: string): Promise<Territory | null> {
    return findTerritoryByKey(this.database.db, key)
  }

  list(): Promise<Territory[]> {
    return listTerritories(this.database.db)
  }

  count(): Promise<number> {
    return countTerritories(this.database.db)
  }

  /** Operators only (CLI and first-start seed): there is no HTTP route that creates a territory. */
  async create(input: TerritoryInput): Promise<Territory> {
    const departements = [...new Set(input.departements.map((d) => d.trim().toUpperCase()))]
    const hostnames = [...new Set(input.hostnames.map(normaliseHost))]
    const slug = (input.slug ?? slugify(input.platformName)).toLowerCase()
    const colour = input.primaryColor ?? '#1f4e8c'
    const issues: Issue[] = []
    if (departements.length === 0) issues.push({ field: 'departements', key: 'territory.error.departementsRequired' })
    for (const code of departements) {
      if (!DEPARTEMENT_CODE.test(code)) issues.push({ field: 'departements', key: 'territory.error.departement', params: { code } })
    }
    const name = input.platformName.trim()
    if (name.length < 3 || name.length > 80) issues.push({ field: 'platformName', key: 'territory.error.name' })
    if (!SLUG.test(slug)) issues.push({ field: 'slug', key: 'territory.error.slug' })
    else if (await slugTaken(this.database.db, slug)) issues.push({ field: 'slug', key: 'territory.error.slugTaken', params: { slug } })
    const colourProblem = primaryColourProblem(colour)
    if (colourProblem === 'format') issues.push({ field: 'primaryColor', key: 'territory.error.colourFormat' })
    if (colourProblem === 'contrast') issues.push({ field: 'primaryColor', key: 'territory.error.colourContrast', params: { colour } })
    const contactEmail = input.contactEmail?.trim() || `contact@${hostnames[0] ?? 'entraide.localhost'}`
    if (!/^[^\s@]+@[^\s@]+$/.test(contactEmail)) issues.push({ field: 'contactEmail', key: 'territory.error.email' })
    for (const host of hostnames) {
      if (!HOSTNAME.test(host)) issues.push({ field: 'hostnames', key: 'territory.error.host', params: { host } })
      else if (await hostTaken(this.database.db, host)) issues.push({ field: 'hostnames', key: 'territory.error.hostTaken', params: { host } })
    }
    if (issues.length > 0) throw new ValidationError(issues)

    const id = this.ids()
    await insertTerritory(
      this.database.db,
      {
        id,
        slug,
        departements,
        officialName: input.officialName?.trim() || name,
        platformName: name,
        presentation: input.presentation ?? defaultPresentation(name),
        logoUrl: input.logoUrl ?? null,
        primaryColor: colour.toLowerCase(),
        contactEmail,
        legalNotice: input.legalNotice ?? { fr: '', en: '' },
        charter: input.charter ?? { fr: '', en: '' },
        hostnames,
        isDemo: input.isDemo ?? false,
      },
      this.clock.now(),
    )
    this.#cache.clear()
    return (await findTerritoryByKey(this.database.db, slug))!
  }
}

export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
}

function defaultPresentation(name: string): LocalisedText {
  return {
    fr: `${name} met en relation les habitants qui ont besoin d'un coup de main et ceux qui peuvent le donner, gratuitement.`,
    en: `${name} connects inhabitants who need a hand with those who can give it, for free.`,
  }
}
