import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { FieldError } from '../views/ErrorSummary.tsx'
import { sendError, wantsJson } from './errors.ts'

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * How a form page shows itself again with an error summary when its input is refused before
     * the handler runs; without it, a 400 page says what was wrong.
     */
    refill?: (req: FastifyRequest, reply: FastifyReply, errors: FieldError[]) => unknown
  }
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const ALL_CONTROL = /[\u0000-\u001f\u007f-\u009f]/g

/**
 * A return address has its own check (`local-path.ts`), which refuses control characters too but
 * answers a hostile one by going home with a 303: a link someone was lured into must not end on
 * an error page.
 */
const OWN_CHECK = new Set(['retour'])

/** The names (`a`, `a/0`, `a/b`) of the strings in `value` that hold a refused character. */
export function fieldsWithControlCharacters(value: unknown, allowLines: boolean, path = ''): string[] {
  const refused = allowLines ? CONTROL_BUT_LINES : ANY_CONTROL
  if (typeof value === 'string') return refused.test(value) ? [path] : []
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return []
  return Object.entries(value).flatMap(([key, inner]) => {
    if (path === '' && OWN_CHECK.has(key)) return []
    const name = path ? `${path}/${key}` : key
    return ANY_CONTROL.test(key) ? [name] : fieldsWithControlCharacters(inner, allowLines, name)
  })
}

/** What a form shows back: the person's text without the invisible characters it was refused for. */
export function withoutControlCharacters(value: string): string {
  return value.replace(ALL_CONTROL, '')
}

/**
 * NUL and the other control characters are refused in every text a request carries, once, before
 * any validation or use case: PostgreSQL cannot store NUL (a 500), a line break in a value may end
 * up in a header, and none of them is something a person means to type. Tab and line breaks stay
 * allowed in a body, where multi-line fields (descriptions, messages) need them.
 */
export const controlCharacters = fp(
  async (app: FastifyInstance) => {
    app.addHook('preValidation', async (req: FastifyRequest, reply: FastifyReply) => {
      const fields = [
        ...fieldsWithControlCharacters(req.query, false),
        ...fieldsWithControlCharacters(req.params, false),
        ...fieldsWithControlCharacters(req.body, true),
      ]
      if (fields.length === 0) return
      const message = req.t('input.controlCharacters')
      const refill = req.routeOptions.config?.refill
      if (!wantsJson(req) && refill) {
        await refill(
          req,
          reply,
          [...new Set(fields)].map((field) => ({ field, message })),
        )
        return reply
      }
      const errors = fields.map((field) => ({ pointer: `/${field}`, detail: message }))
      await sendError(req, reply, 400, wantsJson(req) ? message : 'control-characters', errors)
      return reply
    })
  },
  { name: 'control-characters' },
)
