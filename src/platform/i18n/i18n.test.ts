import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { catalogues } from './catalogues.ts'
import { negotiateLocale, translator } from './i18n.ts'

const srcDir = new URL('../../', import.meta.url).pathname

function sourceFiles(): string[] {
  return readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.messages.ts') && !/\.test\.ts$/.test(f))
    .map((f) => join(srcDir, f))
}

describe('translations', () => {
  it('has every key in both languages, with the same placeholders, none empty', () => {
    const fr = catalogues.fr as Record<string, string>
    const en = catalogues.en as Record<string, string>
    assert.deepEqual(Object.keys(en).sort(), Object.keys(fr).sort())
    for (const key of Object.keys(fr)) {
      assert.ok(fr[key]!.trim() && en[key]!.trim(), `empty text for ${key}`)
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
      assert.deepEqual(holes(en[key]!), holes(fr[key]!), `placeholders differ for ${key}`)
    }
  })

  it('uses every key somewhere in the code, written literally', () => {
    const code = sourceFiles()
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n')
    const unused = Object.keys(catalogues.fr).filter((key) => !code.includes(`'${key}'`))
    assert.deepEqual(unused, [], `keys never used: ${unused.join(', ')}`)
  })

  it('fills placeholders and falls back to French', () => {
    const t = translator('en')
    assert.equal(
      t('contact.body', { name: 'Entraide', email: 'a@b.fr' }),
      'For any question about Entraide, write to a@b.fr.',
    )
  })

  it('negotiates the language from Accept-Language, French by default', () => {
    assert.equal(negotiateLocale(undefined), 'fr')
    assert.equal(negotiateLocale('en-GB,en;q=0.9'), 'en')
    assert.equal(negotiateLocale('de-DE,en;q=0.5,fr;q=0.8'), 'fr')
    assert.equal(negotiateLocale('de, es'), 'fr')
  })
})
