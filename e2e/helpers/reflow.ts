import type { Page } from 'playwright-core'

/**
 * Layout widths that must never need horizontal scrolling:
 * - 360 CSS px, a common small phone;
 * - 640 CSS px, what a 1280 px wide window lays out at 200 % browser zoom (zoom divides the
 *   CSS viewport; media queries and layout see the same 640 px). WCAG 1.4.4 asks for 200 %.
 */
export const REFLOW_WIDTHS = [
  { width: 360, why: '360 px phone' },
  { width: 640, why: '1280 px window at 200 % zoom' },
] as const

/** Measures at each width, then puts the viewport back as it was. */
export async function expectNoHorizontalScroll(page: Page, label = page.url()): Promise<void> {
  const original = page.viewportSize()
  const failures: string[] = []
  try {
    for (const { width, why } of REFLOW_WIDTHS) {
      await page.setViewportSize({ width, height: 800 })
      const { scrollWidth, widest } = await page.evaluate(() => {
        const root = document.documentElement
        // Name the widest element so a failure says what to fix, not just that something overflows.
        let widest = ''
        let right = root.clientWidth
        for (const el of Array.from(document.body.querySelectorAll('*'))) {
          const box = el.getBoundingClientRect()
          if (box.right > right + 0.5) {
            right = box.right
            widest = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} (right edge ${Math.round(box.right)} px)`
          }
        }
        return { scrollWidth: root.scrollWidth, widest }
      })
      if (scrollWidth > width)
        failures.push(`${why}: page is ${scrollWidth} px wide; widest: ${widest || 'unknown'}`)
    }
  } finally {
    if (original) await page.setViewportSize(original)
  }
  if (failures.length > 0) throw new Error(`horizontal scroll on ${label}:\n  ${failures.join('\n  ')}`)
}
