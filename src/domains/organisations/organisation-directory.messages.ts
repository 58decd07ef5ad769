import { defineMessages, type KeysOf } from '../../platform/i18n/define.ts'

export const organisationDirectoryMessages = defineMessages(
  {
    'directory.title': 'Annuaire des organisations',
    'directory.intro':
      'Associations, structures d’aide, producteurs, ateliers, communes et partenaires vérifiés du territoire.',
    'directory.words.label': 'Mots',
    'directory.words.hint': 'Par exemple : banque alimentaire, couture, épicerie solidaire',
    'directory.kind.label': 'Type d’organisation',
    'directory.kind.any': 'Tous les types',
    'directory.kind.association': 'Association',
    'directory.kind.aid-structure': 'Structure d’aide',
    'directory.kind.producer': 'Producteur local',
    'directory.kind.workshop': 'Atelier',
    'directory.kind.commune': 'Commune',
    'directory.kind.partner': 'Partenaire',
    'directory.aidType.label': 'Type de structure d’aide',
    'directory.aidType.any': 'Toutes les structures',
    'directory.aidType.ccas': 'CCAS',
    'directory.aidType.food-bank': 'Banque alimentaire',
    'directory.aidType.ehpad': 'EHPAD',
    'directory.aidType.shelter': 'Hébergement',
    'directory.aidType.school': 'École',
    'directory.aidType.other': 'Autre structure d’aide',
    'directory.commune.label': 'Autour de la commune',
    'directory.commune.hint': 'Laissez vide pour tout le territoire.',
    'directory.radius.label': 'Distance',
    'directory.radius.option': 'moins de {km} km',
    'directory.submit': 'Chercher',
    'directory.results.title': 'Organisations',
    'directory.count.none': 'Aucune organisation trouvée.',
    'directory.count.one': '1 organisation trouvée.',
    'directory.count.many': '{count} organisations trouvées.',
    'directory.count.page': 'Page {page} sur {pages}.',
    'directory.results.none':
      'Aucune organisation ne correspond. Essayez moins de mots, un autre type, une plus grande distance, ou laissez la commune vide pour tout le territoire.',
    'directory.result.verified': 'Vérifiée',
    'directory.result.distance': 'à {km} km',
    'directory.previous': 'Page précédente',
    'directory.next': 'Page suivante',
    'directory.pages': 'Pages de résultats',
    'directory.map.label': 'Carte des organisations trouvées',
    'directory.map.marker': 'Organisations à {commune}',
    'directory.map.caption':
      'Carte des organisations, au centre de leur commune – la liste ci-dessous dit la même chose.',
    'directory.error.wordsTooLong': 'Écrivez {max} caractères au plus.',
    'directory.error.kind': 'Choisissez un type d’organisation dans la liste.',
    'directory.error.aidType': 'Choisissez un type de structure d’aide dans la liste.',
    'directory.error.aidTypeKind':
      'Un type de structure d’aide ne va qu’avec le type « Structure d’aide » : changez l’un ou l’autre.',
    'directory.error.commune': 'Le nom de la commune est trop long (100 caractères au plus).',
    'directory.error.communeUnknown':
      'Cette commune n’est pas dans le territoire : vérifiez son nom ou son code postal, ou laissez le champ vide.',
    'directory.error.radius': 'Choisissez une distance parmi {choices} km.',
    'directory.error.page': 'Cette page de résultats n’existe pas : revenez à la première.',
  },
  {
    'directory.title': 'Directory of organisations',
    'directory.intro':
      'Verified associations, aid structures, producers, workshops, communes and partners of the territory.',
    'directory.words.label': 'Words',
    'directory.words.hint': 'For example: food bank, sewing, community grocery',
    'directory.kind.label': 'Kind of organisation',
    'directory.kind.any': 'All kinds',
    'directory.kind.association': 'Association',
    'directory.kind.aid-structure': 'Aid structure',
    'directory.kind.producer': 'Local producer',
    'directory.kind.workshop': 'Workshop',
    'directory.kind.commune': 'Commune',
    'directory.kind.partner': 'Partner',
    'directory.aidType.label': 'Kind of aid structure',
    'directory.aidType.any': 'All structures',
    'directory.aidType.ccas': 'CCAS (social services)',
    'directory.aidType.food-bank': 'Food bank',
    'directory.aidType.ehpad': 'Care home (EHPAD)',
    'directory.aidType.shelter': 'Shelter',
    'directory.aidType.school': 'School',
    'directory.aidType.other': 'Other aid structure',
    'directory.commune.label': 'Around the commune',
    'directory.commune.hint': 'Leave empty for the whole territory.',
    'directory.radius.label': 'Distance',
    'directory.radius.option': 'less than {km} km',
    'directory.submit': 'Search',
    'directory.results.title': 'Organisations',
    'directory.count.none': 'No organisation found.',
    'directory.count.one': '1 organisation found.',
    'directory.count.many': '{count} organisations found.',
    'directory.count.page': 'Page {page} of {pages}.',
    'directory.results.none':
      'No organisation matches. Try fewer words, another kind, a greater distance, or leave the commune empty for the whole territory.',
    'directory.result.verified': 'Verified',
    'directory.result.distance': '{km} km away',
    'directory.previous': 'Previous page',
    'directory.next': 'Next page',
    'directory.pages': 'Result pages',
    'directory.map.label': 'Map of the organisations found',
    'directory.map.marker': 'Organisations in {commune}',
    'directory.map.caption':
      'Map of the organisations, at the centre of their commune – the list below says the same.',
    'directory.error.wordsTooLong': 'Write {max} characters at most.',
    'directory.error.kind': 'Choose a kind of organisation from the list.',
    'directory.error.aidType': 'Choose a kind of aid structure from the list.',
    'directory.error.aidTypeKind':
      'A kind of aid structure only goes with the kind « Aid structure »: change one or the other.',
    'directory.error.commune': 'The commune’s name is too long (100 characters at most).',
    'directory.error.communeUnknown':
      'This commune is not in the territory: check its name or postal code, or leave the field empty.',
    'directory.error.radius': 'Choose a distance among {choices} km.',
    'directory.error.page': 'This page of results does not exist: go back to the first one.',
  },
)

