import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Confirmation, CsrfField, errorFor, pageTitle, TextField } from '../../../platform/views/fields.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { formatCount, type Need, type Pledge } from '../need.ts'
import type { PledgeLine } from '../pledge.service.ts'
import { NeedStatusTag, Progress } from './parts.tsx'

/** « Promis », « Reçu : 30 repas », « Annulé »: a pledge's state in words. */
export function pledgeStatusText(ctx: ViewContext, pledge: Pledge, unit: string): string {
  const { t, locale } = ctx
  if (pledge.status === 'received')
    return t('needs.pledgeStatus.received', {
      amount: `${formatCount(pledge.receivedQuantity ?? 0, locale)} ${unit}`,
    })
  return t(pledge.status === 'pledged' ? 'needs.pledgeStatus.pledged' : 'needs.pledgeStatus.cancelled')
}

/**
 * The organisation's side of a need: every pledge with who, how much and where, and for each live
 * one a small form to confirm what arrived. Errors of one receipt are shown on its own row.
 */
export function PledgesPage({
  ctx,
  need,
  lines,
  errors,
  failed,
  notice,
}: {
  ctx: ViewContext
  need: Need
  lines: PledgeLine[]
  errors: FieldError[]
  /** the pledge whose receipt was refused, and what was typed */
  failed?: { id: string; value: string } | undefined
  notice?: string | undefined
}) {
  const { t, locale } = ctx
  const title = t('needs.pledges.title', { title: need.title })
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      {notice && <Confirmation text={notice} />}
      <h1>{title}</h1>
      <NeedStatusTag ctx={ctx} status={need.status} />
      <ErrorSummary ctx={ctx} errors={errors} />
      <Progress ctx={ctx} need={need} id="progress-words" />
      {lines.length === 0 ? (
        <p>{t('needs.pledges.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('needs.pledges.person')}</th>
              <th scope="col">{t('needs.pledges.quantity')}</th>
              <th scope="col">{t('needs.pledges.dropPoint')}</th>
              <th scope="col">{t('needs.pledges.status')}</th>
              <th scope="col">{t('needs.pledges.action')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map(({ pledge, person, onBehalf, dropPoint }) => {
              const field = failed?.id === pledge.id ? 'received' : `received-${pledge.id}`
              return (
                <tr key={pledge.id}>
                  <td>
                    {onBehalf ? t('needs.pledges.onBehalf', { person, organisation: onBehalf }) : person}
                  </td>
                  <td>
                    {formatCount(pledge.quantity, locale)} {need.unit}
                  </td>
                  <td>{dropPoint ?? ''}</td>
                  <td>{pledgeStatusText(ctx, pledge, need.unit)}</td>
                  <td>
                    {pledge.status === 'pledged' && (
                      <form method="post" action={`/promesses/${pledge.id}/reception`} novalidate>
                        <CsrfField ctx={ctx} />
                        <TextField
                          ctx={ctx}
                          name="received"
                          id={field}
                          label={t('needs.pledges.received')}
                          hint={t('needs.pledges.receivedHint', {
                            quantity: formatCount(pledge.quantity, locale),
                          })}
                          value={failed?.id === pledge.id ? failed.value : String(pledge.quantity)}
                          error={failed?.id === pledge.id ? errorFor(errors, 'received') : undefined}
                          spellcheck={false}
                        />
                        <button type="submit">
                          {t('needs.pledges.confirm')}
                          <span class="visually-hidden"> {person}</span>
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      <p>
        <a href={`/besoins/${need.id}`}>{t('needs.pledges.back')}</a>
      </p>
    </Layout>
  )
}
