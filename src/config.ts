import { createECDH } from 'node:crypto'
import { type Static, Type } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'

/**
 * Every setting comes from the environment and is checked once at boot, so that an
 * operator sees all mistakes together instead of fixing them one restart at a time.
 */
const Env = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    default: 'development',
  }),
  HOST: Type.String({ default: '0.0.0.0', minLength: 1 }),
  PORT: Type.Integer({ default: 3000, minimum: 0, maximum: 65535 }),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^\\s/]+(:\\d+)?/?$' })),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATABASE_PREPARED_STATEMENTS: Type.Boolean({ default: true }),
  PGLITE_DIR: Type.String({ default: './data/pglite', minLength: 1 }),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  MAIL_FROM: Type.String({ default: 'Entraide <ne-pas-repondre@entraide.localhost>', minLength: 3 }),
  DEFAULT_TERRITORY: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  API_DOCS: Type.Optional(Type.Boolean()),
  TRUST_PROXY: Type.Boolean({ default: false }),
  JOBS_ENABLED: Type.Boolean({ default: true }),
  JOBS_POLL_MS: Type.Integer({ default: 1000, minimum: 10, maximum: 60000 }),
  JOBS_CONCURRENCY: Type.Integer({ default: 2, minimum: 1, maximum: 32 }),
  SEED_DEMO: Type.Optional(Type.Boolean()),
  MAP_TILE_URL: Type.Optional(Type.String({ pattern: '^https://' })),
  APP_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  METRICS_TOKEN: Type.Optional(Type.String({ minLength: 32, pattern: '^[\\x21-\\x7e]+$' })),
  SHED_EVENT_LOOP_DELAY_MS: Type.Optional(Type.Integer({ minimum: 0, maximum: 60000 })),
  SHED_POOL_WAIT_MS: Type.Integer({ default: 1000, minimum: 0, maximum: 600000 }),
  PAGE_CACHE_MS: Type.Optional(Type.Integer({ minimum: 0, maximum: 60000 })),
  SMS_PROVIDER: Type.Optional(Type.Union([Type.Literal('http'), Type.Literal('outbox')])),
  SMS_HTTP_URL: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 500 })),
  SMS_HTTP_TOKEN: Type.Optional(Type.String({ minLength: 16, maxLength: 500, pattern: '^[\\x21-\\x7e]+$' })),
  /** what the recipient sees as the sender, and where « STOP » is answered: a short number or 11 letters */
  SMS_SENDER: Type.Optional(Type.String({ pattern: '^([0-9]{4,15}|[A-Za-z0-9 ]{1,11})$' })),
  SMS_INBOUND_TOKEN: Type.Optional(
    Type.String({ minLength: 32, maxLength: 500, pattern: '^[\\x21-\\x7e]+$' }),
  ),
  METRICS_LISTEN: Type.Optional(Type.String({ pattern: '^(\\[[0-9a-fA-F:.]+\\]|[^\\s:\\[\\]]+):\\d{1,5}$' })),
  // P-256 keys in base64url as `web-push generate-vapid-keys` prints them: 65 and 32 bytes
  VAPID_PUBLIC_KEY: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{87}$' })),
  VAPID_PRIVATE_KEY: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' })),
  VAPID_SUBJECT: Type.Optional(
    Type.String({ pattern: '^(mailto:[^\\s@]+@[^\\s@]+|https://[^\\s/]+(/\\S*)?)$' }),
  ),
})
type Env = Static<typeof Env>

export interface Config {
  env: Env['NODE_ENV']
  host: string
  port: number
  publicUrl: string | undefined
  /**
   * `preparedStatements: false` sends every statement unnamed, for a PostgreSQL reached through a
   * pooler that does not keep a session per client (PgBouncer in transaction mode before 1.21).
   */
  database: { kind: 'postgres'; url: string; preparedStatements?: boolean } | { kind: 'pglite'; dir: string }
  smtpUrl: string | undefined
  mailFrom: string
  defaultTerritory: string | undefined
  logLevel: string
  apiDocs: boolean
  trustProxy: boolean
  jobs: { enabled: boolean; pollMs: number; concurrency: number }
  seedDemo: boolean
  mapTileUrl: string | undefined
  /** keys CSRF tokens and encrypts second-factor secrets; a fixed value outside production */
  appSecret: string
  /** bearer token of the app's /metrics; with neither this nor metricsListen, no /metrics */
  metricsToken: string | undefined
  /** private address of a second server answering /metrics without a token */
  metricsListen: { host: string; port: number } | undefined
  /** above either, a request gets 503 at once rather than a place in the queue; 0 turns one off */
  shedding: { eventLoopDelayMs: number; poolWaitMs: number }
  /** how long a page every visitor gets alike is kept in the process; 0: never */
  pageCacheMs: number
  /** the VAPID key pair and contact of Web Push; without it, push is not offered at all */
  push: PushKeys | undefined
  sms: SmsConfig
}

