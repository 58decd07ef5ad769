import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { type DispatchWorld, dispatchWorld, LIST, relayedAsk } from '../../../test/helpers/dispatch.ts'
import { page } from '../../../test/helpers/html.ts'

/** A relayed ask is ranked by the language of the person the line posted it for, not the agent's. */
describe('dispatch: the language of a relayed ask', () => {
  let t: TestApp
  let w: DispatchWorld
  before(async () => {
    t = await buildTestApp()
    w = await dispatchWorld(t)
  })
  after(() => t.close())

  const suggestions = async (listingId: string) => {
    const p = page((await (await w.staff(w.coordinator)).get(`${LIST}/${listingId}`)).body)
    const items = [...p.document.querySelectorAll('ol.suggestions li')]
    return new Map(
      items.map((li) => [
        li.querySelector('strong')?.textContent?.trim() ?? '',
        li.querySelector('p.why')?.textContent ?? '',
      ]),
    )
  }

  it('reads the language the person gave when registered for calls, and ranks who speaks it', async () => {
    const listingId = await relayedAsk(t, w, {
      title: 'Courses pour Mme Haddad',
      person: { lastName: 'Haddad', phone: '02 31 92 00 02' },
      language: 'ar',
    })
    const why = await suggestions(listingId)
    assert.match(why.get('Amina') ?? '', /parle arabe/)
    assert.match(why.get('Bruno') ?? '', /ne parle pas arabe/)
    assert.equal([...why.keys()][0], 'Amina', 'the one who speaks her language first')
  })

  it('takes French when the person gave no language: nothing is said of it', async () => {
    const listingId = await relayedAsk(t, w, {
      title: 'Courses pour Mme Martin',
      person: { lastName: 'Martin', phone: '02 31 92 00 03' },
    })
    const why = await suggestions(listingId)
    assert.ok(why.size > 0)
    for (const text of why.values()) assert.doesNotMatch(text, /parle/)
  })
})
