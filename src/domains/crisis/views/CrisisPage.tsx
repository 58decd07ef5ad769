import { formatDateTime } from '../../../platform/i18n/i18n.ts'
import { localised } from '../../../platform/tenancy/territory.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { ErrorSummary } from '../../../platform/views/ErrorSummary.tsx'
import {
  Checkbox,
  Choices,
  Confirmation,
  CsrfField,
  errorFor,
  pageTitle,
} from '../../../platform/views/fields.tsx'
import { TextArea } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { callCampaignPath } from '../../calls/index.ts'
import { type CrisisPeriod, type CrisisTemplate, KIND_LABEL } from '../crisis.ts'
import { CrisisHistory } from './CrisisHistory.tsx'

export interface SwitchValues {
  kind: string
  reason: string
  campaign: boolean
  callout: boolean
  endReason: string
}
export const emptySwitch: SwitchValues = {
  kind: '',
  reason: '',
  campaign: false,
  callout: false,
  endReason: '',
}

interface Props {
  ctx: ViewContext
  templates: CrisisTemplate[]
  current: CrisisPeriod | null
  history: CrisisPeriod[]
  /** category names by id, for the crisis under way */
  categoryNames: Map<string, string>
  names: Map<string, string>
  values: SwitchValues
  errors: FieldError[]
  notice?: string | undefined
  /** the calls domain is wired: the campaign option is offered */
  campaigns: boolean
}

/** The administrator's crisis page: the switch, the templates, the history. */
export function CrisisPage(props: Props) {
  const { ctx, templates, current, values, errors, notice } = props
  const { t, locale } = ctx
  const title = t('crisis.title')
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      <h1>{title}</h1>
      {notice && <Confirmation text={notice} />}
      <ErrorSummary ctx={ctx} errors={errors} />
      {current ? (
        <section aria-labelledby="en-cours">
          <h2 id="en-cours">{t('crisis.current.title', { kind: t(KIND_LABEL[current.kind]) })}</h2>
          <dl class="facts">
            <dt>{t('crisis.current.since')}</dt>
            <dd>{formatDateTime(current.startedAt, locale)}</dd>
            <dt>{t('crisis.history.reason')}</dt>
            <dd class="author-text">{current.reason}</dd>
            <dt>{t('crisis.current.message')}</dt>
            <dd>{localised(current.message, locale)}</dd>
            <dt>{t('crisis.current.categories')}</dt>
            <dd>
              {current.categoryIds
                .map((id) => props.categoryNames.get(id) ?? '')
                .filter(Boolean)
                .join(', ') || t('crisis.current.noCategory')}
            </dd>
          </dl>
          <p>
            <a href="/administration/crise/appels/nouveau">{t('crisis.current.callout')}</a>
          </p>
          {current.callCampaignId && (
            <p>
              <a href={callCampaignPath(current.callCampaignId)}>{t('crisis.current.campaign')}</a>
            </p>
          )}
          <form method="post" action="/administration/crise/desactiver" novalidate>
            <CsrfField ctx={ctx} />
            <h3>{t('crisis.end.title')}</h3>
            <p>{t('crisis.end.intro')}</p>
            <TextArea
              ctx={ctx}
              name="endReason"
              label={t('crisis.end.reason')}
              value={values.endReason}
              error={errorFor(errors, 'endReason')}
            />
            <button type="submit">{t('crisis.end.button')}</button>
          </form>
        </section>
      ) : (
        <form method="post" action="/administration/crise/activer" novalidate>
          <CsrfField ctx={ctx} />
          <h2>{t('crisis.start.title')}</h2>
          <p>{t('crisis.start.intro')}</p>
          <Choices
            ctx={ctx}
            id="kind"
            name="kind"
            type="radio"
            legend={t('crisis.start.kind')}
            error={errorFor(errors, 'kind')}
            options={templates.map((tpl) => ({ value: tpl.kind, label: t(KIND_LABEL[tpl.kind]) }))}
            checked={[values.kind]}
          />
          <TextArea
            ctx={ctx}
            name="reason"
            label={t('crisis.start.reason')}
            hint={t('crisis.start.reasonHint')}
            value={values.reason}
            error={errorFor(errors, 'reason')}
          />
          {props.campaigns && (
            <Checkbox
              ctx={ctx}
              name="campagne"
              label={t('crisis.start.campaign')}
              checked={values.campaign}
            />
          )}
          <Checkbox ctx={ctx} name="appel" label={t('crisis.start.callout')} checked={values.callout} />
          <button type="submit">{t('crisis.start.button')}</button>
        </form>
      )}
      <h2 id="modeles">{t('crisis.templates.title')}</h2>
      <ul class="results" aria-labelledby="modeles">
        {templates.map((tpl) => (
          <li key={tpl.kind}>
            <a href={`/administration/crise/modeles/${tpl.kind}`}>{t(KIND_LABEL[tpl.kind])}</a>
            <span class="hint">{localised(tpl.homeMessage, locale)}</span>
          </li>
        ))}
      </ul>
      <p>
        <a href="/administration/crise/appels">{t('callout.list.title')}</a>
      </p>
      <CrisisHistory ctx={ctx} history={props.history} names={props.names} />
    </Layout>
  )
}
