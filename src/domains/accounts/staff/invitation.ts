import { passwordProblem } from '../../../platform/auth/passwords.ts'
import type { CommuneService } from '../../../platform/geo/commune.service.ts'
import type { Commune } from '../../../platform/geo/commune.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import type { Issue } from '../../../platform/validation.ts'
import { DISPLAY_NAME_MAX, displayNameProblem, normaliseDisplayName } from '../profile/profile.ts'

/** What a person without an account (or without a password yet) fills in to accept. */
export interface AcceptInput {
  displayName: string
  commune: string
  password: string
  charter: boolean
  privacy: boolean
}

/**
 * Checks the acceptance form. A new account gives its name and commune; an account an operator
 * made only chooses its password. Both accept the charter and read the privacy policy.
 */
export async function checkAcceptForm(
  communes: CommuneService,
  territory: Territory,
  email: string,
  input: AcceptInput,
  newAccount: boolean,
): Promise<{ issues: Issue[]; choices: Commune[] } | { displayName: string; communeInsee: string }> {
  const issues: Issue[] = []
  let choices: Commune[] = []
  const displayName = normaliseDisplayName(input.displayName)
  let communeInsee = ''
  if (newAccount) {
    const nameProblem = displayNameProblem(displayName)
    if (nameProblem)
      issues.push({ field: 'displayName', key: nameProblem, params: { max: DISPLAY_NAME_MAX } })
    const found = input.commune.trim() ? await communes.resolve(territory, input.commune) : null
    if (found?.kind === 'one') communeInsee = found.commune.insee
    else {
      if (found?.kind === 'many') choices = found.communes
      const key = !found
        ? 'admin.invitation.commune.required'
        : found.kind === 'many'
          ? 'admin.invitation.commune.choose'
          : 'admin.invitation.commune.unknown'
      issues.push({ field: 'commune', key })
    }
  }
  const weak = await passwordProblem(input.password, [email, displayName])
  if (weak) issues.push({ field: 'password', key: weak.key, params: weak.params })
  if (!input.charter) issues.push({ field: 'charter', key: 'admin.invitation.charter.required' })
  if (!input.privacy) issues.push({ field: 'privacy', key: 'admin.invitation.privacy.required' })
  return issues.length > 0 ? { issues, choices } : { displayName, communeInsee }
}
