import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Client } from '../../../test/helpers/accounts.ts'
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { HELPLINE, type HelplineWorld, helplineWorld, POINTS } from '../../../test/helpers/helpline.ts'
import { page } from '../../../test/helpers/html.ts'

/** The phone line as the administrator sets it, and as a visitor then finds it on every page. */
describe('the phone line: set by an administrator, shown at once where people look for help', () => {
  let t: TestApp
  let w: HelplineWorld
  let admin: Client
  const visit = async (url: string) => {
    const res = await w.visitor().get(url)
    assert.equal(res.statusCode, 200, url)
    return page(res.body)
  }
  before(async () => {
    t = await buildTestApp()
    w = await helplineWorld(t)
    admin = await w.adminClient()
  })
  after(() => t.close())

  it('without a line or help points, still says how to get help: the address to write to, no empty heading', async () => {
    const home = await visit('/')
    assert.match(home.text('main'), /Pas d’internet \?/)
    assert.equal(home.link('entraide@calvados.test'), 'mailto:entraide@calvados.test')
    assert.equal(home.link('Se faire aider près de chez soi'), undefined)
    assert.doesNotMatch(home.text('main'), /Appelez/)
    const need = await visit('/besoin-d-aide')
    assert.ok(need.all('h2').includes('Sans internet'))
    assert.ok(!need.all('h2').includes('Se faire aider près de chez soi'))
    assert.match(need.text('main'), /Écrivez au Département du Calvados : un agent enregistre votre demande/)
    assert.equal(need.link('entraide@calvados.test'), 'mailto:entraide@calvados.test')
    const contact = await visit('/contact')
    assert.equal(contact.h1(), 'Contact')
    assert.equal(contact.link('entraide@calvados.test'), 'mailto:entraide@calvados.test')
    assert.doesNotMatch(contact.text('main'), /Par téléphone/)
    const api = (await w.visitor().get('/api/v1/territory')).json()
    assert.equal(api.helplinePhone, null)
    assert.equal(api.helplineHours, null)
  })

  it('takes the number however it is typed, stores it in E.164, and every page shows it at once', async () => {
    const form = page((await admin.get(HELPLINE)).body)
    assert.equal(form.h1(), 'Ligne téléphonique')
    assert.ok(form.field('Numéro de la ligne'))
    const res = await admin.post(HELPLINE, {
      phone: '02.61.91.00.00',
      hoursFr: '  du lundi au vendredi,   de 9 h à 17 h ',
      hoursEn: '',
    })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `${HELPLINE}?fait=enregistree`)
    assert.deepEqual(await w.line(), {
      phone: '+33261910000',
      hours: { fr: 'du lundi au vendredi, de 9 h à 17 h' },
    })
    assert.equal(await w.audits('territory.helpline-changed'), 1)
    const saved = page((await admin.get(res.headers.location as string)).body)
    assert.match(saved.text('main'), /Ligne téléphonique enregistrée/)
    assert.equal(saved.field('Numéro de la ligne')?.getAttribute('value'), '02 61 91 00 00')

    const home = await visit('/')
    assert.match(home.text('main'), /Appelez le 02 61 91 00 00 \(du lundi au vendredi, de 9 h à 17 h\)/)
    assert.equal(home.link('02 61 91 00 00'), 'tel:+33261910000')
    const need = await visit('/besoin-d-aide')
    assert.equal(need.link('02 61 91 00 00'), 'tel:+33261910000')
    assert.match(need.text('main'), /Horaires : du lundi au vendredi, de 9 h à 17 h/)
    assert.equal(need.link('entraide@calvados.test'), 'mailto:entraide@calvados.test')
    const contact = await visit('/contact')
    assert.match(contact.text('main'), /Par téléphone : 02 61 91 00 00/)
    assert.equal(contact.link('02 61 91 00 00'), 'tel:+33261910000')
    assert.equal(contact.link('entraide@calvados.test'), 'mailto:entraide@calvados.test')
    assert.ok(!(await w.visitor().get('/')).body.includes('>+33261910000<'), 'never the stored form')
    const api = (await w.visitor().get('/api/v1/territory')).json()
    assert.equal(api.helplinePhone, '+33261910000')
    assert.equal(api.helplineHours, 'du lundi au vendredi, de 9 h à 17 h')
  })

  it('reads every French way of writing a number, and overseas ones by their own prefix', async () => {
    for (const [typed, stored] of [
      ['0261910000', '+33261910000'],
      ['+33 2 61 91 00 00', '+33261910000'],
      ['0033 2 61 91 00 00', '+33261910000'],
      ['(02) 61-91-00-00', '+33261910000'],
      ['+33 (0)2 61 91 00 00', '+33261910000'],
      ['05 90 12 34 56', '+590590123456'],
      ['3939', null],
    ] as const) {
      const res = await admin.post(HELPLINE, { phone: typed, hoursFr: '', hoursEn: '' })
      if (stored === null) {
        assert.equal(res.statusCode, 400, typed)
        continue
      }
      assert.equal(res.statusCode, 303, typed)
      assert.equal((await w.line()).phone, stored, typed)
    }
    assert.match((await visit('/')).text('main'), /Appelez le 0590 12 34 56/)
  })

  it('refuses a half number, hours without a number, or English hours alone, and changes nothing', async () => {
    await admin.post(HELPLINE, { phone: '02 61 91 00 00', hoursFr: 'le lundi', hoursEn: '' })
    const before = await w.line()
    const audits = await w.audits('territory.helpline-changed')
    for (const [form, message] of [
      [{ phone: '02 61 91', hoursFr: '', hoursEn: '' }, /Saisissez un numéro de téléphone complet/],
      [{ phone: 'appelez-nous', hoursFr: '', hoursEn: '' }, /Saisissez un numéro de téléphone complet/],
      [
        { phone: '', hoursFr: 'le mardi', hoursEn: '' },
        /Indiquez le numéro de la ligne, ou effacez aussi ses horaires/,
      ],
      [
        { phone: '02 61 91 00 00', hoursFr: '', hoursEn: 'Tuesdays' },
        /Écrivez d’abord les horaires en français/,
      ],
      [{ phone: '02 61 91 00 00', hoursFr: 'x'.repeat(201), hoursEn: '' }, /Ce texte dépasse 200 caractères/],
    ] as const) {
      const res = await admin.post(HELPLINE, form)
      assert.equal(res.statusCode, 400, JSON.stringify(form))
      const p = page(res.body)
      assert.match(
        p
          .errorSummary()
          .map((e) => e.text)
          .join(' '),
        message,
      )
      assert.equal(p.field('Numéro de la ligne')?.getAttribute('value'), form.phone, 'what was typed stays')
    }
    assert.deepEqual(await w.line(), before)
    assert.equal(await w.audits('territory.helpline-changed'), audits)
  })

  it('clears the line: the pages say to write instead, at once', async () => {
    const res = await admin.post(HELPLINE, { phone: '', hoursFr: '', hoursEn: '' })
    assert.equal(res.headers.location, `${HELPLINE}?fait=effacee`)
    assert.deepEqual(await w.line(), { phone: null, hours: null })
    assert.match(
      page((await admin.get(`${HELPLINE}?fait=effacee`)).body).text('main'),
      /Ligne téléphonique effacée/,
    )
    const home = await visit('/')
    assert.doesNotMatch(home.text('main'), /Appelez/)
    assert.equal(home.link('entraide@calvados.test'), 'mailto:entraide@calvados.test')
    assert.match((await visit('/besoin-d-aide')).text('main'), /Écrivez au Département du Calvados/)
  })

  it('shows the English hours to an English reader, the French ones otherwise', async () => {
    await admin.post(HELPLINE, {
      phone: '02 61 91 00 00',
      hoursFr: 'du lundi au vendredi',
      hoursEn: 'Monday to Friday',
    })
    const en = await t.app.inject({ url: '/', headers: { host: w.host, 'accept-language': 'en' } })
    assert.match(page(en.body).text('main'), /Call 02 61 91 00 00 \(Monday to Friday\)/)
    assert.match((await visit('/')).text('main'), /\(du lundi au vendredi\)/)
  })

  it('lists the line and the help points in the administration home of administrators only', async () => {
    const home = page((await admin.get('/administration')).body)
    assert.equal(home.link('Ligne téléphonique'), HELPLINE)
    assert.equal(home.link('Points d’aide'), POINTS)
    const coordinator = page((await (await w.staff(w.coordinator)).get('/administration')).body)
    assert.equal(coordinator.link('Ligne téléphonique'), undefined)
  })
})
