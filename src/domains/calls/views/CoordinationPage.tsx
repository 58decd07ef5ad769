import { CommuneInput } from '../../../platform/geo/CommuneField.tsx'
import { formatDateTime } from '../../../platform/i18n/i18n.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Confirmation, CsrfField, errorFor, pageTitle, TextField } from '../../../platform/views/fields.tsx'
import { Select } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { ScrollRegion } from '../../../platform/views/ScrollRegion.tsx'
import { callCampaignReasons } from '../calls.schema.ts'
import { REASON_MAX, TITLE_MAX } from '../calls.ts'
import type { CoordinationView } from '../pairing.service.ts'
import { CAMPAIGN_STATUS_LABEL, LANGUAGE_NAME, REASON_LABEL } from './parts.tsx'

export interface CampaignValues {
  title: string
  reason: string
  commune: string
}

/** The coordinators' page: people waiting for a caller with the platform's proposals, pairings, campaigns. */
export function CoordinationPage({
  ctx,
  view,
  errors,
  campaign,
  notice,
}: {
  ctx: ViewContext
  view: CoordinationView
  errors: FieldError[]
  campaign: CampaignValues
  notice?: string | undefined
}) {
  const { t, locale } = ctx
  const title = t('calls.coordinate.title')
  const err = (field: string) => errorFor(errors, field)
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)} scripts={['commune-field.js']}>
      {notice && <Confirmation text={notice} />}
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1>{title}</h1>
      <p>
        <a href="/administration/appels/inscription">{t('calls.coordinate.registerByPhone')}</a>
      </p>

      <h2>{t('calls.coordinate.unpaired', { count: view.unpaired.length })}</h2>
      {view.unpaired.length === 0 && <p>{t('calls.coordinate.noneUnpaired')}</p>}
      <ul class="call-unpaired">
        {view.unpaired.map(({ registration, person, proposals }) => {
          const name = `${person.firstName} ${person.lastName}`
          return (
            <li key={registration.id}>
              <p>
                <strong>{name}</strong> – {LANGUAGE_NAME[registration.language] ?? registration.language}
                {registration.preferredTimes && <> – {registration.preferredTimes}</>}
              </p>
              {proposals.length === 0 && <p class="hint">{t('calls.coordinate.noProposal')}</p>}
              <ul>
                {proposals.map((p) => (
                  <li key={p.caller.id}>
                    <form method="post" action="/administration/appels/appariements" class="inline-form">
                      <CsrfField ctx={ctx} />
                      <input type="hidden" name="registrationId" value={registration.id} />
                      <input type="hidden" name="callerId" value={p.caller.id} />
                      <span>
                        {p.caller.name} –{' '}
                        {[
                          p.sameCommune
                            ? t('calls.coordinate.sameCommune')
                            : p.caller.distanceKm !== null
                              ? t('calls.coordinate.km', { km: Math.round(p.caller.distanceKm) })
                              : null,
                          p.sharedLanguage ? t('calls.coordinate.sharedLanguage') : null,
                          t('calls.coordinate.load', { load: p.caller.load, capacity: p.caller.capacity }),
                        ]
                          .filter(Boolean)
                          .join(', ')}{' '}
                      </span>
                      <button type="submit">
                        {t('calls.coordinate.pair')}
                        <span class="visually-hidden">
                          {' '}
                          {t('calls.coordinate.pairWhich', { caller: p.caller.name, person: name })}
                        </span>
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            </li>
          )
        })}
      </ul>

      <h2>{t('calls.coordinate.callers')}</h2>
      {view.callers.length === 0 ? (
        <p>{t('calls.coordinate.noCallers')}</p>
      ) : (
        <ScrollRegion label={t('calls.coordinate.callers')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('calls.coordinate.caller')}</th>
                <th scope="col">{t('calls.coordinate.languages')}</th>
                <th scope="col">{t('calls.coordinate.availability')}</th>
                <th scope="col">{t('calls.coordinate.loadHead')}</th>
              </tr>
            </thead>
            <tbody>
              {view.callers.map(({ caller, account, load }) => (
                <tr key={caller.id}>
                  <th scope="row">{account?.displayName ?? ''}</th>
                  <td>{caller.languages.map((l) => LANGUAGE_NAME[l] ?? l).join(', ')}</td>
                  <td>{caller.availability ?? ''}</td>
                  <td>{t('calls.coordinate.load', { load, capacity: caller.capacity })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}

      <h2>{t('calls.coordinate.pairings')}</h2>
      {view.pairings.length === 0 && <p>{t('calls.coordinate.noPairings')}</p>}
      <ul class="call-pairings">
        {view.pairings.map(({ pairing, person, caller }) => {
          const name = person ? `${person.firstName} ${person.lastName}` : ''
          return (
            <li key={pairing.id}>
              <p>{t('calls.coordinate.pairedWith', { person: name, caller })}</p>
              <form method="post" action={`/administration/appels/appariements/${pairing.id}/fin`}>
                <CsrfField ctx={ctx} />
                <div class="field">
                  <label for={`reason-${pairing.id}`}>
                    {t('calls.coordinate.endReason', { person: name })}
                  </label>
                  <input type="text" id={`reason-${pairing.id}`} name="reason" maxLength={REASON_MAX} />
                </div>
                <button type="submit">
                  {t('calls.coordinate.end')}
                  <span class="visually-hidden"> {name}</span>
                </button>
              </form>
            </li>
          )
        })}
      </ul>

      <h2>{t('calls.coordinate.campaigns')}</h2>
      <ul class="results">
        {view.campaigns.map((c) => (
          <li key={c.id}>
            <a href={`/appels-de-convivialite/campagnes/${c.id}`}>{c.title}</a>
            <span class="hint">
              {t(CAMPAIGN_STATUS_LABEL[c.status])} – {formatDateTime(c.startedAt, locale)}
            </span>
          </li>
        ))}
      </ul>
      <h3 id="campaign-form-title">{t('calls.coordinate.startCampaign')}</h3>
      <form
        method="post"
        action="/administration/appels/campagnes"
        aria-labelledby="campaign-form-title"
        novalidate
      >
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="title"
          label={t('calls.coordinate.campaignTitle')}
          hint={t('calls.coordinate.campaignTitleHint', { max: TITLE_MAX })}
          value={campaign.title}
          error={err('title')}
        />
        <Select
          ctx={ctx}
          name="reason"
          label={t('calls.coordinate.reason')}
          placeholder={t('calls.coordinate.reasonPlaceholder')}
          value={campaign.reason}
          error={err('reason')}
          options={callCampaignReasons.map((r) => ({ value: r, label: t(REASON_LABEL[r]) }))}
        />
        <CommuneInput
          ctx={ctx}
          label={t('calls.coordinate.commune')}
          hint={t('calls.coordinate.communeHint')}
          value={campaign.commune}
          error={err('commune')}
          choices={[]}
        />
        <button type="submit">{t('calls.coordinate.start')}</button>
      </form>
    </Layout>
  )
}
