import { and, asc, eq, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../platform/db/client.ts'
import type { PersonFields } from './person.ts'
import { phonePeople } from './phone.schema.ts'

export type PersonRow = typeof phonePeople.$inferSelect

export interface NewPerson extends PersonFields {
  id: string
  territoryId: string
  /** the agent who read the consent, or the person themselves when they register online */
  consentBy: string | null
  accountId: string | null
  at: Date
}

/** Writes a person's record with the consent they gave; the caller checked the fields first. */
export async function insertPerson(db: DbOrTx, person: NewPerson): Promise<PersonRow> {
  const { at, ...fields } = person
  const [row] = await db
    .insert(phonePeople)
    .values({ ...fields, consentAt: at, createdBy: person.consentBy, createdAt: at, updatedAt: at })
    .returning()
  if (!row) throw new Error('phone_people insert returned no row')
  return row
}

/** A person of the territory whose consent still holds; anyone else is « not found ». */
export async function findPerson(db: DbOrTx, territoryId: string, id: string): Promise<PersonRow | null> {
  const [row] = await db
    .select()
    .from(phonePeople)
    .where(
      and(
        eq(phonePeople.territoryId, territoryId),
        eq(phonePeople.id, id),
        isNull(phonePeople.consentWithdrawnAt),
      ),
    )
  return row ?? null
}

/** What an agent may change on a record; the consent itself is only ever withdrawn. */
export type PersonChanges = Partial<
  Pick<
    PersonRow,
    | 'firstName'
    | 'lastName'
    | 'phone'
    | 'communeInsee'
    | 'address'
    | 'callTimes'
    | 'answeredBy'
    | 'sharedContact'
  >
>

/** Changes a record whose consent still holds; null when there is none (withdrawn meanwhile). */
export async function updatePerson(
  db: DbOrTx,
  territoryId: string,
  id: string,
  changes: PersonChanges & { accountId?: string; updatedAt: Date },
): Promise<PersonRow | null> {
  const [row] = await db
    .update(phonePeople)
    .set(changes)
    .where(
      and(
        eq(phonePeople.territoryId, territoryId),
        eq(phonePeople.id, id),
        isNull(phonePeople.consentWithdrawnAt),
      ),
    )
    .returning()
  return row ?? null
}

/** Marks the consent withdrawn, once: the second of two withdrawals at once finds nothing. */
export async function markConsentWithdrawn(db: DbOrTx, territoryId: string, id: string, at: Date) {
  const rows = await db
    .update(phonePeople)
    .set({ consentWithdrawnAt: at, updatedAt: at })
    .where(
      and(
        eq(phonePeople.territoryId, territoryId),
        eq(phonePeople.id, id),
        isNull(phonePeople.consentWithdrawnAt),
      ),
    )
    .returning({ id: phonePeople.id })
  return rows.length > 0
}

/** The records of the territory with this number (E.164), for the duplicate warning. */
export function peopleWithPhone(db: DbOrTx, territoryId: string, phone: string, exceptId?: string) {
  return db
    .select({ id: phonePeople.id, firstName: phonePeople.firstName, lastName: phonePeople.lastName })
    .from(phonePeople)
    .where(
      and(
        eq(phonePeople.territoryId, territoryId),
        eq(phonePeople.phone, phone),
        isNull(phonePeople.consentWithdrawnAt),
        exceptId ? ne(phonePeople.id, exceptId) : undefined,
      ),
    )
    .limit(5)
}

export interface PeopleQuery {
  /** accent- and case-free, as search_name holds it: the caller normalised it */
  name: string | null
  phone: string | null
  communeInsee: string | null
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/**
 * People by name, number and commune, every given criterion applying. A name matches as a part
 * of « prénom nom » (either apostrophe) through the trigram index on search_name, or as a near
 * spelling of it (« lefevbre »), best first.
 */
export function searchPeople(db: DbOrTx, territoryId: string, q: PeopleQuery, limit = 30) {
  const name = q.name
  const other = name?.includes("'") ? name.replaceAll("'", '’') : name?.replaceAll('’', "'")
  const byName = name
    ? or(
        sql`${phonePeople.searchName} like immutable_unaccent(lower(${likePattern(name)}))`,
        sql`${phonePeople.searchName} like immutable_unaccent(lower(${likePattern(other ?? name)}))`,
        sql`${phonePeople.searchName} % immutable_unaccent(lower(${name}))`,
      )
    : undefined
  return db
    .select()
    .from(phonePeople)
    .where(
      and(
        eq(phonePeople.territoryId, territoryId),
        isNull(phonePeople.consentWithdrawnAt),
        byName,
        q.phone ? eq(phonePeople.phone, q.phone) : undefined,
        q.communeInsee ? eq(phonePeople.communeInsee, q.communeInsee) : undefined,
      ),
    )
    .orderBy(
      name
        ? sql`similarity(${phonePeople.searchName}, immutable_unaccent(lower(${name}))) desc`
        : asc(phonePeople.lastName),
      asc(phonePeople.id),
    )
    .limit(limit)
}

/** Several records at once (the queue's rows), withdrawn ones left out. */
export async function peopleByIds(db: DbOrTx, territoryId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, PersonRow>()
  const rows = await db
    .select()
    .from(phonePeople)
    .where(
      and(
        eq(phonePeople.territoryId, territoryId),
        inArray(phonePeople.id, [...ids]),
        isNull(phonePeople.consentWithdrawnAt),
      ),
    )
  return new Map(rows.map((p) => [p.id, p]))
}

/** The person's agreement to SMS as the agent recorded it, or none (null). */
export async function setSmsConsent(
  db: DbOrTx,
  territoryId: string,
  id: string,
  consent: { wording: string; at: Date; by: string } | null,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(phonePeople)
    .set({
      smsConsentWording: consent?.wording ?? null,
      smsConsentAt: consent?.at ?? null,
      smsConsentBy: consent?.by ?? null,
      updatedAt: at,
    })
    .where(
      and(
        eq(phonePeople.territoryId, territoryId),
        eq(phonePeople.id, id),
        isNull(phonePeople.consentWithdrawnAt),
      ),
    )
    .returning({ id: phonePeople.id })
  return rows.length > 0
}

/** A « STOP » from this number: no person of the territory with it gets SMS until an agent records a new agreement. */
export async function clearSmsConsentOfPhone(
  db: DbOrTx,
  territoryId: string,
  phone: string,
  at: Date,
): Promise<void> {
  await db
    .update(phonePeople)
    .set({ smsConsentWording: null, smsConsentAt: null, smsConsentBy: null, updatedAt: at })
    .where(
      and(
        eq(phonePeople.territoryId, territoryId),
        eq(phonePeople.phone, phone),
        isNotNull(phonePeople.smsConsentAt),
      ),
    )
}
