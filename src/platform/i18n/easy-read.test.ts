import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { catalogues, easyCatalogues, registerEasyRead, registerMessages } from './catalogues.ts'
import { defineEasyRead, easyReadProblems } from './easy-read.ts'
import { translator } from './i18n.ts'

const usual = {
  fr: { 'a.intro': 'Écrivez à {name}. {max} caractères au plus.', 'a.plain': 'Bonjour' },
  en: { 'a.intro': 'Write to {name}. {max} characters at most.', 'a.plain': 'Hello' },
}

describe('easy-to-read texts', () => {
  it('are preferred by an easy-read translator, the usual text showing where none is written', () => {
    registerMessages([{ fr: { 'zz.easy': 'Coordonnées de {name}', 'zz.same': 'Envoyer' }, en: {} }])
    registerEasyRead([{ fr: { 'zz.easy': 'Le téléphone de {name}' }, en: {} }])
    const easy = translator('fr', { name: 'Karim' }, { easyRead: true }) as (key: string) => string
    const usualT = translator('fr', { name: 'Karim' }) as (key: string) => string
    assert.equal(easy('zz.easy'), 'Le téléphone de Karim')
    assert.equal(usualT('zz.easy'), 'Coordonnées de Karim')
    assert.equal(easy('zz.same'), 'Envoyer')
    for (const key of ['zz.easy', 'zz.same']) delete catalogues.fr[key]
    delete easyCatalogues.fr['zz.easy']
  })

  it('find nothing wrong with texts that name existing keys and the same placeholders', () => {
    const easy = {
      fr: { 'a.intro': 'Écrivez un message à {name}. {name} le lit. {max} lettres au plus.' },
      en: { 'a.intro': 'Write a message to {name}. {max} letters at most.' },
    }
    assert.deepEqual(easyReadProblems(usual, easy), [])
  })

  it('name a text whose placeholder was dropped or added, or whose key no catalogue has', () => {
    const easy = {
      fr: {
        'a.intro': 'Écrivez un message. {max} lettres au plus.',
        'a.plain': 'Bonjour {name}',
        'a.unknown': 'Texte',
      },
      en: { 'a.intro': 'Write to {name}.', 'a.plain': ' ' },
    }
    assert.deepEqual(easyReadProblems(usual, easy), [
      'fr a.intro: placeholders {max} instead of {max, name}',
      'fr a.plain: placeholders {name} instead of {}',
      'fr a.unknown: no usual text has this key',
      'en a.intro: placeholders {name} instead of {max, name}',
      'en a.plain: empty',
    ])
  })

  it('are declared for known keys only, English wording exactly the French keys', () => {
    const declared = defineEasyRead({ 'shell.menu': 'Le menu' }, { 'shell.menu': 'The menu' })
    assert.deepEqual(declared, { fr: { 'shell.menu': 'Le menu' }, en: { 'shell.menu': 'The menu' } })
    // The compiler refuses these; `npx tsc --noEmit` fails if it ever accepts one.
    // @ts-expect-error a key no catalogue declares
    defineEasyRead({ 'shell.nowhere': 'Nulle part' }, { 'shell.nowhere': 'Nowhere' })
    // @ts-expect-error English lacks a key French has
    defineEasyRead({ 'shell.menu': 'Le menu' }, {})
  })
})
