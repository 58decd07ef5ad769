import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Confirmation, CsrfField, errorFor, pageTitle, TextField } from '../../../platform/views/fields.tsx'
import { Select } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import type { ItemContext, ReadMessage } from '../context.service.ts'
import type { OpenedItem } from '../queue.service.ts'
import { decisionName, kindKeys, READING_NOTE_MAX, readingKeys, readingReasons } from '../queue.ts'
import { DecisionForm, type DecisionValues } from './DecisionForm.tsx'
import { ItemContextView, ReadMessages } from './ItemContext.tsx'
import { clockTime, queuePaths } from './paths.ts'
import { ageText, reportsText, whyText } from './why.tsx'

export interface ReadingView {
  values: { readingReason: string; readingNote: string }
  errors: FieldError[]
  /** once read: the messages and the two parties' names */
  read: { messages: ReadMessage[]; parties: [string, string] } | null
}

function ReadingForm({ ctx, itemId, reading }: { ctx: ViewContext; itemId: string; reading: ReadingView }) {
  const { t } = ctx
  return (
    <section aria-labelledby="reading-title">
      <h2 id="reading-title">{t('queue.context.reading.title')}</h2>
      <p>{t('queue.context.reading.intro')}</p>
      <form method="post" action={queuePaths.read(itemId)} novalidate>
        <CsrfField ctx={ctx} />
        <Select
          ctx={ctx}
          name="readingReason"
          label={t('queue.context.reading.reason')}
          placeholder={t('queue.context.reading.placeholder')}
          options={readingReasons.map((r) => ({ value: r, label: t(readingKeys[r]) }))}
          value={reading.values.readingReason}
          error={errorFor(reading.errors, 'readingReason')}
        />
        <TextField
          ctx={ctx}
          name="readingNote"
          label={t('queue.context.reading.note')}
          hint={t('queue.context.reading.noteHint', { max: READING_NOTE_MAX })}
          value={reading.values.readingNote}
          error={errorFor(reading.errors, 'readingNote')}
        />
        <button type="submit">{t('queue.context.reading.submit')}</button>
      </form>
    </section>
  )
}

/** One item: why it waits, who holds it, what it is about, and the decision form for its holder. */
export function ItemPage(props: {
  ctx: ViewContext
  opened: OpenedItem
  context: ItemContext
  reading: ReadingView | null
  decision: { values: DecisionValues; errors: FieldError[] }
  /** a refusal said in words (decided by someone else, changed since) */
  refusal?: string | undefined
  notice?: string | undefined
  now: Date
}) {
  const { ctx, opened, context, reading, decision, refusal, notice, now } = props
  const { t, locale } = ctx
  const { item, claim } = opened
  const title = item.label
    ? t('queue.item.title.labelled', { kind: t(kindKeys[item.subjectKind]), label: item.label })
    : t(kindKeys[item.subjectKind])
  const errors = [...decision.errors, ...(reading?.errors ?? [])]
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)}>
      {notice && <Confirmation text={notice} />}
      <p>
        <a href={queuePaths.queue}>{t('queue.item.back')}</a>
      </p>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {refusal && (
        <div class="notice notice-warning" role="alert">
          <p>{refusal}</p>
        </div>
      )}
      <dl class="facts">
        <dt>{t('queue.col.why')}</dt>
        <dd>{whyText(ctx, item)}</dd>
        <dt>{t('queue.col.reports')}</dt>
        <dd>{reportsText(ctx, item.reportCount)}</dd>
        <dt>{t('queue.col.age')}</dt>
        <dd>{ageText(ctx, item.createdAt, now)}</dd>
      </dl>
      {item.status === 'decided' && (
        <p class="notice">
          {t('queue.item.decided', {
            name: opened.decidedByName ?? '',
            decision: decisionName(t, item.decision),
          })}
        </p>
      )}
      {item.status === 'withdrawn' && <p class="notice">{t('queue.item.withdrawn')}</p>}
      {claim && (
        <p class="notice">
          {claim.mine
            ? t('queue.item.claim.mine', {
                until: clockTime(new Date(claim.since.getTime() + 15 * 60_000), locale),
              })
            : t('queue.item.claim.other', { name: claim.holderName, since: clockTime(claim.since, locale) })}
        </p>
      )}
      <ItemContextView ctx={ctx} item={item} context={context} />
      {item.subjectKind === 'message' &&
        reading &&
        (reading.read ? (
          <ReadMessages ctx={ctx} messages={reading.read.messages} parties={reading.read.parties} />
        ) : (
          <ReadingForm ctx={ctx} itemId={item.id} reading={reading} />
        ))}
      {opened.decisions.length > 0 && (
        <DecisionForm
          ctx={ctx}
          itemId={item.id}
          version={item.version}
          decisions={opened.decisions}
          values={decision.values}
          errors={decision.errors}
        />
      )}
      {claim && !claim.mine && <p>{t('queue.item.claim.wait')}</p>}
    </Layout>
  )
}
