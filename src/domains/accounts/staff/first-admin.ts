import { type LinkConfig, territoryBaseUrl } from '../../../platform/http/links.ts'
import type { AppServices } from '../../../platform/services.ts'
import type { Territory } from '../../../platform/tenancy/territory.ts'
import { type Issue, ValidationError } from '../../../platform/validation.ts'
import { findAccountByEmail, grantRole, insertAccount } from '../identity/account.repository.ts'
import { emailProblem, normaliseEmail } from '../identity/email-address.ts'
import { DISPLAY_NAME_MAX, displayNameProblem, normaliseDisplayName } from '../profile/profile.ts'
import { InvitationService } from './invitation.service.ts'
import { largestCommune } from './staff.repository.ts'

/** Where the link mailed points: the territory's own address, which a territory without a host lacks. */
export function territoryLinkBase(territory: Territory, config: LinkConfig): string {
  if (territory.hostnames.length > 0) return territoryBaseUrl(config, territory)
  if (config.publicUrl) return config.publicUrl
  throw new ValidationError([{ field: 'territory', key: 'admin.cli.noHost' }])
}

/**
 * `entraide create-admin`: the first administrator of a territory, before anyone can invite.
 * The account is made without a password and with the role already granted; the link mailed
 * (and printed, for an operator without working mail yet) lets its owner choose the password,
 * accept the charter, then set up their second factor.
 */
export async function createAdministrator(
  services: AppServices,
  territory: Territory,
  input: { email: string; name?: string | undefined; commune?: string | undefined },
): Promise<{ link: string; created: boolean }> {
  const email = normaliseEmail(input.email)
  const displayName = normaliseDisplayName(input.name ?? 'Administration')
  const issues: Issue[] = []
  const badEmail = emailProblem(email)
  if (badEmail) issues.push({ field: 'email', key: badEmail })
  const badName = displayNameProblem(displayName)
  if (badName) issues.push({ field: 'name', key: badName, params: { max: DISPLAY_NAME_MAX } })
  const { database, clock, ids, audit, communes, config, sessions } = services
  let communeInsee: string | null = null
  if (input.commune) {
    const found = await communes.resolve(territory, input.commune)
    if (found.kind === 'one') communeInsee = found.commune.insee
    else issues.push({ field: 'commune', key: 'admin.cli.commune' })
  } else communeInsee = await largestCommune(database.db, territory.departements)
  if (!communeInsee && issues.length === 0) issues.push({ field: 'commune', key: 'admin.cli.commune' })
  if (issues.length > 0 || !communeInsee) throw new ValidationError(issues)

  const base = territoryLinkBase(territory, config)
  const existing = await findAccountByEmail(database.db, email)
  const now = clock.now()
  const accountId = existing?.id ?? ids()
  const link = await database.db.transaction(async (tx) => {
    if (!existing) {
      // The charter is accepted with the invitation: until then the version stays empty.
      await insertAccount(tx, {
        id: accountId,
        territoryId: territory.id,
        email,
        emailVerifiedAt: null,
        passwordHash: null,
        displayName,
        communeInsee,
        charterVersion: '',
        charterAcceptedAt: now,
        privacyVersion: '',
        privacyAcceptedAt: now,
        createdAt: now,
        updatedAt: now,
      })
    }
    await grantRole(tx, {
      accountId,
      territoryId: territory.id,
      role: 'administrator',
      grantedBy: null,
      grantedAt: now,
    })
    await audit.record(
      {
        territoryId: territory.id,
        actorId: null,
        action: 'role.granted',
        targetId: accountId,
        details: { role: 'administrator', via: 'command-line' },
      },
      tx,
    )
    // A new role is a change of privileges: sessions opened before it must not carry it.
    await sessions.endAll(accountId, { tx })
    const account = existing ?? null
    return new InvitationService(services).issue(
      tx,
      territory,
      { email, role: 'administrator', account, invitedBy: null },
      base,
    )
  })
  return { link, created: !existing }
}
