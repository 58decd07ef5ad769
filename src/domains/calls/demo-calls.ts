import type { Actor } from '../../platform/auth/actor.ts'
import { demoActor } from '../../platform/auth/demo-actor.ts'
import { translator } from '../../platform/i18n/i18n.ts'
import type { DemoAccount } from '../../platform/modules.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountByEmail } from '../accounts/index.ts'
import { verifyDemoVolunteer } from '../volunteers/index.ts'
import { CallerService } from './caller.service.ts'
import { PairingService } from './pairing.service.ts'
import { RegistrationService } from './registration.service.ts'

const PEOPLE = [
  {
    firstName: 'Simone',
    lastName: 'Lecoq',
    phone: '02 61 91 10 01',
    commune: '14118',
    topics: 'le jardin, ses petits-enfants',
    times: 'le matin',
  },
  {
    firstName: 'Marcel',
    lastName: 'D’Aubigny',
    phone: '02 61 91 10 02',
    commune: '14047',
    topics: 'le football',
    times: 'en fin de matinée',
  },
  {
    firstName: 'Yvette',
    lastName: 'Hamon',
    phone: '02 61 91 10 03',
    commune: '14118',
    topics: 'la cuisine',
    times: 'l’après-midi',
  },
]

/**
 * A few people registered by the demonstration's administrator as an agent would, with a consent
 * marked as the demonstration's, Karim and Jeanne verified and signed up as callers, and one pair.
 */
export async function seedDemoCalls(services: AppServices, territory: Territory): Promise<DemoAccount[]> {
  const { db } = services.database
  const [claire, karim, jeanne] = await Promise.all(
    [
      'claire.admin@entraide.localhost',
      'karim.demo@entraide.localhost',
      'jeanne.demo@entraide.localhost',
    ].map((email) => accountByEmail(db, email)),
  )
  if (!claire || !karim || !jeanne || karim.territoryId !== territory.id) return []
  const admin: Actor = { ...demoActor(claire), roles: ['administrator'], secondFactor: true }
  const t = translator('fr')
  const registrations = new RegistrationService(services)
  const ids: string[] = []
  for (const p of PEOPLE) {
    const done = await registrations.register(
      admin,
      territory,
      'agent',
      {
        firstName: p.firstName,
        lastName: p.lastName,
        phone: p.phone,
        commune: p.commune,
        frequency: 'weekly',
        preferredTimes: p.times,
        topics: p.topics,
        language: 'fr',
        mayorRegister: '',
        consent: '',
        consentWording: `Démonstration : ${t('calls.register.agentConsentDefault')}`,
      },
      t,
    )
    if (done.kind === 'registered') ids.push(done.id)
  }
  const callers = new CallerService(services)
  const saved = []
  for (const [account, communes] of [
    [karim, 'Caen'],
    [jeanne, 'Bayeux'],
  ] as const) {
    await verifyDemoVolunteer(services, territory, account.email)
    const result = await callers.signUp(demoActor(account), territory, {
      languages: ['fr'],
      communes,
      availability: 'en semaine, le matin',
      capacity: '3',
    })
    if (result.kind === 'saved') saved.push(result.caller)
  }
  if (ids[0] && saved[0]) await new PairingService(services).pair(admin, territory, ids[0], saved[0].id)
  return []
}
