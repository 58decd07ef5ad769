import { defineMessages } from '../../platform/i18n/define.ts'

/** What the parties of an ask the phone line posted read instead of the agent's name and contacts. */
export const relayMessages = defineMessages(
  {
    'match.relay.line': 'l’accueil téléphonique',
    'match.relay.linePhone':
      'Numéro de l’accueil téléphonique du Département, qui vous mettra en relation avec {name}',
    'match.relay.personPhone': 'Téléphone de {name}',
    'match.relay.decidedByLine':
      'Cette demande a été transmise par l’accueil téléphonique : les agents appellent la personne et répondent pour elle depuis son dossier.',
    'match.relay.openCase': 'Ouvrir le dossier',
    'match.refused.relayed':
      'Cette demande a été transmise par l’accueil téléphonique : la décision se prend depuis le dossier de la personne, après l’avoir appelée.',
  },
  {
    'match.relay.line': 'the phone line',
    'match.relay.linePhone': 'The Département’s phone line, which will put you in touch with {name}',
    'match.relay.personPhone': '{name}’s phone',
    'match.relay.decidedByLine':
      'This ask was passed on by the phone line: its agents call the person and answer for them from their case.',
    'match.relay.openCase': 'Open the case',
    'match.refused.relayed':
      'This ask was passed on by the phone line: the decision is taken from the person’s case, after calling them.',
  },
)
