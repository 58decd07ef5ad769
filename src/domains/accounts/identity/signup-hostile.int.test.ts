import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { makeTerritory } from '../../../../test/helpers/factories.ts'
import { page } from '../../../../test/helpers/html.ts'
import { outboxMails } from '../../../../test/helpers/outbox.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'

const HOST = 'inscription-hostile.entraide.test'
const HOSTILE: string[] = JSON.parse(
  readFileSync(new URL('../../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
)
const FIELDS = ['displayName', 'email', 'password', 'commune', 'phone', 'retour'] as const
let counter = 0

function signUpForm(email: string): Record<string, string> {
  return {
    displayName: 'Zoé',
    email,
    password: 'les mouettes chantent sur le port de Honfleur',
    commune: 'Bayeux',
    phone: '',
    charter: 'oui',
    privacy: 'oui',
  }
}

/**
 * Hostile text in one field at a time, the others right, for a new address and for one that has
 * an account: the form again in French or « Vérifiez votre boîte mail », never a 500, never a
 * session, never another site, and both addresses answered alike.
 */
describe('sign-up with hostile text in its fields', () => {
  let t: TestApp
  let territory: Territory
  before(async () => {
    t = await buildTestApp()
    territory = await makeTerritory(t.app.services, { hostnames: [HOST] })
  })
  after(() => t.close())

  async function post(form: Record<string, string>) {
    // Past the hourly sign-up limit of the request before.
    t.clock.advance('61 minutes')
    return new Client(t, HOST).post('/inscription', form)
  }

  it('answers every field with the form or the same redirect, never a session or a 500', async () => {
    const existing = await makeAccount(t, territory)
    for (const field of FIELDS) {
      for (const [i, text] of HOSTILE.entries()) {
        counter += 1
        // Known and new addresses in turn: both must come out the same way.
        const email = i % 2 === 0 ? existing.email : `hostile.${counter}@exemple.test`
        const label = `${field} = ${JSON.stringify(text.slice(0, 30))}`
        const res = await post({ ...signUpForm(email), [field]: text })
        assert.ok(res.statusCode === 303 || res.statusCode === 400, `${label}: ${res.statusCode}`)
        assert.ok(!res.cookies.some((k) => k.name === 'session'), `${label}: no session`)
        if (res.statusCode === 303) {
          assert.equal(res.headers.location, '/verification', label)
          assert.deepEqual(
            res.cookies.map((k) => k.name),
            ['inscription'],
            label,
          )
          assert.equal(res.body, '', label)
          continue
        }
        const p = page(res.body)
        // Past the form's own limit of 10,000 characters, the request itself is refused.
        const tooLong = text.length > 10_000
        assert.equal(p.h1(), tooLong ? 'Demande incorrecte' : 'Créer un compte', label)
        if (!tooLong) assert.ok(p.errorSummary().length > 0, `${label}: says what is wrong`)
        assert.ok(!res.body.includes('<script>alert'), `${label}: escaped`)
        assert.ok(!res.body.includes('<img src=x'), `${label}: escaped`)
      }
    }
  })

  it('never puts another site in the confirmation link, whatever `retour` was sent', async () => {
    for (const retour of [...HOSTILE, '//evil.example/x', '/\t/evil.example', 'https://evil.example']) {
      counter += 1
      const email = `retour.${counter}@exemple.test`
      const res = await post({ ...signUpForm(email), retour })
      assert.equal(res.statusCode, 303, JSON.stringify(retour))
      const [mail] = await outboxMails(t, email)
      const link = new URL(/https?:\/\/\S+jeton=[\w-]+/.exec(mail!.text)![0])
      assert.equal(link.host, HOST)
      const back = link.searchParams.get('retour')
      if (back !== null) {
        assert.ok(back.startsWith('/') && !back.startsWith('//'), JSON.stringify(back))
        assert.equal(new URL(back, 'http://x.invalid').host, 'x.invalid', JSON.stringify(back))
      }
    }
  })
})
