/**
 * Intl formatters kept once made. Making one costs tens of microseconds (it loads its locale's
 * data), using one almost nothing, and pages format dozens of dates and numbers: a producers'
 * page spent a fifth of its time making the same month and weekday formatters again. The options
 * a project passes are few and fixed, so the maps stay small.
 */
const made = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>()

function kept<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(
  kind: string,
  locale: string,
  options: object | undefined,
  make: () => T,
): T {
  const name = `${kind}|${locale}|${options ? JSON.stringify(options) : ''}`
  let format = made.get(name) as T | undefined
  if (!format) {
    format = make()
    // Options come from code, not from people; the bound only guards a mistake that would grow it.
    if (made.size > 500) made.clear()
    made.set(name, format)
  }
  return format
}

export const dateTimeFormat = (locale: string, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  kept('date', locale, options, () => new Intl.DateTimeFormat(locale, options))

export const numberFormat = (locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat =>
  kept('number', locale, options, () => new Intl.NumberFormat(locale, options))

export const relativeTimeFormat = (
  locale: string,
  options?: Intl.RelativeTimeFormatOptions,
): Intl.RelativeTimeFormat =>
  kept('relative', locale, options, () => new Intl.RelativeTimeFormat(locale, options))
