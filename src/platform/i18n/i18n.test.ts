import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { catalogues, registerMessages } from './catalogues.ts'
import { negotiateLocale, translator } from './i18n.ts'

describe('translations', () => {
  it('fills placeholders and falls back to French', () => {
    // A table whose English is missing a key (the type forbids it; a registry must still cope).
    registerMessages([{ fr: { 'zz.frOnly': 'Seulement {what}' }, en: {} }])
    const t = translator('en')
    assert.equal(
      t('mail.test.intro', { platform: 'Entraide' }),
      'This email confirms that the Entraide platform can send messages.',
    )
    assert.equal(
      (t as (key: string, params?: Record<string, string>) => string)('zz.frOnly', { what: 'ceci' }),
      'Seulement ceci',
    )
    delete catalogues.fr['zz.frOnly']
    delete catalogues.en['zz.frOnly']
  })

  it('ends a sentence on a name with an abbreviation’s dot with that one dot', () => {
    registerMessages([{ fr: { 'zz.byName': 'Annonce publiée par {name}. {max} au plus.' }, en: {} }])
    const t = translator('fr') as (key: string, params?: Record<string, string | number>) => string
    assert.equal(
      t('zz.byName', { name: 'Jeanne L.', max: 500 }),
      'Annonce publiée par Jeanne L. 500 au plus.',
    )
    assert.equal(t('zz.byName', { name: 'Karim', max: 500 }), 'Annonce publiée par Karim. 500 au plus.')
    delete catalogues.fr['zz.byName']
  })

  it('fills the territory’s forms it was built with; what a caller passes wins', () => {
    registerMessages([{ fr: { 'zz.area': 'Une commune {areaOf}, par {name}.' }, en: {} }])
    const t = translator('fr', { areaOf: 'du Calvados', name: 'le Département' })
    assert.equal(t('zz.area' as never), 'Une commune du Calvados, par le Département.')
    assert.equal(t('zz.area' as never, { name: 'Jeanne' }), 'Une commune du Calvados, par Jeanne.')
    delete catalogues.fr['zz.area']
  })

  it('negotiates the language from Accept-Language, French by default', () => {
    assert.equal(negotiateLocale(undefined), 'fr')
    assert.equal(negotiateLocale('en-GB,en;q=0.9'), 'en')
    assert.equal(negotiateLocale('de-DE,en;q=0.5,fr;q=0.8'), 'fr')
    assert.equal(negotiateLocale('de, es'), 'fr')
  })
})
