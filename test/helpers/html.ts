import { parseHTML } from 'linkedom'

/** Reads a page as a person would: by headings, link texts, labels and visible text. */
export function page(html: string) {
  const { document } = parseHTML(html)
  const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim()
  return {
    document,
    title: () => clean(document.querySelector('title')?.textContent),
    h1: () => clean(document.querySelector('h1')?.textContent),
    text: (selector = 'body') => clean(document.querySelector(selector)?.textContent),
    all: (selector: string) => [...document.querySelectorAll(selector)].map((e) => clean(e.textContent)),
    /** the href of the link whose text is exactly `name` */
    link(name: string): string | undefined {
      const a = [...document.querySelectorAll('a')].find((e) => clean(e.textContent) === name)
      return a?.getAttribute('href') ?? undefined
    },
    /** the form control labelled `label` */
    field(label: string) {
      const l = [...document.querySelectorAll('label')].find((e) => clean(e.textContent).startsWith(label))
      const id = l?.getAttribute('for')
      return id ? document.getElementById(id) : null
    },
    errorSummary: () =>
      [...document.querySelectorAll('.error-summary li a')].map((a) => ({
        text: clean(a.textContent),
        href: a.getAttribute('href'),
      })),
  }
}
