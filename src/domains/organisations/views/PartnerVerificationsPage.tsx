import { AuthorText } from '../../../platform/views/AuthorText.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'
import { Confirmation } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { Organisation } from '../organisation.repository.ts'
import type { OrganisationKind } from '../organisation.schema.ts'
import { DecisionForm } from './DecisionForm.tsx'
import { KIND_LABEL } from './labels.ts'
import { kindText } from './OrganisationPage.tsx'

interface Props {
  ctx: ViewContext
  partner: { id: string; name: string }
  kinds: OrganisationKind[]
  pending: Organisation[]
  communeName: (insee: string) => string
  notice?: string | undefined
  problem?: string | undefined
}

/** A partner's managers verify or refuse the organisations of the kinds the territory delegates to it. */
export function PartnerVerificationsPage({
  ctx,
  partner,
  kinds,
  pending,
  communeName,
  notice,
  problem,
}: Props) {
  const { t } = ctx
  const title = t('organisation.partner.title', { name: partner.name })
  return (
    <Layout ctx={ctx} title={title}>
      {notice && <Confirmation text={notice} />}
      {problem && (
        <div class="error-summary" role="alert">
          <p>{problem}</p>
        </div>
      )}
      <h1>{title}</h1>
      <p>{t('organisation.partner.intro', { kinds: kinds.map((k) => t(KIND_LABEL[k])).join(', ') })}</p>
      {pending.length === 0 && <p>{t('organisation.partner.none')}</p>}
      {pending.map((o) => (
        <section key={o.id} aria-labelledby={`pending-${o.id}`}>
          <h2 id={`pending-${o.id}`}>{o.name}</h2>
          <p>
            {kindText(ctx, o)} · {communeName(o.communeInsee)} ·{' '}
            {o.siret ?? o.rna ?? t('organisation.admin.noRegistration')}
          </p>
          <AuthorText text={o.description} />
          {(['verify', 'refuse'] as const).map((d) => (
            <DecisionForm
              key={d}
              ctx={ctx}
              action={`/organisations/${partner.id}/verifications/${o.id}`}
              decision={d}
              which={o.name}
              idPrefix={`o-${o.id}`}
            />
          ))}
        </section>
      ))}
    </Layout>
  )
}
