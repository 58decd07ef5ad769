import ajvCompiler from '@fastify/ajv-compiler'
import serializerCompiler from '@fastify/fast-json-stringify-compiler'
import type { FastifyServerOptions } from 'fastify'

/**
 * Fastify compiles every route's validator (Ajv) and response serializer (fast-json-stringify)
 * while the app starts: with a few hundred routes that was most of the CPU between the modules
 * being loaded and the first answer. These compilers are Fastify's own, wrapped so that each
 * route's functions are compiled at their first use instead, and only then: the 1,344 functions
 * compiled all at once took about a second of CPU after the start and 20 MB that an idle server
 * kept for routes nobody had asked for, against under a millisecond each at a route's first
 * request. `compileAll` compiles whatever is still pending, a slice at a time: a test runs it,
 * so that a schema that does not compile fails the tests rather than its route's first visitor.
 */

// Fastify's own compilers, at the versions Fastify resolves (package.json pins them to those, so
// the installation keeps one copy, which the build bundles once with Fastify).
type Compile = (route: unknown) => (...args: unknown[]) => unknown
type Builder = (externalSchemas: unknown, options: unknown) => Compile
const buildValidator = (ajvCompiler as unknown as () => Builder)()
const buildSerializer = (serializerCompiler as unknown as () => Builder)()

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
