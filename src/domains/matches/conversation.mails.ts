import type { MailBlock } from '../../platform/mail/mail-layout.tsx'
import type { MailTemplate } from '../../platform/mail/templates.tsx'

/** Lists travel as JSON in the mail's string data; anything malformed is simply left out. */
function parseList<T>(json: string | undefined, keep: (item: unknown) => item is T): T[] {
  try {
    const value: unknown = JSON.parse(json ?? '[]')
    return Array.isArray(value) ? value.filter(keep) : []
  } catch {
    return []
  }
}
const isText = (v: unknown): v is string => typeof v === 'string'
interface DigestItem {
  name: string
  title: string
  count: number
  link: string
}
const isItem = (v: unknown): v is DigestItem => {
  const i = v as DigestItem
  return typeof v === 'object' && v !== null && isText(i.name) && isText(i.title) && isText(i.link)
}

/** A message as its author typed it, one paragraph, quoted the way mail quotes (the layout escapes it). */
function quote(body: string): MailBlock {
  const lines = body.split('\n').filter((line) => line.trim() !== '')
  return { kind: 'paragraph', text: `> ${lines.join('\n> ')}` }
}

/**
 * New messages, batched by conversation.jobs.ts: `messages` holds the texts as a JSON list (the
 * latest ones), `older` how many more are waiting; `name` and `title` are the sender's display
 * name and the listing's title as typed.
 */
export const conversationMails = {
  'conversation-messages': {
    subject: 'conversation.mail.subject',
    required: ['name', 'title', 'count', 'messages', 'older', 'link', 'unsubscribe'],
    blocks: ({ t, platform, data }) => {
      const count = Number(data.count)
      const older = Number(data.older)
      const params = { name: data.name!, title: data.title!, count }
      return [
        {
          kind: 'paragraph',
          text:
            count === 1
              ? t('conversation.mail.intro.one', params)
              : t('conversation.mail.intro.many', params),
        },
        ...(older > 0
          ? [{ kind: 'note' as const, text: t('conversation.mail.older', { count: older }) }]
          : []),
        ...parseList(data.messages, isText).map(quote),
        { kind: 'button', label: t('conversation.mail.open'), href: data.link! },
        { kind: 'note', text: t('conversation.mail.safety') },
        { kind: 'note', text: t('conversation.mail.why', { platform }) },
        { kind: 'link', small: true, label: t('conversation.mail.unsubscribe'), href: data.unsubscribe! },
      ]
    },
  },
  /** The daily summary: `items` is a JSON list of conversations with unread messages. */
  'conversation-digest': {
    subject: 'conversation.digest.subject',
    required: ['count', 'items', 'unsubscribe'],
    blocks: ({ t, platform, data }) => {
      const count = Number(data.count)
      return [
        {
          kind: 'paragraph',
          text:
            count === 1 ? t('conversation.digest.intro.one') : t('conversation.digest.intro.many', { count }),
        },
        ...parseList(data.items, isItem).flatMap((item): MailBlock[] => {
          const params = { name: item.name, title: item.title, count: item.count }
          const one = item.count === 1
          return [
            {
              kind: 'paragraph',
              text: one
                ? t('conversation.digest.item.one', params)
                : t('conversation.digest.item.many', params),
            },
            { kind: 'link', label: t('conversation.digest.open', { name: item.name }), href: item.link },
          ]
        }),
        { kind: 'note', text: t('conversation.mail.safety') },
        { kind: 'note', text: t('conversation.digest.why', { platform }) },
        { kind: 'link', small: true, label: t('conversation.mail.unsubscribe'), href: data.unsubscribe! },
      ]
    },
  },
} satisfies Record<string, MailTemplate>
