import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { VolunteerService } from './volunteer.service.ts'

/** Verifies a demonstration resident for a year, as the operator's command would: demo callers need it. */
export async function verifyDemoVolunteer(services: AppServices, territory: Territory, email: string) {
  await new VolunteerService(services).fromCommandLine(territory, {
    email,
    until: '',
    note: 'Démonstration',
  })
}