export interface PushKeys {
  publicKey: string
  privateKey: string
  /** mailto: or https: address the push services may contact about this sender */
  subject: string
}

/**
 * Where SMS go: an HTTP provider, the development outbox (never in production), or nowhere
 * (production without a provider: the platform sends none). `inboundToken` authenticates the
 * provider's calls bringing replies (« STOP »); without it that endpoint refuses every call.
 */
export type SmsConfig = (
  | { provider: 'http'; url: string; token: string }
  | { provider: 'outbox' }
  | { provider: 'none' }
) & { sender: string; inboundToken: string | undefined }

/** The sender shown in the development outbox: a fictitious short number. */
const DEVELOPMENT_SMS_SENDER = '36000'

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration invalide :\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}

/** Only ever used outside production, where configuration requires a real secret. */
const DEVELOPMENT_SECRET = 'entraide-development-secret-not-for-production-use'

const BOOLEAN_WORDS: Record<string, boolean> = {
  true: true,
  '1': true,
  yes: true,
  false: false,
  '0': false,
  no: false,
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const raw: Record<string, unknown> = {}
  const problems: string[] = []
  for (const [key, schema] of Object.entries(Env.properties)) {
    const value = source[key]
    if (value === undefined || value === '') continue
    const kind = (schema as { type?: string }).type
    if (kind === 'integer') raw[key] = /^-?\d+$/.test(value) ? Number(value) : value
    else if (kind === 'boolean') {
      const b = BOOLEAN_WORDS[value.toLowerCase()]
      if (b === undefined) problems.push(`${key} : attendu true ou false, reçu « ${value} »`)
      else raw[key] = b
    } else raw[key] = value
  }
  const withDefaults = Value.Default(Env, raw)
  for (const error of Value.Errors(Env, withDefaults)) {
    problems.push(`${error.path.slice(1) || 'environnement'} : ${describe(error.message)}`)
  }
  const env = withDefaults as Env
  if (env.NODE_ENV === 'production') {
    if (!env.SMTP_URL) problems.push('SMTP_URL : obligatoire en production (aucun courriel ne partirait)')
    if (!env.PUBLIC_URL) problems.push('PUBLIC_URL : obligatoire en production (liens des courriels)')
    if (!env.APP_SECRET)
      problems.push('APP_SECRET : obligatoire en production (32 caractères aléatoires au moins)')
  }
  problems.push(...smsProblems(env))
  if (env.METRICS_LISTEN && !problems.some((p) => p.startsWith('METRICS_LISTEN'))) {
    if (hostAndPort(env.METRICS_LISTEN).port > 65535)
      problems.push('METRICS_LISTEN : hors des bornes permises')
  }
  problems.push(...pushKeyProblems(env, problems))
  if (problems.length > 0) throw new ConfigError(problems)

  const production = env.NODE_ENV === 'production'
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicUrl: env.PUBLIC_URL?.replace(/\/$/, ''),
    database: env.DATABASE_URL
      ? {
          kind: 'postgres',
          url: env.DATABASE_URL,
          ...(!env.DATABASE_PREPARED_STATEMENTS ? { preparedStatements: false } : {}),
        }
      : { kind: 'pglite', dir: env.PGLITE_DIR },
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    defaultTerritory: env.DEFAULT_TERRITORY,
    logLevel: env.LOG_LEVEL,
    apiDocs: env.API_DOCS ?? !production,
    trustProxy: env.TRUST_PROXY,
    jobs: { enabled: env.JOBS_ENABLED, pollMs: env.JOBS_POLL_MS, concurrency: env.JOBS_CONCURRENCY },
    seedDemo: !production && (env.SEED_DEMO ?? env.NODE_ENV === 'development'),
    mapTileUrl: env.MAP_TILE_URL,
    appSecret: env.APP_SECRET ?? DEVELOPMENT_SECRET,
    metricsToken: env.METRICS_TOKEN,
    metricsListen: env.METRICS_LISTEN ? hostAndPort(env.METRICS_LISTEN) : undefined,
    shedding: {
      // Off by default elsewhere: a laptop or a test machine stalls for reasons no visitor causes.
      eventLoopDelayMs: env.SHED_EVENT_LOOP_DELAY_MS ?? (production ? 200 : 0),
      poolWaitMs: env.SHED_POOL_WAIT_MS,
    },
    // Off by default elsewhere: a developer or a test expects a change to show at the next page.
    pageCacheMs: env.PAGE_CACHE_MS ?? (production ? 1000 : 0),
    push:
      env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY && env.VAPID_SUBJECT
        ? { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject: env.VAPID_SUBJECT }
        : undefined,
    sms: smsConfig(env),
  }
}

