import type { ViewContext } from '../../../../platform/views/context.ts'
import { ErrorSummary } from '../../../../platform/views/ErrorSummary.tsx'
import { Confirmation, pageTitle } from '../../../../platform/views/fields.tsx'
import { Layout } from '../../../../platform/views/Layout.tsx'
import { PhoneLink } from '../../../../platform/views/PhoneLink.tsx'
import type { PushDeviceView } from '../../push/push-device.ts'
import { PushDevicesSection } from '../../push/views/PushDevicesSection.tsx'
import { formatMonth, type OwnProfile } from '../profile.ts'

/** What « Notifications sur cet appareil » shows; null when the platform offers no push. */
export interface AccountPush {
  publicKey: string
  devices: PushDeviceView[]
  /** what the last action on a device did, shown once after its redirect */
  done: 'added' | 'saved' | 'removed' | null
  error?: { id: string; message: string } | undefined
}

interface Props {
  ctx: ViewContext
  profile: OwnProfile
  /** the profile form was just saved */
  saved: boolean
  push: AccountPush | null
}

const PUSH_DONE = {
  added: 'push.done.added',
  saved: 'push.done.saved',
  removed: 'push.done.removed',
} as const

/** « Mon compte »: what the platform knows of me, and where to change each part of it. */
export function AccountPage({ ctx, profile, saved, push }: Props) {
  const { t } = ctx
  const errors = push?.error ? [{ field: `appareil-${push.error.id}`, message: push.error.message }] : []
  const links: [string, string][] = [
    ['/compte/profil', t('profile.link.edit')],
    ['/mes-annonces', t('shell.myListings')],
    ['/compte/alertes', t('profile.link.alerts')],
    // Organisations, missions and needs build on accounts: their pages are named here by address only.
    ['/mes-organisations', t('profile.link.organisations')],
    ['/mes-missions', t('profile.link.missions')],
    ['/mes-promesses', t('profile.link.pledges')],
    ['/mes-demandes-de-materiel', t('demand.mine.title')],
    ['/mes-collectes', t('profile.link.campaigns')],
    [`/profil/${profile.id}`, t('profile.link.public')],
    // Moderation builds on accounts: its page of the person's decisions is named by address only.
    ['/mon-compte/decisions', t('profile.link.decisions')],
    ['/compte/sessions', t('profile.link.sessions')],
    ['/compte/jetons', t('profile.link.tokens')],
    ['/compte/securite', t('profile.link.security')],
    ['/compte/mot-de-passe', t('profile.link.password')],
    ['/compte/adresse', t('profile.link.email')],
  ]
  return (
    <Layout
      ctx={ctx}
      title={pageTitle(ctx, t('profile.account.title'), errors)}
      scripts={push ? ['push.js'] : []}
    >
      <h1>{t('profile.account.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {saved && <Confirmation text={t('profile.saved')} />}
      {push?.done && <Confirmation text={t(PUSH_DONE[push.done])} />}
      <h2>{t('profile.account.details')}</h2>
      <dl class="summary">
        <dt>{t('profile.field.displayName')}</dt>
        <dd>{profile.displayName}</dd>
        <dt>{t('profile.field.email')}</dt>
        <dd>
          {profile.email}
          {!profile.emailVerified && ` (${t('profile.account.unverified')})`}
        </dd>
        <dt>{t('profile.field.commune')}</dt>
        <dd>{profile.commune.name ?? profile.commune.insee}</dd>
        <dt>{t('profile.field.phone')}</dt>
        <dd>{profile.phone ? <PhoneLink e164={profile.phone} /> : t('profile.none')}</dd>
        <dt>{t('profile.field.memberSince')}</dt>
        <dd>{formatMonth(profile.memberSince, ctx.locale)}</dd>
      </dl>
      <h2>{t('profile.account.manage')}</h2>
      <ul>
        {links.map(([href, text]) => (
          <li key={href}>
            <a href={href}>{text}</a>
          </li>
        ))}
      </ul>
      {push && (
        <PushDevicesSection ctx={ctx} publicKey={push.publicKey} devices={push.devices} error={push.error} />
      )}
    </Layout>
  )
}
