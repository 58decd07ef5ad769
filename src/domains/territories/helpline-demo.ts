import type { DemoAccount } from '../../platform/modules.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { insertHelpPoint } from './help-point.repository.ts'
import type { HelpPoint } from './help-point.ts'
import { updateHelpline } from './territory.repository.ts'

/** Fictitious numbers of the 02 61 91 00 xx range, as the demonstration's residents have. */
const DEMO_POINTS: Omit<HelpPoint, 'id' | 'position'>[] = [
  {
    kind: 'ccas',
    name: 'CCAS de Bayeux',
    address: '19 rue Larcher',
    communeInsee: '14047',
    hours: 'du lundi au vendredi, de 9 h à 12 h',
    phone: '+33261910010',
  },
  {
    kind: 'france-services',
    name: 'France Services de Vire Normandie',
    address: '8 place du Champ de Foire',
    communeInsee: '14762',
    hours: 'mardi et jeudi, de 9 h à 17 h',
    phone: '+33261910011',
  },
  {
    kind: 'mairie',
    name: 'Mairie de Falaise',
    address: 'Place Guillaume le Conquérant',
    communeInsee: '14258',
    hours: 'du lundi au samedi, de 8 h 30 à 12 h',
    phone: null,
  },
]

/**
 * The demonstration's phone line and three help points in Calvados communes, so that the home
 * page, « besoin d'aide » and the contact page show what a territory that set them up shows.
 */
export async function seedDemoHelpline(services: AppServices, territory: Territory): Promise<DemoAccount[]> {
  const now = services.clock.now()
  await services.database.db.transaction(async (tx) => {
    await updateHelpline(
      tx,
      territory.id,
      {
        helplinePhone: '+33261910000',
        helplineHours: {
          fr: 'du lundi au vendredi, de 9 h à 17 h',
          en: 'Monday to Friday, 9 am to 5 pm',
        },
      },
      now,
    )
    for (const point of DEMO_POINTS)
      await insertHelpPoint(tx, territory.id, { id: services.ids(), ...point }, now)
  })
  services.tenancy.forget()
  return []
}
