import { findDevEmail, listDevEmails } from '../../src/platform/mail/dev-outbox.repository.ts'
import type { TestApp } from './app.ts'

/** Runs the queued jobs, then returns the mails an address received in the development outbox, newest first. */
export async function outboxMails(t: TestApp, address: string) {
  await t.app.services.worker.runDue()
  const all = await listDevEmails(t.db.db, null, 500)
  const mine = all.filter((m) => m.recipient === address)
  return Promise.all(mine.map(async (m) => (await findDevEmail(t.db.db, m.id, null))!))
}

/** The first single-use link in a mail's text: its URL, path with query, and token. */
export function firstLink(text: string) {
  const url = new URL(/https?:\/\/\S+jeton=[\w-]+/.exec(text)![0])
  return { url, path: `${url.pathname}${url.search}`, jeton: url.searchParams.get('jeton')! }
}
