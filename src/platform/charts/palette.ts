/**
 * The series' colours, from the stylesheet's palette (--primary, the green of the success
 * notices, --error, --muted): each has a contrast of 3:1 or more against white (WCAG 1.4.11), and
 * every series also differs by its dash and its symbol, for those who do not tell the colours apart.
 */
export const SERIES = [
  { colour: '#1f4e8c', dash: 'none', symbol: 'circle' },
  { colour: '#b00020', dash: '8 4', symbol: 'square' },
  { colour: '#00703c', dash: '2 3', symbol: 'triangle' },
  { colour: '#4a4a4a', dash: '12 3 2 3', symbol: 'diamond' },
] as const

export const seriesStyle = (i: number) => SERIES[i % SERIES.length] ?? SERIES[0]

export const BAR = '#1f4e8c'
/** The territory's communes behind the symbols: context only, so faint on purpose. */
export const FAINT = '#b8b8b8'
