import { sql } from 'drizzle-orm'
import type { Database } from '../../src/platform/db/client.ts'

/**
 * Makes every transaction that writes to `table` fail as it commits, once all its statements
 * have run: a constraint trigger deferred to the commit, as a check that only holds at the end
 * would. What else the transaction did (sessions ended, audit rows, jobs) must roll back with it.
 * Returns the function that lifts the failure.
 */
export async function failCommitsWriting(database: Database, table: string): Promise<() => Promise<void>> {
  await database.db.execute(
    sql.raw(`CREATE OR REPLACE FUNCTION test_refuse_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'commit refused by the test'; END $$`),
  )
  await database.db.execute(
    sql.raw(`CREATE CONSTRAINT TRIGGER test_refuse_commit AFTER INSERT OR UPDATE OR DELETE ON ${table}
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_refuse_commit()`),
  )
  return async () => {
    await database.db.execute(sql.raw(`DROP TRIGGER test_refuse_commit ON ${table}`))
  }
}
