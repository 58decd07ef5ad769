import type { DemoAccount } from '../../platform/modules.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountByEmail } from '../accounts/index.ts'
import { insertCase } from './case.repository.ts'
import { DEFAULT_CONSENT_WORDING } from './case.ts'
import { insertPerson } from './person.repository.ts'

/**
 * One person the demonstration's agent took a call from, with her open case, so that the line's
 * queue shows something real. Her number is a fictitious one (the 01 99 00 range is reserved for
 * audiovisual works).
 */
export async function seedDemoPhone(services: AppServices, territory: Territory): Promise<DemoAccount[]> {
  const { db } = services.database
  const agent = await accountByEmail(db, 'sophie.agent@entraide.localhost')
  if (!agent) return []
  const at = services.clock.now()
  const personId = services.ids()
  await db.transaction(async (tx) => {
    await insertPerson(tx, {
      id: personId,
      territoryId: territory.id,
      firstName: 'Odette',
      lastName: 'Marie',
      phone: '+33199001234',
      communeInsee: '14047',
      address: null,
      callTimes: 'le matin, pas avant 9 h',
      answeredBy: 'son voisin Gérard décroche parfois',
      sharedContact: 'own-phone',
      consentWording: DEFAULT_CONSENT_WORDING,
      consentBy: agent.id,
      accountId: null,
      at,
    })
    await insertCase(tx, {
      id: services.ids(),
      eventId: services.ids(),
      territoryId: territory.id,
      personId,
      origin: 'call',
      summary:
        'Cherche quelqu’un pour l’accompagner chez le médecin à Bayeux mardi prochain ; la rappeler jeudi.',
      by: agent.id,
      at,
    })
  })
  return []
}
