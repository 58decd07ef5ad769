import type { TerritoryInput } from '../../src/domains/territories/territory.service.ts'
import type { AppServices } from '../../src/platform/services.ts'
import { setReviewPolicy } from '../../src/platform/tenancy/review-policy.repository.ts'
import type { ReviewPolicy, Territory } from '../../src/platform/tenancy/territory.ts'

let counter = 0

/**
 * A territory with sensible defaults; each call gets its own slug and hostname unless told otherwise.
 * Its review before publication is « none » unless asked: tests of other rules post listings that
 * are published at once, and the review policy's own tests choose theirs.
 */
export async function makeTerritory(
  services: AppServices,
  { reviewPolicy = 'none', ...overrides }: Partial<TerritoryInput> & { reviewPolicy?: ReviewPolicy } = {},
): Promise<Territory> {
  counter += 1
  const territory = await services.territories.create({
    slug: `territoire-${counter}`,
    departements: ['14'],
    platformName: 'Entraide Calvados',
    officialName: 'Département du Calvados',
    hostnames: [`t${counter}.entraide.test`],
    contactEmail: 'contact@calvados.test',
    ...overrides,
  })
  if (reviewPolicy === territory.reviewPolicy) return territory
  await setReviewPolicy(services.database.db, territory.id, reviewPolicy, services.clock.now())
  services.tenancy.forget()
  return { ...territory, reviewPolicy }
}
