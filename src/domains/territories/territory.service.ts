import type { Clock, IdGenerator } from '../../platform/clock.ts'
import type { Database } from '../../platform/db/client.ts'
import { slugify } from '../../platform/slugify.ts'
import { findTerritoryByKey } from '../../platform/tenancy/tenancy.repository.ts'
import type { Tenancy } from '../../platform/tenancy/tenancy.ts'
import { type LocalisedText, normaliseHost, type Territory } from '../../platform/tenancy/territory.ts'
import { type Issue, ValidationError } from '../../platform/validation.ts'
import { seedDefaultCategories } from '../categories/index.ts'
import {
  countTerritories,
  hostTaken,
  insertTerritory,
  listTerritories,
  slugTaken,
  updateTerritory,
} from './territory.repository.ts'
import { DEPARTEMENT_CODE, HOSTNAME, primaryColourProblem, SLUG } from './territory.ts'

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

/**
 * Territories are created and changed by operators (CLI, seed); requests find theirs through the
 * platform's tenancy, whose cache is emptied after every change here.
 */
export class TerritoryService {
  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly tenancy: Tenancy,
  ) {}

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
    const name = input.platformName.trim()
    const colour = (input.primaryColor ?? '#1f4e8c').toLowerCase()
    const contactEmail = input.contactEmail?.trim() || `contact@${hostnames[0] ?? 'entraide.localhost'}`
    const issues = fieldIssues({
      departements,
      platformName: name,
      primaryColor: colour,
      contactEmail,
      logoUrl: input.logoUrl,
    })
    if (!SLUG.test(slug)) issues.push({ field: 'slug', key: 'territory.error.slug' })
    else if (await slugTaken(this.database.db, slug))
      issues.push({ field: 'slug', key: 'territory.error.slugTaken', params: { slug } })
    issues.push(...(await this.hostIssues(hostnames)))
    if (issues.length > 0) throw new ValidationError(issues)

    const id = this.ids()
    // A territory never exists without its categories: both are written together or not at all.
    await this.database.db.transaction(async (tx) => {
      await insertTerritory(
        tx,
        {
          id,
          slug,
          departements,
          officialName: input.officialName?.trim() || name,
          platformName: name,
          presentation: input.presentation ?? defaultPresentation(name),
          logoUrl: input.logoUrl ?? null,
          primaryColor: colour,
          contactEmail,
          legalNotice: input.legalNotice ?? { fr: '', en: '' },
          charter: input.charter ?? { fr: '', en: '' },
          hostnames,
          isDemo: input.isDemo ?? false,
        },
        this.clock.now(),
      )
      await seedDefaultCategories(tx, id, this.ids, this.clock.now())
    })
    this.tenancy.forget()
    return (await findTerritoryByKey(this.database.db, slug))!
  }

  /** Operators only, like create: branding, texts, host names and crisis mode of an existing territory. */
  async update(key: string, changes: TerritoryChanges): Promise<Territory> {
    const current = await findTerritoryByKey(this.database.db, key)
    if (!current)
      throw new ValidationError([{ field: 'territory', key: 'territory.error.unknown', params: { key } }])
    const addHosts = [...new Set((changes.addHosts ?? []).map(normaliseHost))].filter(
      (h) => !current.hostnames.includes(h),
    )
    const removeHosts = (changes.removeHosts ?? []).map(normaliseHost)
    const next = {
      departements: current.departements,
      platformName: changes.platformName?.trim() ?? current.platformName,
      primaryColor: changes.primaryColor?.toLowerCase() ?? current.primaryColor,
      contactEmail: changes.contactEmail?.trim() ?? current.contactEmail,
      logoUrl: changes.logoUrl === undefined ? current.logoUrl : changes.logoUrl,
    }
    const issues = [...fieldIssues(next), ...(await this.hostIssues(addHosts))]
    if (issues.length > 0) throw new ValidationError(issues)
    await updateTerritory(
      this.database.db,
      current.id,
      {
        ...next,
        officialName: changes.officialName?.trim() ?? current.officialName,
        presentation: changes.presentation ?? current.presentation,
        legalNotice: changes.legalNotice ?? current.legalNotice,
        charter: changes.charter ?? current.charter,
        crisisMode: changes.crisisMode ?? current.crisisMode,
      },
      { add: addHosts, remove: removeHosts },
      this.clock.now(),
    )
    this.tenancy.forget()
    return (await findTerritoryByKey(this.database.db, current.slug))!
  }

  private async hostIssues(hostnames: string[]): Promise<Issue[]> {
    const issues: Issue[] = []
    for (const host of hostnames) {
      if (!HOSTNAME.test(host))
        issues.push({ field: 'hostnames', key: 'territory.error.host', params: { host } })
      else if (await hostTaken(this.database.db, host))
        issues.push({ field: 'hostnames', key: 'territory.error.hostTaken', params: { host } })
    }
    return issues
  }
}

export type TerritoryChanges = Partial<
  Pick<
    TerritoryInput,
    | 'platformName'
    | 'officialName'
    | 'presentation'
    | 'logoUrl'
    | 'primaryColor'
    | 'contactEmail'
    | 'legalNotice'
    | 'charter'
  >
> & { crisisMode?: boolean; addHosts?: string[]; removeHosts?: string[] }

function fieldIssues(fields: {
  departements: string[]
  platformName: string
  primaryColor: string
  contactEmail: string
  logoUrl?: string | null | undefined
}): Issue[] {
  const issues: Issue[] = []
  if (fields.departements.length === 0)
    issues.push({ field: 'departements', key: 'territory.error.departementsRequired' })
  for (const code of fields.departements) {
    if (!DEPARTEMENT_CODE.test(code))
      issues.push({ field: 'departements', key: 'territory.error.departement', params: { code } })
  }
  if (fields.platformName.length < 3 || fields.platformName.length > 80)
    issues.push({ field: 'platformName', key: 'territory.error.name' })
  const colourProblem = primaryColourProblem(fields.primaryColor)
  if (colourProblem === 'format') issues.push({ field: 'primaryColor', key: 'territory.error.colourFormat' })
  if (colourProblem === 'contrast')
    issues.push({
      field: 'primaryColor',
      key: 'territory.error.colourContrast',
      params: { colour: fields.primaryColor },
    })
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(fields.contactEmail))
    issues.push({ field: 'contactEmail', key: 'territory.error.email' })
  if (fields.logoUrl && !/^(https:\/\/|\/static\/)/.test(fields.logoUrl))
    issues.push({ field: 'logoUrl', key: 'territory.error.logo' })
  return issues
}

function defaultPresentation(name: string): LocalisedText {
  return {
    fr: `${name} met en relation les habitants qui ont besoin d'un coup de main et ceux qui peuvent le donner, gratuitement.`,
    en: `${name} connects inhabitants who need a hand with those who can give it, for free.`,
  }
}

declare module '../../platform/services.ts' {
  interface AppServices {
    /** operators' use cases on territories; requests find theirs through `tenancy` */
    territories: TerritoryService
  }
}
