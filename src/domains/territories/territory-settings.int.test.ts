import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Client, makeAccount } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeTerritory } from '../../../test/helpers/factories.ts'
import { page } from '../../../test/helpers/html.ts'
import { auditLog } from '../../platform/audit/audit.schema.ts'
import { territories } from '../../platform/tenancy/territory.schema.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'

const FILLED = {
  institutionUrl: 'https://www.calvados.fr',
  publisherAddress: '84 rue Saint-Ouen, 14035 Caen Cedex 1',
  publicationDirector: 'Le président du Conseil départemental',
  hostName: 'Hébergeur Exemple SAS',
  hostAddress: '1 rue de l’Exemple, 59100 Roubaix',
  dpoContact: 'dpd@calvados.example',
  retentionAccounts: '3 ans après la dernière connexion',
  retentionListings: '1 an après leur clôture',
  retentionMessages: '1 an après la fin de l’échange',
  retentionPhone: '3 ans après le dernier appel',
  statementDate: '2026-03-01',
  derogations: 'Aucune dérogation.',
}

describe('territory settings: the legal pages are filled from what administrators write', () => {
  let t: TestApp
  let calvados: Territory
  let manche: Territory
  let admin: Client

  before(async () => {
    t = await buildTestApp()
    calvados = await makeTerritory(t.app.services)
    manche = await makeTerritory(t.app.services, { platformName: 'Entraide Manche', departements: ['50'] })
    const claire = await makeAccount(t, calvados, { roles: ['administrator'] })
    admin = await new Client(t, calvados.hostnames[0]!).signInDirectly(claire, {
      staff: true,
      secondFactor: true,
    })
  })
  after(() => t.close())

  const visitor = async (path: string, territory = calvados) =>
    page((await t.app.inject({ url: path, headers: { host: territory.hostnames[0]! } })).body)
  const audits = async () =>
    (
      await t.db.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'territory.settings-changed'), eq(auditLog.territoryId, calvados.id)))
    ).length

  it('shows clear placeholders before anything is filled: « à compléter » to staff, never a broken sentence', async () => {
    const legal = await visitor('/mentions-legales')
    assert.equal(legal.h1(), 'Mentions légales')
    assert.match(
      legal.text('main'),
      /La plateforme Entraide Calvados est éditée par le Département du Calvados\./,
    )
    assert.match(legal.text('main'), /Hébergeur : non renseigné, non renseigné\./)
    assert.doesNotMatch(legal.text('main'), /\{\w+\}|undefined|null/)
    const staff = page((await admin.get('/mentions-legales')).body)
    assert.match(staff.text('main'), /À compléter : Directeur ou directrice de la publication/)
    assert.equal(
      staff.link('À compléter : Hébergeur (nom ou raison sociale)'),
      '/administration/territoire#hostName',
    )

    const accessibility = await visitor('/accessibilite')
    assert.match(
      accessibility.text('main'),
      /La plateforme Entraide Calvados est non conforme avec le RGAA 4\.1\./,
    )
    assert.match(accessibility.text('main'), /Aucun audit n’a encore été réalisé/)
    assert.match(accessibility.text('main'), /Défenseur des droits, Libre réponse 71120/)
    assert.equal(accessibility.link('Accessibilité : non conforme'), '/accessibilite')
    assert.doesNotMatch(accessibility.text('body'), /partiellement conforme/)
  })

  it('saves the settings, audited, and every legal page shows them', async () => {
    const form = page((await admin.get('/administration/territoire')).body)
    assert.equal(form.h1(), 'Paramètres du territoire')
    assert.ok(form.field('Directeur ou directrice de la publication'))
    assert.match(form.text('main'), /Forme utilisée : du Calvados/)
    const saved = await admin.post('/administration/territoire', {
      ...FILLED,
      auditDate: '2026-02-10',
      auditRate: '87,5',
      auditor: 'Access42',
    })
    assert.equal(saved.statusCode, 303)
    assert.equal(saved.headers.location, '/administration/territoire?fait=enregistres')
    assert.equal(await audits(), 1)

    const legal = (await visitor('/mentions-legales')).text('main')
    for (const value of [
      FILLED.publisherAddress,
      FILLED.publicationDirector,
      FILLED.hostName,
      FILLED.hostAddress,
    ])
      assert.ok(legal.includes(value), value)
    const privacy = await visitor('/donnees-personnelles')
    const text = privacy.text('main')
    assert.match(
      text,
      /Le Département du Calvados est responsable du traitement des données d’Entraide Calvados\./,
    )
    assert.match(text, /mission d’intérêt public du Département du Calvados/)
    assert.match(text, /dpd@calvados\.example/)
    assert.deepEqual(privacy.all('tbody td'), [
      FILLED.retentionAccounts,
      FILLED.retentionListings,
      FILLED.retentionMessages,
      FILLED.retentionPhone,
    ])
    assert.equal(privacy.link('porter plainte auprès de la CNIL'), 'https://www.cnil.fr/fr/plaintes')
    const accessibility = await visitor('/accessibilite')
    assert.match(accessibility.text('main'), /partiellement conforme avec le RGAA 4\.1/)
    assert.match(
      accessibility.text('main'),
      /L’audit réalisé le 10 février 2026 par Access42 révèle que 87,5 % des critères/,
    )
    assert.match(accessibility.text('main'), /Cette déclaration a été établie le 1 mars 2026\./)
    assert.equal(accessibility.link('Accessibilité : partiellement conforme'), '/accessibilite')

    // The institution's link, in the header and the footer; another territory shows none of it.
    const home = await visitor('/')
    const links = [...home.document.querySelectorAll('a[href="https://www.calvados.fr/"]')]
    assert.deepEqual(
      links.map((a) => a.textContent),
      ['Site du Département du Calvados', 'Site du Département du Calvados'],
    )
    assert.equal((await visitor('/mentions-legales', manche)).text('main').includes(FILLED.hostName), false)
  })

  it('refuses hostile input with French messages, keeps the values and changes nothing', async () => {
    const before = await t.db.db.select().from(territories).where(eq(territories.id, calvados.id))
    const res = await admin.post('/administration/territoire', {
      ...FILLED,
      institutionUrl: 'javascript:alert(1)',
      hostName: '<script>alert(1)</script>',
      areaOf: 'Calvados',
      institutionTo: 'le Département',
      auditDate: '2026-02-30',
      auditRate: '150',
      publicationDirector: 'x'.repeat(301),
      statementDate: '2099-01-01',
    })
    assert.equal(res.statusCode, 400)
    const p = page(res.body)
    assert.deepEqual(
      p.errorSummary().map((e) => e.href),
      [
        '#institutionUrl',
        '#areaOf',
        '#institutionTo',
        '#publicationDirector',
        '#hostName',
        '#statementDate',
        '#auditDate',
        '#auditRate',
      ],
    )
    assert.match(p.text('.error-summary'), /Indiquez une adresse qui commence par https:\/\//)
    assert.match(p.text('.error-summary'), /Les signes « < » et « > » ne sont pas acceptés/)
    assert.match(p.text('.error-summary'), /Commencez par « du », « de la », « de l’ » ou « des »/)
    assert.match(p.text('.error-summary'), /La date ne peut pas être dans le futur/)
    assert.equal(
      (p.field('Adresse du site de l’institution') as HTMLInputElement).getAttribute('value'),
      'javascript:alert(1)',
    )
    for (const url of ['http://www.calvados.fr', 'https://admin:secret@calvados.fr', 'https://localhost']) {
      const refused = await admin.post('/administration/territoire', { institutionUrl: url })
      assert.equal(refused.statusCode, 400, url)
    }
    assert.deepEqual(await t.db.db.select().from(territories).where(eq(territories.id, calvados.id)), before)
    assert.equal(await audits(), 1)
  })

  it('lets an administrator correct a name form, which every sentence then uses', async () => {
    const res = await admin.post('/administration/territoire', {
      ...FILLED,
      institutionTo: "à l'Assemblée du Calvados",
    })
    assert.equal(res.statusCode, 303)
    const contact = (await visitor('/besoin-d-aide')).text('main')
    assert.match(contact, /Écrivez à l’Assemblée du Calvados/)
  })

  it('refuses residents and another territory’s administrator, and changes nothing', async () => {
    const resident = await new Client(t, calvados.hostnames[0]!).signInDirectly(
      await makeAccount(t, calvados),
    )
    assert.equal((await resident.get('/administration/territoire')).statusCode, 403)
    assert.equal((await resident.post('/administration/territoire', { hostName: 'Pirate' })).statusCode, 403)
    const other = await makeAccount(t, manche, { roles: ['administrator'] })
    const foreign = await new Client(t, calvados.hostnames[0]!).signInDirectly(other, {
      staff: true,
      secondFactor: true,
    })
    // Signed in elsewhere: this territory does not know the session.
    const refused = await foreign.post('/administration/territoire', { hostName: 'Pirate' })
    assert.ok([401, 403].includes(refused.statusCode), String(refused.statusCode))
    assert.ok(!(await visitor('/mentions-legales')).text('main').includes('Pirate'))
  })
})
