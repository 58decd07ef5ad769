import type { DemoAccount } from '../../platform/modules.ts'
import type { AppServices } from '../../platform/services.ts'
import { setHelplineIfNone } from '../../platform/tenancy/crisis-mode.repository.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { CrisisTemplates } from './crisis-templates.service.ts'

/**
 * The demonstration has its five crisis templates ready, and no crisis on: an administrator
 * switches one on from /administration/crise to see the banner, with the phone line (a fictitious
 * number, unless the demonstration already has one), and the featured categories.
 */
export async function seedDemoCrisis(services: AppServices, territory: Territory): Promise<DemoAccount[]> {
  await new CrisisTemplates(services).ensure(territory)
  await setHelplineIfNone(
    services.database.db,
    territory.id,
    {
      phone: '+33231000002',
      hours: { fr: 'du lundi au vendredi, de 9 h à 17 h', en: 'Monday to Friday, 9 am to 5 pm' },
    },
    services.clock.now(),
  )
  services.tenancy.forget()
  return []
}
