/** Beyond this, the page's own address would crowd the words out of one SMS: the list of notices goes instead. */
const LINK_MAX = 70
const MARK = '\u0000'

/**
 * A notice as an SMS: the platform's name (the sender is a short number), the same sentence as in
 * the app, and a link. When it is too long for one SMS only the title inside it is shortened; the
 * names and the link stay whole. No address, no number: only what the in-app notice shows.
 */
export function notificationSmsText(input: {
  /** the notice's sentence in the reader's language, with these words in it */
  sentence: (params: Record<string, string>) => string
  params: Record<string, string>
  platformName: string
  base: string
  link: string
}): { before: string; variable: string; after: string } {
  const direct = `${input.base}${input.link}`
  const link = direct.length <= LINK_MAX ? direct : `${input.base}/notifications`
  const title = input.params.title
  const sentence = input.sentence(title === undefined ? input.params : { ...input.params, title: MARK })
  const [head = '', tail = ''] = title === undefined ? [sentence, ''] : sentence.split(MARK)
  return { before: `${input.platformName} : ${head}`, variable: title ?? '', after: `${tail}. ${link}` }
}
