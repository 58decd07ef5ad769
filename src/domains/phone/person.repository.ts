import { and, eq, isNull } from 'drizzle-orm'
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