const VAPID = ['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY', 'VAPID_SUBJECT'] as const

/**
 * The three go together: a half-configured push would offer a button whose subscriptions can never
 * be sent to. The public key must be the private key's, or every push service refuses the sender.
 */
function pushKeyProblems(env: Env, earlier: string[]): string[] {
  const given = VAPID.filter((key) => env[key] !== undefined)
  if (given.length === 0) return []
  if (given.length < VAPID.length)
    return VAPID.filter((key) => env[key] === undefined).map(
      (key) => `${key} : obligatoire avec ${given.join(' et ')} (les trois vont ensemble)`,
    )
  if (earlier.some((p) => p.startsWith('VAPID_'))) return []
  const publicKey = Buffer.from(env.VAPID_PUBLIC_KEY!, 'base64url')
  try {
    const ecdh = createECDH('prime256v1')
    ecdh.setPrivateKey(Buffer.from(env.VAPID_PRIVATE_KEY!, 'base64url'))
    if (ecdh.getPublicKey().equals(publicKey)) return []
  } catch {
    return ['VAPID_PRIVATE_KEY : clé P-256 invalide']
  }
  return ['VAPID_PUBLIC_KEY : ne correspond pas à VAPID_PRIVATE_KEY (générez les deux ensemble)']
}

function smsProblems(env: Env): string[] {
  const problems: string[] = []
  if (env.SMS_PROVIDER === 'http') {
    if (!env.SMS_HTTP_URL) problems.push('SMS_HTTP_URL : obligatoire avec SMS_PROVIDER=http')
    if (!env.SMS_HTTP_TOKEN) problems.push('SMS_HTTP_TOKEN : obligatoire avec SMS_PROVIDER=http')
    if (!env.SMS_SENDER) problems.push('SMS_SENDER : obligatoire avec SMS_PROVIDER=http')
    if (env.NODE_ENV === 'production' && env.SMS_HTTP_URL?.startsWith('http://'))
      problems.push('SMS_HTTP_URL : https obligatoire en production (le jeton et les numéros circulent)')
  }
  if (env.SMS_PROVIDER === 'outbox' && env.NODE_ENV === 'production')
    problems.push('SMS_PROVIDER : « outbox » n’existe pas en production (aucun SMS ne partirait)')
  return problems
}

function smsConfig(env: Env): SmsConfig {
  const common = { sender: env.SMS_SENDER ?? DEVELOPMENT_SMS_SENDER, inboundToken: env.SMS_INBOUND_TOKEN }
  if (env.SMS_PROVIDER === 'http' && env.SMS_HTTP_URL && env.SMS_HTTP_TOKEN)
    return { provider: 'http', url: env.SMS_HTTP_URL, token: env.SMS_HTTP_TOKEN, ...common }
  return { provider: env.NODE_ENV === 'production' ? 'none' : 'outbox', ...common }
}

function hostAndPort(address: string): { host: string; port: number } {
  const colon = address.lastIndexOf(':')
  return { host: address.slice(0, colon).replace(/^\[(.*)\]$/, '$1'), port: Number(address.slice(colon + 1)) }
}

function describe(message: string): string {
  if (message.startsWith('Expected string to match')) return 'format invalide'
  if (message.startsWith('Expected union value')) return 'valeur non reconnue'
  if (message.startsWith('Expected integer')) return 'nombre entier attendu'
  if (message.includes('greater or equal') || message.includes('less or equal'))
    return 'hors des bornes permises'
  return message
}
