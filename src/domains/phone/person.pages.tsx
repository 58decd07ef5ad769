import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Commune } from '../../platform/geo/commune.ts'
import { communeLabel } from '../../platform/geo/commune.ts'
import { formatPhone } from '../../platform/phone-numbers.ts'
import type { AppServices } from '../../platform/services.ts'
import { localised } from '../../platform/tenancy/territory.ts'
import { type Issue, translateIssues } from '../../platform/validation.ts'
import { sendPage } from '../../platform/views/render.ts'
import { accountCards } from '../accounts/index.ts'
import { listCategories } from '../categories/index.ts'
import { casesOfPerson } from './case.repository.ts'
import { viewReasonOf } from './case.ts'
import { CaseAskService } from './case-ask.service.ts'
import type { PersonRow } from './person.repository.ts'
import { type ConsentWithdrawnHook, PersonService } from './person.service.ts'
import { PersonSmsService } from './person-sms.service.ts'
import {
  AskForm,
  askKeys,
  idParams,
  LinkForm,
  line,
  notice,
  PersonForm,
  personKeys,
  reasonQuery,
  SmsConsentForm,
  texts,
  WithdrawForm,
} from './phone.http.ts'
import { QueueService } from './queue.service.ts'
import { AskFormPage, type AskValues } from './views/AskFormPage.tsx'
import { PersonFormPage, type PersonValues } from './views/PersonFormPage.tsx'
import { PersonPage } from './views/PersonPage.tsx'
import { linePaths } from './views/paths.ts'

