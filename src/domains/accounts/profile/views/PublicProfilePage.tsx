import type { ViewContext } from '../../../../platform/views/context.ts'
import { Layout } from '../../../../platform/views/Layout.tsx'
import { formatMonth, type PublicProfile } from '../profile.ts'

/** A member as anyone sees them: the presenter already left out everything else. */
export function PublicProfilePage({ ctx, profile }: { ctx: ViewContext; profile: PublicProfile }) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={profile.displayName}>
      <h1>{profile.displayName}</h1>
      {profile.commune && <p>{t('profile.public.commune', { commune: profile.commune })}</p>}
      <p>{t('profile.public.memberSince', { month: formatMonth(profile.memberSince, ctx.locale) })}</p>
    </Layout>
  )
}
