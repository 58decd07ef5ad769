import type { ViewContext } from '../../../platform/views/context.ts'
import { type HoursInput, monthName, seasonOf, spokenTime, weekdayName } from '../producer.ts'

// How pages put a producer's months and hours into words.

/** « disponible de mai à septembre », « disponible toute l'année », « disponible en mai, juillet ». */
export function seasonText(ctx: ViewContext, months: readonly number[]): string {
  const season = seasonOf(months)
  const name = (m: number) => monthName(m, ctx.locale)
  if (season.kind === 'all') return ctx.t('producers.page.allYear')
  if (season.kind === 'range')
    return ctx.t('producers.page.range', { from: name(season.from), to: name(season.to) })
  return ctx.t('producers.page.months', { months: season.months.map(name).join(', ') })
}

export const timeText = (ctx: ViewContext, time: string) => spokenTime(time, ctx.locale)

/** « lundi : de 9 h à 12 h ; samedi : de 8 h à 13 h » */
export function hoursText(ctx: ViewContext, hours: readonly HoursInput[]): string {
  return hours.map((h) => hourRow(ctx, h)).join(' ; ')
}

export function hourRow(ctx: ViewContext, h: HoursInput): string {
  return ctx.t('producers.page.hoursRow', {
    day: weekdayName(h.weekday, ctx.locale),
    opens: timeText(ctx, h.opens),
    closes: timeText(ctx, h.closes),
  })
}

/** The address of a photo; its hash in the query, so that a new photo is a new address. */
export const photoUrl = (organisationId: string, photo: { id: string; etag: string }) =>
  `/producteurs/${organisationId}/photos/${photo.id}?v=${encodeURIComponent(photo.etag.slice(0, 12))}`
