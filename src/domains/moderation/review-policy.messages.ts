import { defineMessages } from '../../platform/i18n/define.ts'

/** The review before publication's setting page, in the administrators' words. */
export const reviewPolicyMessages = defineMessages(
  {
    'reviewPolicy.title': 'Relecture avant publication',
    'reviewPolicy.intro':
      'Choisissez quelles nouvelles annonces d’habitants un modérateur lit avant qu’elles soient visibles. Les demandes saisies par l’accueil téléphonique et les annonces des agents ne sont jamais retenues par ce réglage ; les annonces qui parlent d’argent sont toujours retenues.',
    'reviewPolicy.median.hours':
      'Ces 30 derniers jours, une annonce retenue a été relue en général sous {hours} heures : c’est ce que lisent leurs auteurs.',
    'reviewPolicy.median.none':
      'Aucune annonce retenue n’a été relue ces 30 derniers jours : leurs auteurs ne lisent pas de délai.',
    'reviewPolicy.legend': 'Annonces relues avant publication',
    'reviewPolicy.hint': 'Le choix vaut pour les annonces publiées après l’enregistrement.',
    'reviewPolicy.option.all':
      'Toutes les annonces : un modérateur lit chaque nouvelle annonce avant sa publication.',
    'reviewPolicy.option.first':
      'Les premières annonces des nouveaux comptes (recommandé) : un modérateur lit les annonces d’une personne tant que deux n’ont pas été publiées.',
    'reviewPolicy.option.none':
      'Aucune (seules les annonces qui demandent de l’argent sont retenues) : les autres sont publiées tout de suite.',
    'reviewPolicy.submit': 'Enregistrer le réglage',
    'reviewPolicy.hint.home': 'Quelles nouvelles annonces un modérateur lit avant leur publication.',
    'reviewPolicy.saved': 'Le réglage est enregistré : il s’applique aux prochaines annonces.',
    'reviewPolicy.error.choose': 'Choisissez quelles annonces sont relues avant publication.',
  },
  {
    'reviewPolicy.title': 'Review before publication',
    'reviewPolicy.intro':
      'Choose which new listings by residents a moderator reads before they are visible. Asks typed by the phone line and staff members’ listings are never held by this setting; listings that mention money are always held.',
    'reviewPolicy.median.hours':
      'Over the last 30 days, a held listing was usually read within {hours} hours: this is what their authors read.',
    'reviewPolicy.median.none':
      'No held listing was read over the last 30 days: their authors are given no delay.',
    'reviewPolicy.legend': 'Listings read before publication',
    'reviewPolicy.hint': 'The choice applies to listings posted after it is saved.',
    'reviewPolicy.option.all': 'All listings: a moderator reads every new listing before it is published.',
    'reviewPolicy.option.first':
      'The first listings of new accounts (recommended): a moderator reads a person’s listings until two have been published.',
    'reviewPolicy.option.none':
      'None (only listings that ask for money are held): the others are published at once.',
    'reviewPolicy.submit': 'Save the setting',
    'reviewPolicy.hint.home': 'Which new listings a moderator reads before they are published.',
    'reviewPolicy.saved': 'The setting is saved: it applies to the next listings.',
    'reviewPolicy.error.choose': 'Choose which listings are read before publication.',
  },
)
