/**
 * The open data's files, built from the publication (publication.ts): the monthly table as CSV
 * and JSON, its Table Schema descriptor and the DCAT catalogue. Pure: labels and addresses come in.
 */
import type { Figure, Publication } from './publication.ts'
import { lastDay } from './publication.ts'
import { THRESHOLD } from './suppression.ts'

/** What a hidden count reads as, in both files and in the descriptor's `missingValues`. */
export const HIDDEN = `< ${THRESHOLD}`
/** The commune and category of events that had none, as the files name them. */
export const UNKNOWN_COMMUNE = 'inconnue'
export const NO_CATEGORY = 'sans-categorie'

export const OPEN_DATA_PATH = '/donnees-ouvertes'
export const FILES = {
  csv: `${OPEN_DATA_PATH}/bilan-mensuel.csv`,
  json: `${OPEN_DATA_PATH}/bilan-mensuel.json`,
  schema: `${OPEN_DATA_PATH}/bilan-mensuel.schema.json`,
  catalogue: `${OPEN_DATA_PATH}/catalogue.jsonld`,
} as const
export const LICENCE_URL = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/'

const COUNT_COLUMNS = [
  'demandes_et_propositions',
  'avec_reponse',
  'aide_apportee',
  'benevoles_actifs',
] as const
export const COLUMNS = [
  'mois',
  'code_commune',
  'commune',
  'categorie',
  'categorie_libelle',
  ...COUNT_COLUMNS,
] as const

export type OpenDataRow = Record<(typeof COLUMNS)[number], string | number>

/** How the files name a commune and a category: the page and the files say the same. */
export interface Labels {
  commune(insee: string): { code: string; name: string }
  category(id: string): { slug: string; name: string }
}

const count = (f: Figure): string | number => (f.hidden ? HIDDEN : f.value)

/** One row per month × commune × category where something happened, hidden counts as « < 5 ». */
export function openDataRows(publication: Publication, labels: Labels): OpenDataRow[] {
  return publication.cells.map((c) => {
    const commune = labels.commune(c.commune)
    const category = labels.category(c.category)
    return {
      mois: c.month,
      code_commune: commune.code,
      commune: commune.name,
      categorie: category.slug,
      categorie_libelle: category.name,
      demandes_et_propositions: count(c.figures.posted),
      avec_reponse: count(c.figures.answered),
      aide_apportee: count(c.figures.fulfilled),
      benevoles_actifs: count(c.figures.volunteers),
    }
  })
}

/** RFC 4180: a comma between cells, CRLF between rows, quotes around a cell that needs them. */
export function machineCsv(rows: OpenDataRow[]): string {
  const cell = (v: string | number) => {
    const text = String(v)
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }
  return `${[COLUMNS, ...rows.map((r) => COLUMNS.map((c) => r[c]))].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`
}

const countField = (name: string, title: string, description: string) => ({
  name,
  type: 'integer',
  title,
  description: `${description} « ${HIDDEN} » (la même chaîne dans le CSV et dans le JSON) : secret statistique, la valeur est comprise entre 1 et ${THRESHOLD - 1} ou a été masquée pour qu’aucune petite valeur ne puisse être retrouvée par soustraction.`,
  constraints: { required: false, minimum: 0 },
})

