import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import { mailTemplateNames, type RenderedMail, renderMail } from './templates.tsx'

const UNSUBSCRIBE = 'https://entraide.test/desabonnement?jeton=abc'

/** Data any template accepts: every key a text, addresses where a link is expected. */
function sampleData(required: readonly string[]): Record<string, string> {
  const data: Record<string, string> = {}
  for (const key of required) {
    if (key === 'unsubscribe') data[key] = UNSUBSCRIBE
    else if (key === 'items')
      data[key] = JSON.stringify([
        { name: 'Marie', title: 'Courses', count: 2, link: 'https://entraide.test/m/1' },
        { name: 'Paul', title: 'Étagère', count: 1, link: 'https://entraide.test/m/2' },
      ])
    else data[key] = /link|login|reset|signIn|url/i.test(key) ? `https://entraide.test/${key}` : '2'
  }
  return data
}

/** The links a mail's HTML styles as buttons: a coloured background. */
function buttons(mail: RenderedMail) {
  return [...page(mail.html).document.querySelectorAll('a')].filter((a) =>
    /background-color/.test(a.getAttribute('style') ?? ''),
  )
}

/** Issue 16, problem 10: one prominent action per mail; unsubscribing is a small plain link. */
describe('the actions of every mail', () => {
  let t: TestApp
  const mails = new Map<string, RenderedMail>()
  before(async () => {
    t = await buildTestApp()
    for (const name of mailTemplateNames()) {
      // The template's own list of required data, read through a render that lacks it all.
      let required: string[] = []
      try {
        renderMail(name, { locale: 'fr', territory: null, data: {}, now: t.clock.now(), baseUrl: null })
      } catch (error) {
        required = /needs data: (.*)$/.exec((error as Error).message)?.[1]?.split(', ') ?? []
      }
      const data = sampleData([...required, 'unsubscribe'])
      mails.set(
        name,
        renderMail(name, { locale: 'fr', territory: null, data, now: t.clock.now(), baseUrl: null }),
      )
    }
  })
  after(async () => {
    await t?.close()
  })

  it('no mail has more than one button', () => {
    assert.ok(mails.size > 20, `${mails.size} mails`)
    for (const [name, mail] of mails)
      assert.ok(buttons(mail).length <= 1, `${name}: ${buttons(mail).length} buttons`)
  })

  it('unsubscribing is a small plain link after the one action, in HTML and in text', () => {
    let checked = 0
    for (const [name, mail] of mails) {
      const link = [...page(mail.html).document.querySelectorAll('a')].find(
        (a) => a.getAttribute('href') === UNSUBSCRIBE,
      )
      if (!link) continue
      checked++
      const style = link.getAttribute('style') ?? ''
      assert.doesNotMatch(style, /background/, `${name}: the unsubscribe link is no button`)
      assert.match(link.parentElement?.getAttribute('style') ?? '', /font-size:14px/, `${name}: it is small`)
      const [action] = buttons(mail)
      if (action) {
        assert.ok(mail.html.indexOf(action.getAttribute('href')!) < mail.html.indexOf(UNSUBSCRIBE), name)
        assert.ok(mail.text.indexOf(action.getAttribute('href')!) < mail.text.indexOf(UNSUBSCRIBE), name)
      }
    }
    assert.ok(checked >= 6, `${checked} mails offer to unsubscribe`)
  })
})
