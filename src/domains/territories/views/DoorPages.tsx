import type { Territory } from '../../../platform/tenancy/territory.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { Layout } from '../../../platform/views/Layout.tsx'
import { type HelpPointGroups, OfflineHelp } from './OfflineHelp.tsx'

function SafetyAdvice({ ctx, territory }: { ctx: ViewContext; territory: Territory }) {
  const { t } = ctx
  return (
    <section class="notice" aria-labelledby="securite">
      <h2 id="securite">{t('door.safety.title')}</h2>
      <ul>
        <li>{t('door.safety.money')}</li>
        <li>{t('door.safety.meet')}</li>
        {territory.crisisMode && <li>{t('door.safety.barrier')}</li>}
      </ul>
    </section>
  )
}

/** The door's main action, and for a visitor the way to an account, which posting needs. */
function PostButton({ ctx, href, label }: { ctx: ViewContext; href: string; label: string }) {
  return (
    <>
      <p>
        <a class="button" href={href}>
          {label}
        </a>
      </p>
      {!ctx.viewer && (
        <p>
          <a href="/inscription">{ctx.t('door.createAccount')}</a>
        </p>
      )}
    </>
  )
}

export function NeedHelpPage({
  ctx,
  territory,
  groups,
}: {
  ctx: ViewContext
  territory: Territory
  /** the help points by commune */
  groups: HelpPointGroups
}) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('door.need.title')}>
      <h1>{t('door.need.title')}</h1>
      <p class="lead">{t('door.need.intro')}</p>
      <p>{t('door.need.online')}</p>
      <PostButton ctx={ctx} href="/annonces/nouvelle?type=demande" label={t('door.need.post')} />
      <OfflineHelp ctx={ctx} territory={territory} groups={groups} />
      <SafetyAdvice ctx={ctx} territory={territory} />
    </Layout>
  )
}

export function WantToHelpPage({ ctx, territory }: { ctx: ViewContext; territory: Territory }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('door.help.title')}>
      <h1>{t('door.help.title')}</h1>
      <p class="lead">{t('door.help.intro')}</p>
      <p>{t('door.help.steps')}</p>
      <PostButton ctx={ctx} href="/annonces/nouvelle?type=proposition" label={t('door.help.post')} />
      <SafetyAdvice ctx={ctx} territory={territory} />
    </Layout>
  )
}
