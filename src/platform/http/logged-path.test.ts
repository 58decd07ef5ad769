import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { randomToken } from '../auth/secrets.ts'
import { loggedPath, loggerOptions } from './logging.ts'

describe('the path a log line keeps', () => {
  it('drops a token carried in the path, as an appeal link does, and the query string', () => {
    const token = randomToken()
    assert.equal(loggedPath(`/recours/${token}`), '/recours/:secret')
    assert.equal(loggedPath(`/recours/${token}?x=1`), '/recours/:secret')
    const serialized = loggerOptions('info').serializers.req({
      method: 'GET',
      url: `/recours/${token}`,
      id: 'r',
    } as never)
    assert.doesNotMatch(JSON.stringify(serialized), new RegExp(token))
  })

  it('keeps ids and readable names, which say what was asked for', () => {
    const id = '0b5c2d7e-1f3a-4c5d-8e9f-0a1b2c3d4e5f'
    assert.equal(
      loggedPath(`/administration/moderation/recours/${id}`),
      `/administration/moderation/recours/${id}`,
    )
    const slug = '/organisations/association-des-amis-du-patrimoine-de-bayeux-et-environs'
    assert.equal(loggedPath(slug), slug)
    assert.equal(loggedPath('/annonces?mots=Marie'), '/annonces')
  })
})
