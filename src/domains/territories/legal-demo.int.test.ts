import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { page } from '../../../test/helpers/html.ts'
import { seedDemo } from '../../demo.ts'
import { modules } from '../../modules.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'

const LEGAL_PAGES = ['/mentions-legales', '/donnees-personnelles', '/accessibilite']

describe('the demonstration’s legal pages', () => {
  let t: TestApp
  let demo: Territory
  let staff: Client
  before(async () => {
    t = await buildTestApp()
    demo = (await seedDemo(t.app.services, modules))!.territory
    const admin = await makeAccount(t, demo, { roles: ['administrator'] })
    staff = await new Client(t, 'localhost').signInDirectly(admin, { staff: true, secondFactor: true })
  })
  after(() => t.close())

  const visitor = async (path: string) =>
    page((await t.app.inject({ url: path, headers: { host: 'localhost' } })).body)

  it('leave nothing « à compléter » for the team, nor « non renseigné » for visitors', async () => {
    for (const path of LEGAL_PAGES) {
      const seen = page((await staff.get(path)).body).text('main')
      assert.doesNotMatch(seen, /À compléter/, path)
      assert.doesNotMatch((await visitor(path)).text('main'), /non renseigné|\{\w+\}|undefined/, path)
    }
  })

  it('name a role, a fictional host and reserved contacts, and claim no audit that was not made', async () => {
    const legal = (await visitor('/mentions-legales')).text('main')
    assert.match(legal, /Le président ou la présidente du Conseil départemental du Calvados/)
    assert.match(
      legal,
      /Hébergeur : Hébergeur Exemple SAS \(société fictive de démonstration\), 2 rue de l’Exemple/,
    )
    const privacy = await visitor('/donnees-personnelles')
    assert.match(privacy.text('main'), /dpo\.demo@calvados\.example ; 01 99 00 00 14/)
    assert.ok(privacy.all('tbody td').every((kept) => /\d (an|ans) /.test(kept)))
    const statement = await visitor('/accessibilite')
    assert.match(statement.text('main'), /est non conforme avec le RGAA 4\.1/)
    assert.match(statement.text('main'), /Aucun audit n’a encore été réalisé/)
    assert.match(statement.text('main'), /Cette déclaration a été établie le \d{1,2} \p{L}+ \d{4}\./u)
    assert.equal(
      statement.link('écrire un message au Défenseur des droits'),
      'https://formulaire.defenseurdesdroits.fr/',
    )
  })
})
