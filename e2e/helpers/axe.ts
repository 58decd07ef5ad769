import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

let axeSource: Promise<string> | undefined
const loadAxe = () => {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  return axeSource
}

interface Violation {
  id: string
  impact: string | null
  help: string
  helpUrl: string
  nodes: { target: unknown[] }[]
}

/**
 * Runs axe-core on the page as it is now, against WCAG 2.1 A and AA (the basis of RGAA 4),
 * and fails with one readable line per rule and the selectors of the offending elements.
 *
 * axe is evaluated through the DevTools protocol, which the page's Content-Security-Policy
 * does not govern; that keeps the policy enforced during the journeys, so that a page whose
 * own scripts or styles the policy would block still fails them.
 */
export async function expectAccessible(page: Page, label = page.url()): Promise<void> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object')
  if (!loaded) await page.evaluate(await loadAxe())
  const violations = (await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as { axe: { run: (...args: unknown[]) => Promise<{ violations: unknown[] }> } }
    ).axe
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    })
    return results.violations
  }, WCAG_21_AA)) as Violation[]
  if (violations.length === 0) return
  const lines = violations.map((v) => {
    const targets = v.nodes.map((n) => `      ${n.target.map(String).join(' >>> ')}`).join('\n')
    return `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.helpUrl}\n${targets}`
  })
  throw new Error(
    `axe found ${violations.length} accessibility violation(s) on ${label}:\n${lines.join('\n')}`,
  )
}
