import { type Static, Type } from '@sinclair/typebox'

/** RFC 9457 problem details: the one shape of every JSON error. */
export const Problem = Type.Object(
  {
    type: Type.String({ examples: ['https://entraide.example/problemes/validation'] }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ pointer: Type.String(), detail: Type.String() }))),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
)
export type Problem = Static<typeof Problem>

export const PROBLEM_TYPES: Record<number, string> = {
  400: 'validation',
  401: 'non-authentifie',
  403: 'interdit',
  404: 'introuvable',
  405: 'methode-non-permise',
  409: 'conflit',
  413: 'trop-volumineux',
  415: 'type-non-supporte',
  429: 'trop-de-requetes',
  500: 'erreur-interne',
  503: 'indisponible',
}

/** An error a use case raises on purpose; its message key is shown to the person in their language. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly detail?: string,
  ) {
    super(detail ?? `HTTP ${statusCode}`)
  }
}

export const notFound = (detail?: string) => new HttpError(404, detail)
export const forbidden = (detail?: string) => new HttpError(403, detail)
