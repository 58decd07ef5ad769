import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { passwordProblem } from '../../../platform/auth/passwords.ts'
import { displayNameProblem } from '../profile/profile.ts'
import { DEMO_RESIDENTS } from './demo-residents.ts'
import { emailProblem } from './email-address.ts'

describe('demonstration residents', () => {
  it('follow the rules every person follows: name, address and password', async () => {
    for (const resident of DEMO_RESIDENTS) {
      assert.equal(displayNameProblem(resident.displayName), null)
      assert.equal(emailProblem(resident.email), null)
      assert.equal(await passwordProblem(resident.password, [resident.email, resident.displayName]), null)
    }
  })
})
