import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { installModules } from '../../modules.ts'
import { catalogues } from '../../platform/i18n/catalogues.ts'
import { type MessageKey, translator } from '../../platform/i18n/i18n.ts'
import { deriveNameForms, territoryNames } from '../../platform/tenancy/name-forms.ts'

installModules()

/** A few territories whose names break a sentence that pastes them (« de Entraide », « de Département »). */
const territories = [
  { officialName: 'Département du Calvados', platformName: 'Entraide Calvados' },
  { officialName: 'Département de l’Orne', platformName: 'Orne' },
  { officialName: 'Calvados', platformName: 'Calvados' },
  { officialName: 'Orne', platformName: 'Entraide Orne' },
  { officialName: 'Collectivité de Corse', platformName: 'Entraide Corse' },
].map((names) => ({ ...names, nameForms: deriveNameForms(names.officialName, names.platformName) }))

const NAMES = /(Département|Calvados|Orne|Entraide|Collectivité)/
/** What a name pasted into a French sentence gives. */
const BROKEN: [RegExp, string][] = [
  [/\bde (?=[AEIOUYÉÈÊÀÂÎÔH])/, 'missing elision (« de E… »)'],
  [new RegExp(`\\bde ${NAMES.source}`), 'missing article (« de D… », « de Calvados »)'],
  [/\b(à|par|pour|avec|dans|en|sur) (Département|Collectivité)\b/, 'missing article (« à Département »)'],
  [/\b(le|la|les|du|de|au|des) (Le|La|Les|L’|Du|Des|De)\b/, 'doubled article (« le Le »)'],
  [/\b[lL][’'](?=[bcdfgjklmnpqrstvwxzBCDFGJKLMNPQRSTVWXZ])/, 'elision before a consonant'],
  [
    /(^|[.!?]\s)((Département|Collectivité) (du|de|des)|(Calvados|Orne) (est|s’|a|vous)) /,
    'bare name opening',
  ],
]

describe('French texts that name the territory', () => {
  it('read right whatever the territory is called, for every message of every catalogue', () => {
    const wrong: string[] = []
    for (const territory of territories) {
      // The easy-to-read texts too: they take the same forms.
      for (const easyRead of [false, true]) {
        const t = translator('fr', territoryNames(territory, 'fr'), { easyRead })
        for (const key of Object.keys(catalogues.fr)) {
          const text = t(key as MessageKey)
          for (const [pattern, what] of BROKEN) {
            if (pattern.test(text)) wrong.push(`${key} (${territory.officialName}): ${what}: ${text}`)
          }
        }
      }
    }
    assert.deepEqual([...new Set(wrong)], [])
  })

  it('derives the forms French needs from the names', () => {
    assert.deepEqual(deriveNameForms('Département du Calvados', 'Entraide Calvados'), {
      area: 'le Calvados',
      areaOf: 'du Calvados',
      areaIn: 'dans le Calvados',
      institution: 'le Département du Calvados',
      institutionOf: 'du Département du Calvados',
      institutionTo: 'au Département du Calvados',
    })
    const orne = deriveNameForms('Département de l’Orne', 'Entraide Orne')
    assert.deepEqual([orne.area, orne.areaOf, orne.areaIn], ['l’Orne', 'de l’Orne', 'dans l’Orne'])
    const corse = deriveNameForms('Collectivité de Corse', 'Entraide Corse')
    assert.deepEqual(
      [corse.institutionOf, corse.institutionTo, corse.areaIn],
      ['de la Collectivité de Corse', 'à la Collectivité de Corse', 'en Corse'],
    )
    const names = territoryNames(territories[0]!, 'fr')!
    assert.equal(names.platformOf, 'd’Entraide Calvados')
    const named = { officialName: 'Orne', platformName: 'Département du Calvados' }
    const forms = { ...named, nameForms: deriveNameForms(named.officialName, named.platformName) }
    assert.equal(territoryNames(forms, 'fr')!.platformOf, 'du Département du Calvados')
    assert.equal(territoryNames(territories[0]!, 'en')!.areaIn, 'in Calvados')
  })

  it('are never given a raw name by the code: sentences take their form from the translator', () => {
    const src = new URL('../../', import.meta.url).pathname
    const pasted = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.ts$/.test(f))
      .flatMap((f) =>
        [...readFileSync(join(src, f), 'utf8').matchAll(/\b(\w+): [\w.?!]*\.(platformName|officialName)\b/g)]
          .filter(
            (m) => !['platformName', 'officialName', 'publisher', 'fromName', 'platform'].includes(m[1]!),
          )
          .map((m) => `${f}: ${m[0]}`),
      )
    assert.deepEqual(pasted, [])
  })
})

describe('French apostrophes', () => {
  it('are typographic (’) in every French message', () => {
    const straight = Object.entries(catalogues.fr)
      .filter(([, text]) => text.includes("'"))
      .map(([key, text]) => `${key}: ${text}`)
    assert.deepEqual(straight, [])
  })
})
