import type { ComponentChildren } from 'preact'

/**
 * The box of a wide table, which scrolls sideways on a small screen or at 200 % zoom. It is
 * focusable and named, so that someone on a keyboard can scroll it too, and a screen reader
 * announces what it holds.
 */
export function ScrollRegion({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the keyboard's focus (WCAG 2.1.1)
    <section class="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  )
}