/** A person's record: recorded during a call, read (audited), changed, linked, withdrawn; and a new ask. */
export function personPages(hooks: readonly ConsentWithdrawnHook[]) {
  return async (base: FastifyInstance, services: AppServices) => {
    const app = base.withTypeProvider<TypeBoxTypeProvider>()
    const people = new PersonService(services, hooks)
    const asks = new CaseAskService(services)
    const sms = new PersonSmsService(services)
    const queue = new QueueService(services)
    const { db } = services.database

    const linePhone = (req: FastifyRequest) => {
      const phone = req.territory!.helplinePhone
      return phone ? formatPhone(phone) : null
    }

    const formPage = (
      req: FastifyRequest,
      reply: FastifyReply,
      values: PersonValues,
      issues: Issue[],
      extra: {
        choices?: Commune[]
        duplicates?: { id: string; firstName: string; lastName: string }[]
        editing?: PersonRow
      },
    ) => {
      const errors = translateIssues(issues, req.t)
      const editing = extra.editing && {
        id: extra.editing.id,
        name: `${extra.editing.firstName} ${extra.editing.lastName}`,
      }
      return sendPage(
        reply,
        PersonFormPage({
          ctx: req.viewContext(),
          values,
          errors,
          choices: extra.choices ?? [],
          duplicates: extra.duplicates ?? [],
          linePhone: linePhone(req),
          ...(editing ? { editing } : {}),
        }),
        errors.length > 0 ? 400 : 200,
      )
    }

    app.get(linePaths.newPerson, { config: line }, async (req, reply) => {
      const { consentWording } = await queue.settings(req.territory!.id)
      const values = Object.fromEntries(personKeys.map((k) => [k, ''])) as unknown as PersonValues
      return formPage(req, reply, { ...values, consentWording }, [], {})
    })

    app.post(linePaths.people, { schema: { body: PersonForm }, config: line }, async (req, reply) => {
      const values = texts(req.body, personKeys)
      const result = await people.create(req.actor, req.territory!, {
        ...values,
        confirmDuplicate: req.body.confirmDuplicate !== undefined,
      })
      if (result.kind === 'saved')
        return reply.redirect(`${linePaths.person(result.person.id)}?fait=personne`, 303)
      return formPage(req, reply, values, result.issues, result)
    })

    const valuesOf = async (req: FastifyRequest, p: PersonRow): Promise<PersonValues> => {
      const commune = await services.communes.find(req.territory!, p.communeInsee)
      return {
        firstName: p.firstName,
        lastName: p.lastName,
        phone: formatPhone(p.phone),
        commune: commune ? communeLabel(commune) : p.communeInsee,
        address: p.address ?? '',
        callTimes: p.callTimes ?? '',
        answeredBy: p.answeredBy ?? '',
        sharedContact: p.sharedContact,
        consentWording: p.consentWording,
      }
    }

    app.get(
      `${linePaths.people}/:id/modifier`,
      { schema: { params: idParams }, config: line },
      async (req, reply) => {
        // The form shows the number and the address back: a reading like the record's, audited.
        const person = await people.view(req.actor, req.territory!, req.params.id, 'follow-up', 'edit-form')
        return formPage(req, reply, await valuesOf(req, person), [], { editing: person })
      },
    )
    app.post(
      `${linePaths.people}/:id/modifier`,
      { schema: { params: idParams, body: PersonForm }, config: line },
      async (req, reply) => {
        const values = texts(req.body, personKeys)
        const person = await people.forForm(req.actor, req.territory!, req.params.id)
        const result = await people.edit(req.actor, req.territory!, person.id, {
          ...values,
          confirmDuplicate: req.body.confirmDuplicate !== undefined,
        })
        if (result.kind === 'saved')
          return reply.redirect(`${linePaths.person(person.id)}?fait=modifiee`, 303)
        return formPage(req, reply, values, result.issues, { ...result, editing: person })
      },
    )

    const recordPage = async (
      req: FastifyRequest,
      reply: FastifyReply,
      id: string,
      issues: Issue[] = [],
      values: { email?: string; reason?: string; smsConsentWording?: string } = {},
    ) => {
      const motif = (req.query as { motif?: string } | undefined)?.motif
      const person = await people.view(req.actor, req.territory!, id, viewReasonOf(motif))
      const [commune, list] = await Promise.all([
        services.communes.find(req.territory!, person.communeInsee),
        casesOfPerson(db, req.territory!.id, person.id),
      ])
      const names = await accountCards(
        db,
        [person.consentBy, person.accountId, person.smsConsentBy].filter((x): x is string => x !== null),
      )
      const errors = translateIssues(issues, req.t)
      return sendPage(
        reply,
        PersonPage({
          ctx: req.viewContext(),
          person,
          communeName: commune?.name ?? person.communeInsee,
          consentByName: person.consentBy ? (names.get(person.consentBy)?.displayName ?? null) : null,
          linkedAccountName: person.accountId ? (names.get(person.accountId)?.displayName ?? null) : null,
          smsByName: person.smsConsentBy ? (names.get(person.smsConsentBy)?.displayName ?? null) : null,
          smsOffered: services.sms.enabled,
          cases: list,
          errors,
          values,
          notice: notice(req),
        }),
        errors.length > 0 ? 400 : 200,
      )
    }

    app.get(
      `${linePaths.people}/:id`,
      { schema: { params: idParams, querystring: reasonQuery }, config: line },
      (req, reply) => recordPage(req, reply, req.params.id),
    )

    app.post(
      `${linePaths.people}/:id/retrait`,
      { schema: { params: idParams, body: WithdrawForm }, config: line },
      async (req, reply) => {
        const result = await people.withdrawConsent(req.actor, req.territory!, req.params.id, req.body.reason)
        if (result.kind === 'saved') return reply.redirect(`${linePaths.queue}?fait=retrait`, 303)
        return recordPage(req, reply, req.params.id, result.issues, { reason: req.body.reason ?? '' })
      },
    )

    app.post(
      `${linePaths.people}/:id/sms`,
      { schema: { params: idParams, body: SmsConsentForm }, config: line },
      async (req, reply) => {
        const wording = req.body.smsConsentWording ?? ''
        const result = await sms.recordConsent(req.actor, req.territory!, req.params.id, wording)
        if (result.kind === 'saved') return reply.redirect(`${linePaths.person(req.params.id)}?fait=sms`, 303)
        return recordPage(req, reply, req.params.id, result.issues, { smsConsentWording: wording })
      },
    )

    app.post(
      `${linePaths.people}/:id/sms/retrait`,
      { schema: { params: idParams }, config: line },
      async (req, reply) => {
        await sms.withdrawConsent(req.actor, req.territory!, req.params.id)
        return reply.redirect(`${linePaths.person(req.params.id)}?fait=sans-sms`, 303)
      },
    )

    app.post(
      `${linePaths.people}/:id/compte`,
      { schema: { params: idParams, body: LinkForm }, config: line },
      async (req, reply) => {
        const result = await people.linkAccount(req.actor, req.territory!, req.params.id, req.body.email)
        if (result.kind === 'saved')
          return reply.redirect(`${linePaths.person(req.params.id)}?fait=compte`, 303)
        return recordPage(req, reply, req.params.id, result.issues, { email: req.body.email ?? '' })
      },
    )

    const askPage = async (
      req: FastifyRequest,
      reply: FastifyReply,
      person: PersonRow,
      values: AskValues | null,
      issues: Issue[] = [],
      choices: Commune[] = [],
    ) => {
      const categories = await listCategories(db, req.territory!.id, { activeOnly: true })
      const commune = await services.communes.find(req.territory!, person.communeInsee)
      const errors = translateIssues(issues, req.t)
      return sendPage(
        reply,
        AskFormPage({
          ctx: req.viewContext(),
          person: {
            id: person.id,
            name: `${person.firstName} ${person.lastName}`,
            firstName: person.firstName,
          },
          categories: categories.map((c) => ({ id: c.id, name: localised(c.name, req.locale) })),
          values: values ?? {
            categoryId: '',
            title: '',
            description: '',
            urgency: '',
            commune: commune ? communeLabel(commune) : '',
          },
          errors,
          choices,
        }),
        errors.length > 0 ? 400 : 200,
      )
    }

    app.get(
      `${linePaths.people}/:id/demande`,
      { schema: { params: idParams }, config: line },
      async (req, reply) =>
        askPage(req, reply, await people.forForm(req.actor, req.territory!, req.params.id), null),
    )
    app.post(
      `${linePaths.people}/:id/demande`,
      { schema: { params: idParams, body: AskForm }, config: line },
      async (req, reply) => {
        const person = await people.forForm(req.actor, req.territory!, req.params.id)
        const values = texts(req.body, askKeys)
        const result = await asks.openAsk(req.actor, req.territory!, person.id, values)
        if (result.kind === 'saved')
          return reply.redirect(`${linePaths.case(result.caseId!)}?fait=demande`, 303)
        return askPage(
          req,
          reply,
          person,
          values,
          result.kind === 'invalid' ? result.issues : [],
          result.kind === 'invalid' ? (result.choices ?? []) : [],
        )
      },
    )
  }
}
