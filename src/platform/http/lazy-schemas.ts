import { createRequire } from 'node:module'
import type { FastifyServerOptions } from 'fastify'

/**
 * Fastify compiles every route's validator (Ajv) and response serializer (fast-json-stringify)
 * while the app starts: with a few hundred routes that was most of the CPU between the modules
 * being loaded and the first answer. These compilers are Fastify's own, wrapped so that each
 * route's functions are compiled at their first use instead; `compileAll` compiles whatever is
 * still pending, a slice at a time, once the server listens, so a schema error still shows up
 * within seconds of the start, and a route's first visitor rarely pays for it.
 */

// Fastify's own compilers, resolved from Fastify itself: the very versions and options it uses.
const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'))
type Compile = (route: unknown) => (...args: unknown[]) => unknown
type Builder = (externalSchemas: unknown, options: unknown) => Compile
const buildValidator = (fromFastify('@fastify/ajv-compiler') as () => Builder)()
const buildSerializer = (fromFastify('@fastify/fast-json-stringify-compiler') as () => Builder)()

export interface LazySchemas {
  compilersFactory: NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
  /** compiles every function not compiled yet, yielding to the event loop between two; resolves to their number */
  compileAll(): Promise<number>
}

export function lazySchemas(): LazySchemas {
  const pending = new Set<() => void>()

  function defer(compile: () => (...args: unknown[]) => unknown, validator: boolean) {
    let compiled: ((...args: unknown[]) => unknown) | undefined
    const now = () => {
      compiled ??= compile()
      pending.delete(now)
      return compiled
    }
    pending.add(now)
    const lazy = Object.assign(
      function (this: unknown, ...args: unknown[]) {
        const fn = compiled ?? now()
        const result = fn.apply(this, args)
        // Fastify reads Ajv's errors from the function it called.
        if (validator) lazy.errors = (fn as { errors?: unknown }).errors
        return result
      },
      // Ajv's functions carry schemaEnv; Fastify then passes the parent object, which lets Ajv
      // coerce a request part as a whole. Every validator here is Ajv's.
      validator ? { schemaEnv: true, errors: null as unknown } : { errors: null as unknown },
    )
    return lazy
  }

  return {
    compilersFactory: {
      buildValidator: (externalSchemas: unknown, options: unknown) => {
        const compile = buildValidator(externalSchemas, options)
        return (route: unknown) => defer(() => compile(route), true)
      },
      buildSerializer: (externalSchemas: unknown, options: unknown) => {
        const compile = buildSerializer(externalSchemas, options)
        return (route: unknown) => defer(() => compile(route), false)
      },
    } as unknown as LazySchemas['compilersFactory'],
    async compileAll() {
      let count = 0
      for (const compile of [...pending]) {
        compile()
        count++
        await new Promise((resolve) => setImmediate(resolve))
      }
      return count
    },
  }
}
