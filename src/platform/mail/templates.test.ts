import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { deriveNameForms } from '../tenancy/name-forms.ts'
import type { Territory } from '../tenancy/territory.ts'
import { renderMail } from './templates.tsx'

const territory: Territory = {
  id: '00000000-0000-4000-8000-000000000001',
  slug: 'calvados',
  departements: ['14'],
  officialName: 'Département du Calvados',
  platformName: 'Entraide Calvados',
  presentation: { fr: '' },
  logoUrl: null,
  institutionUrl: null,
  nameForms: deriveNameForms('Département du Calvados', 'Entraide Calvados'),
  legalDetails: {},
  primaryColor: '#7a1f5c',
  contactEmail: 'contact@calvados.test',
  legalNotice: { fr: '' },
  charter: { fr: '' },
  crisisMode: false,
  crisisMessage: null,
  helplinePhone: null,
  reviewPolicy: 'first-listings',
  dispatchDelayHours: 48,
  helplineHours: null,
  isDemo: false,
  hostnames: ['calvados.test'],
}
const now = new Date('2026-03-16T09:00:00Z')

describe('mail templates', () => {
  it('writes the subject and both versions in French', () => {
    const mail = renderMail('test', { locale: 'fr', territory, data: {}, now, baseUrl: null })
    assert.equal(mail.subject, 'Courriel de test')
    assert.match(mail.text, /la plateforme Entraide Calvados peut envoyer des messages/)
    assert.match(mail.text, /16 mars 2026 à 10:00/)
    assert.match(mail.html, /<html lang="fr">/)
    assert.match(mail.html, /Département du Calvados/)
    assert.match(mail.text, /contact@calvados\.test/)
  })

  it('writes in English for an English reader', () => {
    const mail = renderMail('test', { locale: 'en', territory, data: {}, now, baseUrl: null })
    assert.equal(mail.subject, 'Test email')
    assert.match(mail.text, /can send messages/)
    assert.match(mail.html, /<html lang="en">/)
  })

  it("carries the territory's colour and name in the layout", () => {
    const mail = renderMail('test', {
      locale: 'fr',
      territory,
      data: {},
      now,
      baseUrl: 'https://calvados.test',
    })
    assert.match(mail.html, /background-color:\s*#7a1f5c/)
    assert.match(mail.html, /href="https:\/\/calvados\.test"/)
    assert.match(mail.text, /Ouvrir Entraide Calvados\nhttps:\/\/calvados\.test/)
  })

  it('shows data as text, never as markup', () => {
    const mail = renderMail('test', {
      locale: 'fr',
      territory: null,
      data: { note: '<script>alert(1)</script>' },
      now,
      baseUrl: null,
    })
    assert.doesNotMatch(mail.html, /<script>/)
    assert.match(mail.html, /&lt;script>alert\(1\)&lt;\/script>|&lt;script&gt;alert\(1\)&lt;\/script&gt;/)
    assert.match(mail.text, /Note : <script>alert\(1\)<\/script>/)
  })
})
