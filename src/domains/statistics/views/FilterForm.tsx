import { Fragment } from 'preact'
import { CommuneField } from '../../../platform/geo/CommuneField.tsx'
import { dateTimeFormat } from '../../../platform/i18n/intl.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import type { FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { errorFor } from '../../../platform/views/fields.tsx'
import { Select } from '../../../platform/views/inputs.tsx'
import { DASHBOARD_PATH } from './paths.ts'

export interface FilterValues {
  du: string
  au: string
  commune: string
  categorie: string
}

export interface FilterOptions {
  /** 'YYYY-MM', newest first */
  months: string[]
  categories: { value: string; label: string }[]
  /** the presets, each a link to its period with the rest of the filter kept */
  presets: { label: string; href: string }[]
}

/** « janvier 2026 » */
export function monthLabel(month: string, locale: string): string {
  return dateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-15T12:00:00Z`))
}

/** The dashboard's filter: a GET form, so a filtered dashboard is an address to keep or send. */
export function FilterForm({
  ctx,
  values,
  options,
  errors,
}: {
  ctx: ViewContext
  values: FilterValues
  options: FilterOptions
  errors: FieldError[]
}) {
  const { t } = ctx
  const months = options.months.map((m) => ({ value: m, label: monthLabel(m, ctx.locale) }))
  return (
    <form method="get" action={DASHBOARD_PATH} class="filters bilan-filters" novalidate>
      <fieldset>
        <legend>{t('dashboard.filter.legend')}</legend>
        <p class="bilan-presets">
          {t('dashboard.filter.presets')}{' '}
          {options.presets.map((p, i) => (
            <Fragment key={p.href}>
              {i > 0 && ' · '}
              <a href={p.href}>{p.label}</a>
            </Fragment>
          ))}
        </p>
        <Select
          ctx={ctx}
          name="du"
          label={t('dashboard.filter.from')}
          value={values.du}
          placeholder={t('dashboard.filter.defaultFrom')}
          options={months}
          error={errorFor(errors, 'du')}
        />
        <Select
          ctx={ctx}
          name="au"
          label={t('dashboard.filter.to')}
          value={values.au}
          placeholder={t('dashboard.filter.defaultTo')}
          options={months}
          error={errorFor(errors, 'au')}
        />
        <CommuneField
          ctx={ctx}
          name="commune"
          id="commune"
          label={t('dashboard.filter.commune')}
          hint={t('dashboard.filter.communeHint')}
          value={values.commune}
          error={errorFor(errors, 'commune')}
        />
        <Select
          ctx={ctx}
          name="categorie"
          label={t('dashboard.filter.category')}
          value={values.categorie}
          placeholder={t('dashboard.filter.allCategories')}
          options={options.categories}
          error={errorFor(errors, 'categorie')}
        />
        <button type="submit">{t('dashboard.filter.submit')}</button>
      </fieldset>
    </form>
  )
}
