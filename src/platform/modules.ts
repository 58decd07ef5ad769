import type { FastifyInstance } from 'fastify'
import type { EasyRead, Messages } from './i18n/define.ts'
import type { MailTemplate } from './mail/templates.tsx'
import type { AppServices } from './services.ts'
import type { SmsStoppedHook } from './sms/sms-stopped.ts'
import type { Territory } from './tenancy/territory.ts'

/** A plugin of HTML or JSON routes; it receives the app's services as its options. */
export type DomainRoutes = (app: FastifyInstance, services: AppServices) => Promise<void>

/** An account of the demonstration that a visitor may sign in with; the terminal shows it. */
export interface DemoAccount {
  displayName: string
  email: string
  password: string
  /** how the terminal names a staff role (« administratrice »); none for a resident */
  role?: string
}

/**
 * What a domain brings to the app, in one description (`<domain>.module.ts`). `src/app.ts`
 * assembles them: the platform takes what it is given and never imports a domain.
 */
export interface DomainModule {
  name: string
  /**
   * plugins that add to every request (hooks, decorations), registered right after authentication
   * has found the actor and before any route; they must be wrapped in fastify-plugin
   */
  requestPlugins?: DomainRoutes[]
  /** registered in this order, after the platform's own plugins */
  routes: DomainRoutes[]
  /** registers the handlers of its durable jobs with the worker */
  jobs?: (services: AppServices) => void
  /** puts its recurring jobs on the shared schedule; called once per process start */
  schedule?: (services: AppServices) => Promise<void>
  /** its texts, French and English; the keys are declared to the type checker beside the module */
  messages: Messages[]
  /** easy-to-read versions of some of its texts, for the main journeys (platform/i18n/easy-read.ts) */
  easyRead?: EasyRead[]
  /** clears, in the transaction of a « STOP » reply, the SMS opt-ins it keeps for that number */
  smsStopped?: SmsStoppedHook
  /** its mail templates, by name */
  mails: Record<string, MailTemplate>
  /**
   * fills the new demonstration territory with this domain's data, in module order (a domain finds
   * what the ones before it seeded), and returns the accounts a visitor may sign in with
   */
  demo?: (services: AppServices, territory: Territory) => Promise<DemoAccount[]>
  /** its Drizzle tables (the `*.schema.ts` files), which `src/schema.ts` exports for drizzle-kit */
  schema: Record<string, unknown>
}
