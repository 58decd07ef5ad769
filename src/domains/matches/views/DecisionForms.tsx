import type { ViewContext } from '../../../platform/views/context.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Checkbox, Choices, CsrfField, errorFor } from '../../../platform/views/fields.tsx'
import { REASON_MAX, THANKS_MAX } from '../match.ts'
import { TextArea } from './parts.tsx'

export const matchPath = (id: string) => `/mises-en-relation/${id}`

/** The author's « Accepter »: which of their contact details the responder will see from now on. */
export function AcceptForm(props: {
  ctx: ViewContext
  matchId: string
  name: string
  hasPhone: boolean
  errors?: FieldError[]
}) {
  const { ctx, matchId, name, hasPhone, errors = [] } = props
  const { t } = ctx
  const options = [
    ...(hasPhone ? [{ value: 'phone', label: t('match.shares.phone') }] : []),
    { value: 'email', label: t('match.shares.email') },
  ]
  const error = errorFor(errors, `shares-${matchId}`)
  return (
    <form method="post" action={`${matchPath(matchId)}/accepter`}>
      <CsrfField ctx={ctx} />
      <Choices
        ctx={ctx}
        id={`shares-${matchId}`}
        name="shares"
        type="checkbox"
        legend={t('match.accept.legend', { name })}
        hint={`${t('match.accept.hint', { name })}${hasPhone ? '' : ` ${t('match.shares.noPhoneHint')}`}`}
        {...(error ? { error } : {})}
        options={options}
        checked={[]}
      />
      <button type="submit">
        {t('match.accept.submit')}
        <span class="visually-hidden"> {t('match.responses.of', { name })}</span>
      </button>
    </form>
  )
}

/** « Décliner », with a reason the responder will read, if the author wishes to give one. */
export function DeclineForm(props: {
  ctx: ViewContext
  matchId: string
  name: string
  errors?: FieldError[]
}) {
  const { ctx, matchId, name, errors = [] } = props
  const { t } = ctx
  return (
    <form method="post" action={`${matchPath(matchId)}/decliner`}>
      <CsrfField ctx={ctx} />
      <TextArea
        ctx={ctx}
        id={`reason-${matchId}`}
        name="reason"
        label={t('match.decline.reasonLabel')}
        hint={t('match.decline.reasonHint', { name, max: REASON_MAX })}
        error={errorFor(errors, `reason-${matchId}`)}
        value=""
        rows={3}
      />
      <button type="submit" class="button-warning">
        {t('match.decline.submit')}
        <span class="visually-hidden"> {t('match.responses.of', { name })}</span>
      </button>
    </form>
  )
}

/** Either side ends an accepted match; the other deserves to know why, so the reason is required. */
export function CancelForm(props: {
  ctx: ViewContext
  matchId: string
  name: string
  value?: string
  errors?: FieldError[]
}) {
  const { ctx, matchId, name, value = '', errors = [] } = props
  const { t } = ctx
  return (
    <form method="post" action={`${matchPath(matchId)}/annuler`}>
      <CsrfField ctx={ctx} />
      <TextArea
        ctx={ctx}
        id="reason"
        name="reason"
        label={t('match.cancel.reasonLabel')}
        hint={t('match.cancel.reasonHint', { name, max: REASON_MAX })}
        error={errorFor(errors, 'reason')}
        value={value}
        rows={3}
      />
      <button type="submit" class="button-warning">
        {t('match.cancel.submit')}
      </button>
    </form>
  )
}

/** The author confirms the help was given, with an optional note of thanks, public if they wish. */
export function ConfirmForm(props: {
  ctx: ViewContext
  matchId: string
  name: string
  values?: { thanks: string; thanksPublic: boolean }
  errors?: FieldError[]
}) {
  const { ctx, matchId, name, values = { thanks: '', thanksPublic: false }, errors = [] } = props
  const { t } = ctx
  return (
    <form method="post" action={`${matchPath(matchId)}/confirmer`}>
      <CsrfField ctx={ctx} />
      <TextArea
        ctx={ctx}
        id="thanks"
        name="thanks"
        label={t('match.thanks.label')}
        hint={t('match.thanks.hint', { name, max: THANKS_MAX })}
        error={errorFor(errors, 'thanks')}
        value={values.thanks}
        rows={4}
      />
      <Checkbox
        ctx={ctx}
        name="thanksPublic"
        label={t('match.thanks.public')}
        checked={values.thanksPublic}
      />
      <button type="submit">{t('match.confirm.submit')}</button>
    </form>
  )
}
