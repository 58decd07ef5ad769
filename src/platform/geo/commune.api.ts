import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { type Static, Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifySchemaValidationError } from 'fastify'
import { HttpError } from '../http/problem.ts'
import type { Translate } from '../i18n/i18n.ts'
import type { AppServices } from '../services.ts'
import { type Issue, ValidationError } from '../validation.ts'
import {
  COMMUNE_LIMIT_DEFAULT,
  COMMUNE_LIMIT_MAX,
  COMMUNE_QUERY_MAX,
  type Commune,
  communeLabel,
  INSEE_PATTERN,
} from './commune.ts'
import { roundKm } from './distance.ts'

const CommuneView = Type.Object(
  {
    insee: Type.String({ description: 'code INSEE de la commune', examples: ['14118'] }),
    name: Type.String({ examples: ['Caen'] }),
    label: Type.String({
      description:
        'ce que le champ commune affiche et relit ; trouvée par le nom d’une ancienne commune, elle le dit',
      examples: ['Caen (14000)', 'Condé-en-Normandie (14110) — ancienne commune de Condé-sur-Noireau'],
    }),
    formerName: Type.Optional(
      Type.String({
        description:
          'l’ancienne commune (fusionnée, déléguée ou associée) dont le nom saisi a fait trouver celle-ci',
        examples: ['Condé-sur-Noireau'],
      }),
    ),
    postalCodes: Type.Array(Type.String(), { examples: [['14000']] }),
    departement: Type.String({ examples: ['14'] }),
    population: Type.Integer({ examples: [109400] }),
    latitude: Type.Number({ description: 'centroïde, degrés WGS 84', examples: [49.1848] }),
    longitude: Type.Number({ examples: [-0.3698] }),
  },
  { description: 'Une commune du territoire de la plateforme' },
)
type CommuneView = Static<typeof CommuneView>

const Insee = Type.String({ pattern: INSEE_PATTERN, maxLength: 5, examples: ['14118'] })
const problem = Type.Ref('Problem')

function present(commune: Commune, t: Translate): CommuneView {
  const { insee, name, postalCodes, departement, population, latitude, longitude, formerName } = commune
  const view = { insee, name, label: communeLabel(commune, t), postalCodes, departement, population }
  return { ...view, latitude, longitude, ...(formerName ? { formerName } : {}) }
}

/** Schema failures become issues in the person's language rather than the validator's English. */
function issues(errors: FastifySchemaValidationError[]): ValidationError {
  return new ValidationError(
    errors.map((e): Issue => {
      const field = e.instancePath.replace(/^\//, '') || 'q'
      if (field === 'q' && e.keyword === 'maxLength')
        return { field, key: 'commune.error.tooLong', params: { max: COMMUNE_QUERY_MAX } }
      if (field === 'limit') return { field, key: 'commune.error.limit', params: { max: COMMUNE_LIMIT_MAX } }
      if (field === 'insee' || field === 'a' || field === 'b') return { field, key: 'commune.error.insee' }
      return { field, key: 'commune.error.invalid' }
    }),
  )
}

export async function communeApi(base: FastifyInstance, services: AppServices) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>()
  const { communes } = services
  const route = { config: { permission: 'public' as const, scope: null }, schemaErrorFormatter: issues }

  app.get(
    '/api/v1/communes',
    {
      ...route,
      schema: {
        operationId: 'searchCommunes',
        tags: ['communes'],
        summary: 'Chercher une commune du territoire',
        description:
          'Par nom (sans tenir compte des majuscules, accents ni tirets, avec tolérance aux fautes de frappe), y compris le nom d’une ancienne commune qui lui appartient aujourd’hui, ou par début de code postal. Seules les communes des départements du territoire sont renvoyées.',
        querystring: Type.Object({
          q: Type.Optional(
            Type.String({
              maxLength: COMMUNE_QUERY_MAX,
              default: '',
              examples: ['sainte mere eglise', '14000'],
            }),
          ),
          limit: Type.Optional(
            Type.Integer({ minimum: 1, maximum: COMMUNE_LIMIT_MAX, default: COMMUNE_LIMIT_DEFAULT }),
          ),
        }),
        response: { 200: Type.Object({ communes: Type.Array(CommuneView) }), 400: problem },
      },
    },
    async (req) => {
      const found = await communes.search(req.territory!, req.query.q ?? '', req.query.limit)
      return { communes: found.map((c) => present(c, req.t)) }
    },
  )

  app.get(
    '/api/v1/communes/:insee',
    {
      ...route,
      schema: {
        operationId: 'getCommune',
        tags: ['communes'],
        summary: 'Une commune du territoire, par son code INSEE',
        params: Type.Object({ insee: Insee }),
        response: { 200: CommuneView, 400: problem, 404: problem },
      },
    },
    async (req) => {
      const commune = await communes.find(req.territory!, req.params.insee)
      if (!commune) throw new HttpError(404, req.t('commune.error.notFound'))
      return present(commune, req.t)
    },
  )

  app.get(
    '/api/v1/communes/:a/distance/:b',
    {
      ...route,
      schema: {
        operationId: 'getCommuneDistance',
        tags: ['communes'],
        summary: 'Distance entre deux communes du territoire',
        description:
          'À vol d’oiseau, entre les centroïdes des deux communes, en kilomètres arrondis à 0,1 km.',
        params: Type.Object({ a: Insee, b: { ...Insee, examples: ['14366'] } }),
        response: {
          200: Type.Object({ km: Type.Number({ examples: [44.6] }) }),
          400: problem,
          404: problem,
        },
      },
    },
    async (req) => {
      const km = await communes.distanceKm(req.territory!, req.params.a, req.params.b)
      if (km === null) throw new HttpError(404, req.t('commune.error.notFound'))
      return { km: roundKm(km) }
    },
  )
}
