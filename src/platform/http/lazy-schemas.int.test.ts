import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'

const host = 'entraide.calvados.test'

describe('route schemas compiled at first use', () => {
  let t: TestApp
  before(async () => {
    t = await buildTestApp()
    await makeTerritory(t.app.services, { hostnames: [host], departements: ['14'] })
  })
  after(() => t.close())

  it('still refuses a bad query with the field named, and coerces a good one', async () => {
    const bad = await t.app.inject({ url: '/api/v1/communes?q=caen&limit=zero', headers: { host } })
    assert.equal(bad.statusCode, 400)
    assert.deepEqual(
      bad.json().errors.map((e: { pointer: string }) => e.pointer),
      ['/limit'],
    )
    const good = await t.app.inject({ url: '/api/v1/communes?q=caen&limit=2', headers: { host } })
    assert.equal(good.statusCode, 200)
    // the response goes through its serializer: only the declared fields, at most `limit` communes
    const body = good.json() as { communes: Record<string, unknown>[] }
    assert.ok(body.communes.length > 0 && body.communes.length <= 2)
    assert.equal(body.communes[0]!.name, 'Caen')
  })

  it('compiles every remaining schema on demand, each once', async () => {
    const compiled = await t.app.compileSchemas()
    assert.ok(compiled > 100, `only ${compiled} schemas`)
    assert.equal(await t.app.compileSchemas(), 0)
  })
})
