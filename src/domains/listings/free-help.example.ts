/** One labelled text of the free-help rule's corpus: commercial when a moderator should hold it. */
export interface FreeHelpExample {
  title: string
  description: string
  commercial: boolean
}

/**
 * Examples written one per line as « title — description », so that a long list stays readable
 * and each text fits on one line.
 */
export function examplesFromLines(lines: readonly string[], commercial: boolean): FreeHelpExample[] {
  return lines.map((line) => {
    const cut = line.indexOf(' — ')
    if (cut < 0) throw new Error(`an example needs « title — description »: ${line}`)
    return { title: line.slice(0, cut), description: line.slice(cut + 3), commercial }
  })
}
