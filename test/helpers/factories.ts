import type { TerritoryInput } from '../../src/domains/territories/territory.service.ts'
import type { AppServices } from '../../src/platform/services.ts'
import type { Territory } from '../../src/platform/tenancy/territory.ts'

let counter = 0

/** A territory with sensible defaults; each call gets its own slug and hostname unless told otherwise. */
export async function makeTerritory(
  services: AppServices,
  overrides: Partial<TerritoryInput> = {},
): Promise<Territory> {
  counter += 1
  return services.territories.create({
    slug: `territoire-${counter}`,
    departements: ['14'],
    platformName: 'Entraide Calvados',
    officialName: 'Département du Calvados',
    hostnames: [`t${counter}.entraide.test`],
    contactEmail: 'contact@calvados.test',
    ...overrides,
  })
}
