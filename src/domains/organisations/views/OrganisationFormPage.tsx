import { CommuneInput } from '../../../platform/geo/CommuneField.tsx'
import type { Commune } from '../../../platform/geo/commune.ts'
import type { ViewContext } from '../../../platform/views/context.ts'
import { ErrorSummary, type FieldError } from '../../../platform/views/ErrorSummary.tsx'
import { Choices, CsrfField, errorFor, pageTitle, TextField } from '../../../platform/views/fields.tsx'
import { TextArea } from '../../../platform/views/inputs.tsx'
import { Layout } from '../../../platform/views/Layout.tsx'
import { aidStructureTypes, contactKinds, organisationKinds } from '../organisation.schema.ts'
import { DESCRIPTION_MAX, NAME_MAX } from '../organisation.ts'
import { AID_TYPE_LABEL, KIND_LABEL } from './labels.ts'

/** Everything the form shows again after an error, as typed. */
export interface OrganisationFormValues {
  name: string
  kind: string
  aidType: string
  registration: string
  commune: string
  description: string
  contactKind: string
  contactValue: string
}

export const emptyOrganisationForm: OrganisationFormValues = {
  name: '',
  kind: '',
  aidType: '',
  registration: '',
  commune: '',
  description: '',
  contactKind: 'email',
  contactValue: '',
}

const contactLabel = {
  email: 'organisation.contactKind.email',
  phone: 'organisation.contactKind.phone',
  website: 'organisation.contactKind.website',
} as const

interface Props {
  ctx: ViewContext
  /** absent for a new organisation */
  editing?: { id: string; name: string }
  values: OrganisationFormValues
  errors: FieldError[]
  communeChoices: Commune[]
}

export function OrganisationFormPage({ ctx, editing, values, errors, communeChoices }: Props) {
  const { t } = ctx
  const title = editing ? t('organisation.edit.title', { name: editing.name }) : t('organisation.new.title')
  const action = editing ? `/organisations/${editing.id}/modifier` : '/organisations/nouvelle'
  const err = (field: string) => errorFor(errors, field)
  return (
    <Layout ctx={ctx} title={pageTitle(ctx, title, errors)} scripts={['commune-field.js']}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {!editing && <p>{t('organisation.new.intro')}</p>}
      <form method="post" action={action} novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="name"
          label={t('organisation.name.label')}
          hint={t('organisation.name.hint', { max: NAME_MAX })}
          value={values.name}
          error={err('name')}
        />
        <Choices
          ctx={ctx}
          id="kind"
          name="kind"
          type="radio"
          legend={t('organisation.kind.legend')}
          error={err('kind')}
          options={organisationKinds.map((k) => ({ value: k, label: t(KIND_LABEL[k]) }))}
          checked={[values.kind]}
        />
        <Choices
          ctx={ctx}
          id="aidType"
          name="aidType"
          type="radio"
          legend={t('organisation.aidType.legend')}
          hint={t('organisation.aidType.hint')}
          error={err('aidType')}
          options={aidStructureTypes.map((k) => ({ value: k, label: t(AID_TYPE_LABEL[k]) }))}
          checked={[values.aidType]}
        />
        <TextField
          ctx={ctx}
          name="registration"
          label={t('organisation.registration.label')}
          hint={t('organisation.registration.hint')}
          value={values.registration}
          error={err('registration')}
        />
        <CommuneInput
          ctx={ctx}
          label={t('organisation.commune.label')}
          hint={t('organisation.commune.hint')}
          value={values.commune}
          error={err('commune')}
          choices={communeChoices}
        />
        <TextArea
          ctx={ctx}
          name="description"
          label={t('organisation.description.label')}
          hint={t('organisation.description.hint', { max: DESCRIPTION_MAX })}
          value={values.description}
          error={err('description')}
        />
        <Choices
          ctx={ctx}
          id="contactKind"
          name="contactKind"
          type="radio"
          legend={t('organisation.contactKind.legend')}
          hint={t('organisation.contactKind.hint')}
          error={err('contactKind')}
          options={contactKinds.map((k) => ({ value: k, label: t(contactLabel[k]) }))}
          checked={[values.contactKind]}
        />
        <TextField
          ctx={ctx}
          name="contactValue"
          label={t('organisation.contactValue.label')}
          hint={t('organisation.contactValue.hint')}
          value={values.contactValue}
          error={err('contactValue')}
        />
        <button type="submit">{editing ? t('organisation.save') : t('organisation.submit')}</button>
      </form>
    </Layout>
  )
}
