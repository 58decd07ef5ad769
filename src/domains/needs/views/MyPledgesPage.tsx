import type { ViewContext } from '../../../platform/views/context.ts'
import { ActionButton, Confirmation } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { formatCount, type Need, type Pledge } from '../need.ts'
import { pledgeStatusText } from './PledgesPage.tsx'

export interface MyPledge {
  pledge: Pledge
  need: Pick<Need, 'id' | 'title' | 'unit'>
  organisation: string
}

/** « Mes promesses »: what the person promised, where it stands, and a way to cancel a live one. */
export function MyPledgesPage({
  ctx,
  rows,
  notice,
}: {
  ctx: ViewContext
  rows: MyPledge[]
  notice?: string | undefined
}) {
  const { t, locale } = ctx
  return (
    <Layout ctx={ctx} title={t('needs.mine.title')}>
      {notice && <Confirmation text={notice} />}
      <h1>{t('needs.mine.title')}</h1>
      {rows.length === 0 && <p>{t('needs.mine.none')}</p>}
      <ul class="pledge-list">
        {rows.map(({ pledge, need, organisation }) => (
          <li key={pledge.id}>
            <a href={`/besoins/${need.id}`}>
              {t('needs.mine.line', {
                amount: `${formatCount(pledge.quantity, locale)} ${need.unit}`,
                title: need.title,
                organisation,
              })}
            </a>{' '}
            – {pledgeStatusText(ctx, pledge, need.unit)}
            {pledge.status === 'pledged' && (
              <ActionButton
                ctx={ctx}
                action={`/mes-promesses/${pledge.id}/annuler`}
                label={t('needs.mine.cancel')}
                which={need.title}
              />
            )}
          </li>
        ))}
      </ul>
    </Layout>
  )
}
