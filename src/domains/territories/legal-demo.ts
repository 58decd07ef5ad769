import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { updateSettings } from './territory.repository.ts'
import { checkSettings, type SettingsInput, settingsFields } from './territory-settings.ts'

/**
 * The demonstration's legal details, as a Département's team would fill the settings, and clearly
 * fictional: an « rue de l’Exemple » address, a host company that does not exist, a role rather
 * than a person as publication director, an address under `.example` (a top-level domain reserved
 * by RFC 2606, which no one can receive mail at) and a number of the 01 99 00 range that ARCEP keeps
 * for fiction. No audit has been made of the demonstration, so none is claimed: the statement says
 * « non conforme » and gives the complaint route, as the RGAA asks of an unaudited site.
 */
export const DEMO_LEGAL_DETAILS: Partial<SettingsInput> = {
  publisherAddress: 'Hôtel du Département (adresse fictive de démonstration), 1 rue de l’Exemple, 14000 Caen',
  publicationDirector: 'Le président ou la présidente du Conseil départemental du Calvados',
  hostName: 'Hébergeur Exemple SAS (société fictive de démonstration)',
  hostAddress: '2 rue de l’Exemple, 14000 Caen',
  dpoContact:
    'Délégué à la protection des données, Hôtel du Département, 1 rue de l’Exemple, 14000 Caen ; dpo.demo@calvados.example ; 01 99 00 00 14',
  retentionAccounts: '3 ans après la dernière connexion, ou jusqu’à la suppression du compte',
  retentionListings: '1 an après la clôture de l’annonce',
  retentionMessages: '1 an après la fin de l’échange',
  retentionPhone: '2 ans après le dernier appel, ou dès que la personne le demande',
  derogations:
    'Aucun audit n’a encore été mené : les contenus non conformes ne sont pas encore recensés. Aucune dérogation pour charge disproportionnée n’est invoquée. Les photos et documents déposés par les habitants et les associations ne sont pas soumis à l’obligation.',
}

/**
 * Fills the demonstration's legal details through the settings' own check, so they hold to the
 * same rules as an administrator's; the statement is dated the day the demonstration is created.
 */
export async function seedDemoLegalDetails(services: AppServices, territory: Territory): Promise<void> {
  const now = services.clock.now()
  const today = now.toISOString().slice(0, 10)
  const input = Object.fromEntries(settingsFields.map((f) => [f, ''])) as SettingsInput
  Object.assign(input, DEMO_LEGAL_DETAILS, { statementDate: today })
  const { value, issues } = checkSettings(input, today)
  if (issues.length > 0) throw new Error(`demo legal details: ${issues.map((i) => i.field).join(', ')}`)
  await updateSettings(services.database.db, territory.id, value, now)
  services.tenancy.forget()
}
