import { formatDateTime, type MessageKey } from '../../../platform/i18n/i18n.ts'
import { AuthorText } from '../../../platform/views/AuthorText.tsx'
import type { ViewContext } from '../../../platform/views/context.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { ActionButton, Confirmation, CsrfField, errorFor } from '../../../platform/views/fields.tsx'
import { TextArea } from '../../../platform/views/inputs.tsx'
import { ReportLink } from '../../../platform/views/ReportLink.tsx'
import { type ClosedReason, type ConversationView, MESSAGE_MAX } from '../conversation.service.ts'

const closedKeys = {
  declined: 'conversation.closed.declined',
  withdrawn: 'conversation.closed.withdrawn',
  cancelled: 'conversation.closed.cancelled',
  blocked: 'conversation.closed.blocked',
  blockedByMe: 'conversation.closed.blockedByMe',
  unverified: 'conversation.closed.unverified',
} as const satisfies Record<ClosedReason, MessageKey>

/** ?conversation=… after blocking or unblocking: a fixed list, never text from the address. */
export const conversationNotices = {
  bloquee: 'conversation.notice.blocked',
  debloquee: 'conversation.notice.unblocked',
} as const satisfies Record<string, MessageKey>

export const closedMessage = (reason: ClosedReason): MessageKey => closedKeys[reason]

/** Read from the page's own address, so the match page shows it without passing it along. */
function noticeOf(ctx: ViewContext): MessageKey | null {
  const value = new URLSearchParams(ctx.currentUrl.split('?')[1] ?? '').get('conversation')
  return value && Object.hasOwn(conversationNotices, value)
    ? conversationNotices[value as keyof typeof conversationNotices]
    : null
}

export const conversationPath = (matchId: string) => `/mises-en-relation/${matchId}`

/** The other party as named to the reader: the phone line itself when it posted the ask. */
export const partyName = (ctx: ViewContext, name: string | null): string => name ?? ctx.t('conversation.line')

function SafetyRules({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx
  return (
    <section class="notice" aria-labelledby="safety-title">
      <h3 id="safety-title">{t('conversation.safety.title')}</h3>
      <ul>
        <li>{t('conversation.safety.money')}</li>
        <li>{t('conversation.safety.meet')}</li>
        <li>{t('conversation.safety.report')}</li>
      </ul>
    </section>
  )
}

/**
 * The conversation of a match: the safety rules first, the messages, then the form to write.
 * `draft` and `errors` come back when a message was refused, so nothing typed is lost.
 */
export function Conversation({
  ctx,
  view,
  draft = '',
  errors = [],
}: {
  ctx: ViewContext
  view: ConversationView
  draft?: string
  errors?: FieldError[]
}) {
  const { t, locale } = ctx
  const notice = noticeOf(ctx)
  const base = conversationPath(view.matchId)
  return (
    <section id="conversation" class="conversation" aria-labelledby="conversation-title">
      <h2 id="conversation-title">{t('conversation.title')}</h2>
      {notice && <Confirmation text={t(notice, { name: partyName(ctx, view.otherName) })} />}
      <SafetyRules ctx={ctx} />
      {view.truncated && <p class="hint">{t('conversation.truncated', { max: view.messages.length })}</p>}
      {view.messages.length === 0 ? (
        <p>{t('conversation.empty')}</p>
      ) : (
        <ol class="messages" aria-label={t('conversation.list')}>
          {view.messages.map((m) => (
            <li key={m.id} id={`message-${m.id}`} class={m.mine ? 'message message-mine' : 'message'}>
              <p class="message-meta">
                <strong>{m.mine ? t('conversation.you') : partyName(ctx, m.senderName)}</strong>{' '}
                <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt, locale)}</time>
              </p>
              <div class="message-body">
                {m.hidden ? (
                  <p class="hint">{t('conversation.hiddenByModeration')}</p>
                ) : (
                  <AuthorText text={m.body} />
                )}
              </div>
              {m.mine && m.seen && <p class="message-seen">{t('conversation.seen')}</p>}
              {!m.mine && !m.hidden && (
                <p class="message-report">
                  <ReportLink ctx={ctx} target="message" id={m.id} />
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {view.canWrite ? (
        <form method="post" action={`${base}/messages`} novalidate>
          <CsrfField ctx={ctx} />
          <TextArea
            ctx={ctx}
            name="body"
            label={t('conversation.body.label')}
            hint={t('conversation.body.hint', { max: MESSAGE_MAX.toLocaleString(locale) })}
            error={errorFor(errors, 'body')}
            value={draft}
          />
          <button type="submit">{t('conversation.send')}</button>
        </form>
      ) : (
        <p class="notice">{t(closedKeys[view.closed ?? 'blocked'])}</p>
      )}
      {view.blockedByMe ? (
        <ActionButton ctx={ctx} action={`${base}/debloquer`} label={t('conversation.unblock')} />
      ) : (
        <p>
          <a href={`${base}/bloquer`}>{t('conversation.block.link')}</a>
        </p>
      )}
    </section>
  )
}
