import type { MessageKey, Params, Translate } from './i18n/i18n.ts'

export interface Issue {
  field: string
  key: MessageKey
  params?: Params
}

/** Raised by a use case when input breaks a rule; nothing has been written when it is thrown. */
export class ValidationError extends Error {
  constructor(readonly issues: Issue[]) {
    super(`invalid input: ${issues.map((i) => `${i.field} (${i.key})`).join(', ')}`)
  }
}

export function translateIssues(issues: Issue[], t: Translate) {
  return issues.map((i) => ({ field: i.field, message: t(i.key, i.params) }))
}

/** Ids in addresses are UUIDs; anything else names nothing and is simply not found. */
export const isUuid = (value: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
