import type { DemoAccount } from '../../platform/modules.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { CrisisTemplates } from './crisis-templates.service.ts'

/**
 * The demonstration has its five crisis templates ready, and no crisis on: an administrator
 * switches one on from /administration/crise to see the banner, with the phone line the
 * territories' demonstration set, and the featured categories.
 */
export async function seedDemoCrisis(services: AppServices, territory: Territory): Promise<DemoAccount[]> {
  await new CrisisTemplates(services).ensure(territory)
  return []
}