/** The Table Schema descriptor of the CSV and of the JSON rows (frictionless specification). */
export function tableSchema() {
  return {
    $schema: 'https://specs.frictionlessdata.io/schemas/table-schema.json',
    name: 'bilan-mensuel',
    title: 'Bilan mensuel de l’entraide',
    description:
      'Une ligne par mois, commune et catégorie où au moins une annonce a été publiée ou un bénévole a été actif. Les mois, communes et catégories absents valent 0.',
    fields: [
      {
        name: 'mois',
        type: 'yearmonth',
        title: 'Mois',
        description: 'Mois civil (heure de Paris), au format AAAA-MM.',
        constraints: { required: true },
      },
      {
        name: 'code_commune',
        type: 'string',
        title: 'Code commune (INSEE)',
        description: `Code officiel géographique de la commune de l’annonce ; « ${UNKNOWN_COMMUNE} » quand elle n’est pas connue.`,
        constraints: { required: true, pattern: `^([0-9][0-9AB][0-9]{3}|${UNKNOWN_COMMUNE})$` },
      },
      {
        name: 'commune',
        type: 'string',
        title: 'Commune',
        description: 'Nom de la commune.',
        constraints: { required: true },
      },
      {
        name: 'categorie',
        type: 'string',
        title: 'Catégorie',
        description: `Identifiant stable de la catégorie d’aide ; « ${NO_CATEGORY} » pour ce qui n’en a pas.`,
        constraints: { required: true, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
      },
      {
        name: 'categorie_libelle',
        type: 'string',
        title: 'Libellé de la catégorie',
        description: 'Nom de la catégorie, en français.',
        constraints: { required: true },
      },
      countField(
        'demandes_et_propositions',
        'Demandes et propositions publiées',
        'Nombre de demandes et de propositions d’aide publiées ce mois-là.',
      ),
      countField(
        'avec_reponse',
        'Avec une réponse',
        'Parmi les annonces publiées ce mois-là, nombre de celles qui ont reçu au moins une réponse (à ce jour).',
      ),
      countField(
        'aide_apportee',
        'Aide apportée',
        'Parmi les annonces publiées ce mois-là, nombre de celles dont l’aide a été apportée (à ce jour).',
      ),
      countField(
        'benevoles_actifs',
        'Bénévoles actifs',
        'Nombre de personnes distinctes ayant agi comme bénévoles ce mois-là ; une même personne compte dans chaque commune et catégorie où elle a agi, ces nombres ne s’additionnent donc pas.',
      ),
    ],
    missingValues: [HIDDEN],
    primaryKey: ['mois', 'code_commune', 'categorie'],
  }
}

export interface CatalogueInput {
  /** 'https://host' of the request, so every address is absolute */
  origin: string
  publisher: string
  platformName: string
  /** the territory's départements, for the spatial coverage */
  departements: string[]
  months: string[]
}

/** A DCAT (DCAT-AP, as data.gouv.fr reads it) catalogue of one dataset with its three files. */
export function catalogue(input: CatalogueInput) {
  const url = (path: string) => `${input.origin}${path}`
  const first = input.months[0]
  const last = input.months.at(-1)
  const licence = { '@id': LICENCE_URL }
  const publisher = { '@type': 'foaf:Organization', 'foaf:name': input.publisher }
  const distribution = (
    path: string,
    title: string,
    mediaType: string,
    format: string,
    conformsTo = url(FILES.schema),
  ) => ({
    '@id': url(path),
    '@type': 'dcat:Distribution',
    'dct:title': title,
    'dcat:accessURL': { '@id': url(path) },
    'dcat:downloadURL': { '@id': url(path) },
    'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${mediaType}` },
    'dct:format': format,
    'dct:conformsTo': { '@id': conformsTo },
    'dct:license': licence,
  })
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      locn: 'http://www.w3.org/ns/locn#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': url(FILES.catalogue),
    '@type': 'dcat:Catalog',
    'dct:title': `Données ouvertes – ${input.platformName}`,
    'dct:description': `Les chiffres publics de l’entraide sur ${input.platformName}.`,
    'dct:publisher': publisher,
    'dct:language': { '@id': 'http://publications.europa.eu/resource/authority/language/FRA' },
    'foaf:homepage': { '@id': url(OPEN_DATA_PATH) },
    'dcat:dataset': [
      {
        '@id': `${url(OPEN_DATA_PATH)}#bilan-mensuel`,
        '@type': 'dcat:Dataset',
        'dct:identifier': `${url(OPEN_DATA_PATH)}#bilan-mensuel`,
        'dct:title': `Bilan mensuel de l’entraide – ${input.platformName}`,
        'dct:description':
          'Demandes et propositions d’aide publiées, celles qui ont reçu une réponse, celles dont l’aide a été apportée, et bénévoles actifs, par mois, commune et catégorie. Les valeurs de 1 à 4 sont masquées (secret statistique), ainsi que celles qui permettraient de les retrouver.',
        'dct:publisher': publisher,
        'dct:license': licence,
        'dct:accrualPeriodicity': {
          '@id': 'http://publications.europa.eu/resource/authority/frequency/MONTHLY',
        },
        ...(first && last
          ? {
              'dct:temporal': {
                '@type': 'dct:PeriodOfTime',
                'dcat:startDate': { '@value': `${first}-01`, '@type': 'xsd:date' },
                'dcat:endDate': { '@value': lastDay(last), '@type': 'xsd:date' },
              },
              'dct:modified': { '@value': lastDay(last), '@type': 'xsd:date' },
            }
          : {}),
        'dct:spatial': {
          '@type': 'dct:Location',
          'locn:geographicName': input.publisher,
          'dct:identifier': input.departements.map((d) => `département ${d}`),
        },
        'dcat:keyword': ['entraide', 'solidarité', 'bénévolat', 'aide entre habitants', 'bilan'],
        'dcat:landingPage': { '@id': url('/bilan') },
        'dcat:distribution': [
          distribution(FILES.csv, 'Bilan mensuel (CSV)', 'text/csv', 'CSV'),
          distribution(FILES.json, 'Bilan mensuel (JSON)', 'application/json', 'JSON'),
          distribution(
            FILES.schema,
            'Schéma des données (Table Schema)',
            'application/json',
            'JSON',
            'https://specs.frictionlessdata.io/table-schema/',
          ),
        ],
      },
    ],
  }
}