export const organisationLogoMessages = defineMessages(
  {
    'organisationLogo.title': 'Logo de {name}',
    'organisationLogo.intro':
      'Le logo apparaît sur la page de l’organisation et dans l’annuaire. Il est converti et réduit à 512 pixels au plus ; les informations cachées du fichier (lieu, appareil) sont retirées.',
    'organisationLogo.current': 'Logo actuel',
    'organisationLogo.none': 'Aucun logo pour l’instant.',
    'organisationLogo.field': 'Logo (JPEG, PNG, WebP ou GIF, 2 Mo au plus)',
    'organisationLogo.submit': 'Enregistrer le logo',
    'organisationLogo.remove': 'Retirer le logo',
    'organisationLogo.back': 'Retour à la page de l’organisation',
    'organisationLogo.saved': 'Le logo est enregistré.',
    'organisationLogo.removed': 'Le logo est retiré.',
    'organisationLogo.error.tooMany': 'Trop d’envois de logo en une heure : réessayez plus tard.',
    'organisationLogo.audit.changed': 'Logo d’une organisation changé ou retiré',
  },
  {
    'organisationLogo.title': 'Logo of {name}',
    'organisationLogo.intro':
      'The logo shows on the organisation’s page and in the directory. It is converted and reduced to 512 pixels at most; the file’s hidden information (place, device) is removed.',
    'organisationLogo.current': 'Current logo',
    'organisationLogo.none': 'No logo yet.',
    'organisationLogo.field': 'Logo (JPEG, PNG, WebP or GIF, 2 MB at most)',
    'organisationLogo.submit': 'Save the logo',
    'organisationLogo.remove': 'Remove the logo',
    'organisationLogo.back': 'Back to the organisation’s page',
    'organisationLogo.saved': 'The logo is saved.',
    'organisationLogo.removed': 'The logo is removed.',
    'organisationLogo.error.tooMany': 'Too many logo uploads in an hour: try again later.',
    'organisationLogo.audit.changed': 'Organisation logo changed or removed',
  },
)

const tables = [organisationDirectoryMessages, organisationLogoMessages] as const
/** The directory's and the logo's texts, registered by the organisations module. */
export const directoryMessageTables = [...tables]
type DirectoryMessageKeys = KeysOf<typeof tables>

// Declared here rather than in the module file, which the rest of organisations shares.
declare module '../../platform/i18n/i18n.ts' {
  interface MessageCatalogue extends DirectoryMessageKeys {}
}
