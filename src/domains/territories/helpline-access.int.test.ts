import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import {
  HELPLINE,
  type HelplineWorld,
  helplineWorld,
  POINTS,
  pointForm,
} from '../../../test/helpers/helpline.ts'

/**
 * Only the territory's administrators change its line and help points: a coordinator, a resident,
 * a visitor or another territory's administrator gets a refusal, and nothing changes.
 */
describe('who may change the phone line and the help points', () => {
  let t: TestApp
  let w: HelplineWorld
  let pointId = ''
  let manchePointId = ''
  before(async () => {
    t = await buildTestApp()
    w = await helplineWorld(t)
    const admin = await w.adminClient()
    await admin.post(HELPLINE, { phone: '02 61 91 00 00', hoursFr: 'le lundi', hoursEn: '' })
    await admin.post(POINTS, pointForm)
    await admin.post(POINTS, { ...pointForm, name: 'Mairie de Caen', commune: 'Caen' })
    pointId = (await w.points())[0]!.id
    const mancheAdmin = await w.staff(w.mancheAdmin, w.manche.hostnames[0]!)
    await mancheAdmin.post(POINTS, { ...pointForm, name: 'CCAS de Saint-Lô', commune: 'Saint-Lô' })
    manchePointId = (await w.points(w.manche.id))[0]!.id
  })
  after(() => t.close())

  /** Every page and action of the administration, with what each would post. */
  const routes = (id: string): [string, string, Record<string, string> | null][] => [
    ['GET', HELPLINE, null],
    ['POST', HELPLINE, { phone: '', hoursFr: '', hoursEn: '' }],
    ['GET', POINTS, null],
    ['GET', `${POINTS}/nouveau`, null],
    ['POST', POINTS, { ...pointForm, name: 'Intrus' }],
    ['GET', `${POINTS}/${id}`, null],
    ['POST', `${POINTS}/${id}`, { ...pointForm, name: 'Intrus' }],
    ['POST', `${POINTS}/${id}/descendre`, {}],
    ['POST', `${POINTS}/${id}/retirer`, {}],
  ]

  async function unchanged(check: () => Promise<void>) {
    const line = await w.line()
    const points = await w.points()
    const manche = await w.points(w.manche.id)
    await check()
    assert.deepEqual(await w.line(), line)
    assert.deepEqual(await w.points(), points)
    assert.deepEqual(await w.points(w.manche.id), manche)
  }

  const send = (client: Client, [method, url, form]: [string, string, Record<string, string> | null]) =>
    method === 'GET' ? client.get(url) : client.post(url, form ?? {})

  it('refuses a coordinator and a resident with 403', async () => {
    await unchanged(async () => {
      for (const client of [
        await w.staff(w.coordinator),
        await new Client(t, w.host).signInDirectly(w.resident),
      ]) {
        for (const route of routes(pointId)) {
          const res = await send(client, route)
          assert.equal(res.statusCode, 403, `${route[0]} ${route[1]}`)
        }
      }
    })
  })

  it('sends a visitor to sign in, and refuses a post without a session', async () => {
    await unchanged(async () => {
      for (const route of routes(pointId)) {
        const res = await send(w.visitor(), route)
        if (route[0] === 'GET') {
          assert.equal(res.statusCode, 303, route[1])
          assert.match(res.headers.location as string, /^\/connexion/)
        } else assert.ok([401, 403].includes(res.statusCode), `${route[1]}: ${res.statusCode}`)
      }
    })
  })

  it('treats another territory’s administrator on this territory’s site as signed out: no page, no change', async () => {
    await unchanged(async () => {
      const intruder = await w.staff(w.mancheAdmin)
      for (const route of routes(pointId)) {
        const res = await send(intruder, route)
        if (route[0] === 'GET') {
          assert.equal(res.statusCode, 303, route[1])
          assert.match(res.headers.location as string, /^\/connexion/)
        } else assert.ok([401, 403].includes(res.statusCode), `${route[1]}: ${res.statusCode}`)
      }
    })
  })

  it('answers another territory’s help point as not found, even to its administrator at home', async () => {
    await unchanged(async () => {
      const mancheAdmin = await w.staff(w.mancheAdmin, w.manche.hostnames[0]!)
      for (const route of routes(pointId).filter(([, url]) => url.includes(pointId))) {
        const res = await send(mancheAdmin, route)
        assert.equal(res.statusCode, 404, `${route[0]} ${route[1]}`)
      }
      const admin = await w.adminClient()
      for (const route of routes(manchePointId).filter(([, url]) => url.includes(manchePointId))) {
        const res = await send(admin, route)
        assert.equal(res.statusCode, 404, `${route[0]} ${route[1]}`)
      }
    })
    assert.equal(await w.audits('territory.help-point-changed'), 3)
  })

  it('asks an administrator without the second factor for it before anything', async () => {
    await unchanged(async () => {
      const noFactor = await new Client(t, w.host).signInDirectly(w.admin, {
        staff: true,
        secondFactor: false,
      })
      const page = await noFactor.get(HELPLINE)
      assert.equal(page.statusCode, 303)
      assert.doesNotMatch(page.headers.location as string, /^\/administration/)
      const post = await noFactor.post(HELPLINE, { phone: '', hoursFr: '', hoursEn: '' })
      assert.equal(post.statusCode, 403)
    })
  })
})
