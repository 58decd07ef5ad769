/** What every chart says in words: its name and a sentence or two for screen readers. */
export interface ChartText {
  title: string
  description: string
}

/** `date` is 'YYYY-MM-DD', a week's Monday or a month's 1st. */
export interface TimePoint {
  date: string
  value: number
}
