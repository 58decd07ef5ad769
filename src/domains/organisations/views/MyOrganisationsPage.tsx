import type { ViewContext } from '../../../platform/views/context.ts'
import { Confirmation, CsrfField } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { MemberRole, OrganisationStatus, SignupNotices } from '../organisation.schema.ts'
import { signupNoticeChoices } from '../organisation.schema.ts'
import { NOTICES_LABEL, ROLE_LABEL, STATUS_LABEL } from './labels.ts'

interface Membership {
  id: string
  name: string
  status: OrganisationStatus
  role: MemberRole
  signupNotices: SignupNotices
}

/** How a member hears of volunteers signing up: one small form per organisation. */
export function NoticesForm({
  ctx,
  organisationId,
  name,
  value,
}: {
  ctx: ViewContext
  organisationId: string
  name: string
  value: SignupNotices
}) {
  const { t } = ctx
  const id = `notices-${organisationId}`
  return (
    <form method="post" action={`/organisations/${organisationId}/avis`} class="inline-form">
      <CsrfField ctx={ctx} />
      <label for={id}>{t('organisation.notices.label', { name })}</label>
      <select id={id} name="signupNotices">
        {signupNoticeChoices.map((c) => (
          <option key={c} value={c} selected={c === value}>
            {t(NOTICES_LABEL[c])}
          </option>
        ))}
      </select>
      <button type="submit">
        {t('organisation.notices.save')}
        <span class="visually-hidden"> {name}</span>
      </button>
    </form>
  )
}

export function MyOrganisationsPage({
  ctx,
  memberships,
  notice,
}: {
  ctx: ViewContext
  memberships: Membership[]
  notice?: string | undefined
}) {
  const { t } = ctx
  return (
    <Layout ctx={ctx} title={t('organisation.mine.title')}>
      {notice && <Confirmation text={notice} />}
      <h1>{t('organisation.mine.title')}</h1>
      <p>
        <a href="/organisations/nouvelle">{t('organisation.new.title')}</a>
      </p>
      {memberships.length === 0 && <p>{t('organisation.mine.none')}</p>}
      {memberships.map((m) => (
        <section key={m.id} aria-labelledby={`org-${m.id}`}>
          <h2 id={`org-${m.id}`}>
            <a href={`/organisations/${m.id}`}>{m.name}</a>
          </h2>
          <p>
            {t('organisation.mine.role', { role: t(ROLE_LABEL[m.role]) })} ·{' '}
            {t('organisation.mine.status', { status: t(STATUS_LABEL[m.status]) })}
          </p>
          <NoticesForm ctx={ctx} organisationId={m.id} name={m.name} value={m.signupNotices} />
        </section>
      ))}
    </Layout>
  )
}
