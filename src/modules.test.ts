import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { getTableName, isTable } from 'drizzle-orm'
import { installModules, modules } from './modules.ts'
import * as platformSchema from './platform/db/platform.schema.ts'
import { catalogues, easyCatalogues } from './platform/i18n/catalogues.ts'
import { easyReadProblems } from './platform/i18n/easy-read.ts'
import * as schemaIndex from './schema.ts'

installModules()

const srcDir = new URL('./', import.meta.url).pathname

function sourceFiles(): string[] {
  return (
    readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
      // The texts' own tables name every key: a key is used when code outside them names it.
      .filter(
        (f) =>
          /\.(ts|tsx)$/.test(f) &&
          !f.endsWith('.messages.ts') &&
          !f.endsWith('.easy-read.ts') &&
          !/\.test\.ts$/.test(f),
      )
      .map((f) => join(srcDir, f))
  )
}

const tableNames = (namespace: Record<string, unknown>) =>
  new Set(
    Object.values(namespace)
      .filter(isTable)
      .map((table) => getTableName(table)),
  )

describe('module descriptions', () => {
  it('have distinct names', () => {
    const names = modules.map((m) => m.name)
    assert.deepEqual([...new Set(names)], names)
  })

  it('bring texts in both languages, with the same placeholders, none empty', () => {
    const fr = catalogues.fr
    const en = catalogues.en
    assert.deepEqual(Object.keys(en).sort(), Object.keys(fr).sort())
    for (const key of Object.keys(fr)) {
      assert.ok(fr[key]!.trim() && en[key]!.trim(), `empty text for ${key}`)
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
      assert.deepEqual(holes(en[key]!), holes(fr[key]!), `placeholders differ for ${key}`)
    }
  })

  it('use every text key somewhere in the code, written literally', () => {
    const code = sourceFiles()
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n')
    const unused = Object.keys(catalogues.fr).filter((key) => !code.includes(`'${key}'`))
    assert.deepEqual(unused, [], `keys never used: ${unused.join(', ')}`)
  })

  it('have every *.messages.ts table registered', () => {
    // A table no module lists would leave its keys showing as raw keys on the pages.
    const registered = new Set(Object.keys(catalogues.fr))
    const files = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.messages.ts'),
    )
    for (const file of files) {
      const keys = [...readFileSync(join(srcDir, file), 'utf8').matchAll(/^ {4}'([\w.-]+)':/gm)].map(
        (m) => m[1]!,
      )
      const missing = keys.filter((key) => !registered.has(key))
      assert.deepEqual(missing, [], `${file} has keys no module registers`)
    }
  })

  it('bring easy-to-read texts for existing keys only, with the usual text’s placeholders', () => {
    assert.ok(Object.keys(easyCatalogues.fr).length > 0)
    assert.deepEqual(Object.keys(easyCatalogues.en).sort(), Object.keys(easyCatalogues.fr).sort())
    assert.deepEqual(easyReadProblems(catalogues, easyCatalogues), [])
  })

  it('have every *.easy-read.ts table registered', () => {
    // A table no module lists would leave its journey in the usual words.
    const registered = new Set(Object.keys(easyCatalogues.fr))
    const files = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.easy-read.ts'),
    )
    assert.ok(files.length > 0)
    for (const file of files) {
      const keys = [...readFileSync(join(srcDir, file), 'utf8').matchAll(/^ {4}'([\w.-]+)':/gm)].map(
        (m) => m[1]!,
      )
      const missing = keys.filter((key) => !registered.has(key))
      assert.deepEqual(missing, [], `${file} has keys no module registers`)
    }
  })

  it('declare exactly the tables the schema index gives drizzle-kit', () => {
    const declared = new Set([
      ...tableNames(platformSchema),
      ...modules.flatMap((m) => [...tableNames(m.schema)]),
    ])
    assert.deepEqual([...tableNames(schemaIndex)].sort(), [...declared].sort())
  })
})
