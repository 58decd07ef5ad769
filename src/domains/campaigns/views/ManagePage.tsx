import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import {
  ActionButton,
  Confirmation,
  CsrfField,
  errorFor,
  pageTitle,
  TextField,
} from '../../../platform/views/fields.tsx'
import { showDay } from '../../../platform/views/format.ts'
import { Layout } from '../../../platform/views/Layout.tsx'
import { formatCount } from '../campaign.ts'
import type { CampaignViews } from '../campaign-view.service.ts'
import { MAKER_LABEL } from './labels.ts'
import { CampaignFacts, CampaignProgress, CampaignStatusTag } from './parts.tsx'

export type Overview = Awaited<ReturnType<CampaignViews['overview']>>

interface Props {
  ctx: ViewContext
  view: Overview
  errors: FieldError[]
  /** what was typed in the row whose decision was refused */
  typed?: Record<string, string>
  notice?: string | undefined
}

/** The back office of a campaign: stock per point, makers, batches to confirm, and every tool. */
export function ManagePage({ ctx, view, errors, typed = {}, notice }: Props) {
  const { t, locale } = ctx
  const { campaign } = view
  const base = `/collectes/${campaign.id}/gestion`
  const n = (v: number) => formatCount(v, locale)
  const title = t('supply.manage.title', { title: campaign.title })
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      {notice && <Confirmation text={notice} />}
      <h1>{title}</h1>
      <p>
        <CampaignStatusTag ctx={ctx} campaign={campaign} />
        {view.delegate && <span> {t('supply.manage.delegatedTo', { name: view.delegate.name })}</span>}
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <CampaignFacts ctx={ctx} campaign={campaign} />
      <CampaignProgress ctx={ctx} campaign={campaign} made={view.made} id="made-words" />
      <h2>{t('supply.manage.tools')}</h2>
      <ul class="campaign-tools">
        <li>
          <a href={`${base}/modifier`}>{t('supply.manage.edit')}</a>
        </li>
        <li>
          <a href={`${base}/points`}>{t('supply.manage.points')}</a>
        </li>
        <li>
          <a href={`${base}/piece-jointe`}>{t('supply.manage.file')}</a>
        </li>
        <li>
          <a href={`${base}/registre`}>{t('supply.manage.ledger')}</a>
        </li>
        <li>
          <a href={`${base}/demandes`}>{t('supply.manage.requests')}</a>
        </li>
        <li>
          <a href={`${base}/repartition`}>{t('supply.manage.allocation')}</a>
        </li>
        {campaign.status !== 'draft' && (
          <li>
            <a href={`/collectes/${campaign.id}`}>{t('supply.manage.publicPage')}</a>
          </li>
        )}
      </ul>
      <div class="campaign-actions">
        {campaign.status !== 'open' && (
          <ActionButton ctx={ctx} action={`${base}/ouvrir`} label={t('supply.manage.open')} />
        )}
        {campaign.status !== 'closed' && (
          <ActionButton ctx={ctx} action={`${base}/clore`} label={t('supply.manage.close')} />
        )}
        {view.canHighlight && campaign.status === 'open' && !view.highlighted && (
          <ActionButton ctx={ctx} action={`${base}/accueil`} label={t('supply.manage.highlight')} />
        )}
        {view.canHighlight && view.highlighted && (
          <ActionButton ctx={ctx} action={`${base}/accueil/retirer`} label={t('supply.manage.unhighlight')} />
        )}
      </div>
      {view.highlighted && <p>{t('supply.manage.highlighted')}</p>}

      <h2>{t('supply.manage.stock')}</h2>
      {view.stock.length === 0 ? (
        <p>{t('supply.manage.noPoints')}</p>
      ) : (
        <table>
          <caption>{t('supply.manage.stockCaption', { unit: campaign.unit })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('supply.point.name')}</th>
              <th scope="col">{t('supply.stock.onHand')}</th>
              <th scope="col">{t('supply.stock.reserved')}</th>
              <th scope="col">{t('supply.stock.available')}</th>
            </tr>
          </thead>
          <tbody>
            {view.stock.map((s) => (
              <tr key={s.pointId}>
                <th scope="row">{s.name}</th>
                <td>{n(s.onHand)}</td>
                <td>{n(s.reserved)}</td>
                <td>{n(s.available)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t('supply.manage.makers')}</h2>
      {view.makers.length === 0 ? (
        <p>{t('supply.manage.noMakers')}</p>
      ) : (
        <table>
          <caption>{t('supply.manage.makersCaption', { unit: campaign.unit })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('supply.maker.name')}</th>
              <th scope="col">{t('supply.maker.kind')}</th>
              <th scope="col">{t('supply.maker.capacity')}</th>
              <th scope="col">{t('supply.maker.stock')}</th>
            </tr>
          </thead>
          <tbody>
            {view.makers.map(({ maker, name }) => (
              <tr key={maker.id}>
                <th scope="row">{name}</th>
                <td>{t(MAKER_LABEL[maker.kind])}</td>
                <td>{n(maker.weeklyCapacity)}</td>
                <td>{n(maker.stockHeld)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t('supply.manage.pending')}</h2>
      {view.pending.length === 0 ? (
        <p>{t('supply.manage.noPending')}</p>
      ) : (
        <ul class="batch-list">
          {view.pending.map(({ batch, maker, point }) => {
            const which = t('supply.batch.which', { maker, quantity: n(batch.quantity), unit: campaign.unit })
            return (
              <li key={batch.id}>
                <h3>{which}</h3>
                <p>{t('supply.batch.handed', { point, day: showDay(batch.handedOn, locale) })}</p>
                <form method="post" action={`${base}/lots/${batch.id}/confirmer`} class="inline-form">
                  <CsrfField ctx={ctx} />
                  <TextField
                    ctx={ctx}
                    name="received"
                    id={`received-${batch.id}`}
                    label={t('supply.batch.received')}
                    hint={t('supply.batch.receivedHint', { quantity: n(batch.quantity) })}
                    value={typed[`received-${batch.id}`] ?? ''}
                    error={errorFor(errors, `received-${batch.id}`)}
                  />
                  <button type="submit">
                    {t('supply.batch.confirm')}
                    <span class="visually-hidden"> {which}</span>
                  </button>
                </form>
                <form method="post" action={`${base}/lots/${batch.id}/refuser`} class="inline-form">
                  <CsrfField ctx={ctx} />
                  <TextField
                    ctx={ctx}
                    name="reason"
                    id={`reason-${batch.id}`}
                    label={t('supply.batch.reason')}
                    value={typed[`reason-${batch.id}`] ?? ''}
                    error={errorFor(errors, `reason-${batch.id}`)}
                  />
                  <button type="submit">
                    {t('supply.batch.refuse')}
                    <span class="visually-hidden"> {which}</span>
                  </button>
                </form>
              </li>
            )
          })}
        </ul>
      )}
    </Layout>
  )
}
