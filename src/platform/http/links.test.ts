import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Territory } from '../tenancy/territory.ts'
import { territoryBaseUrl } from './links.ts'

const territory = (hostnames: string[]) => ({ hostnames }) as Territory

describe('the address of links written outside a request', () => {
  it('in production: PUBLIC_URL for its own territory, the first host over HTTPS for another', () => {
    const config = { env: 'production', port: 3000, publicUrl: 'https://entraide.calvados.test' } as const
    assert.equal(
      territoryBaseUrl(config, territory(['entraide.calvados.test'])),
      'https://entraide.calvados.test',
    )
    assert.equal(
      territoryBaseUrl(config, territory(['entraide.manche.test'])),
      'https://entraide.manche.test',
    )
  })

  it('in development without PUBLIC_URL: plain HTTP on the server’s port', () => {
    const config = { env: 'development', port: 3000, publicUrl: undefined } as const
    assert.equal(territoryBaseUrl(config, territory(['127.0.0.1', 'localhost'])), 'http://127.0.0.1:3000')
    assert.equal(territoryBaseUrl(config, territory(['[::1]'])), 'http://[::1]:3000')
  })

  it('in development with a PUBLIC_URL naming the territory: that address, port included', () => {
    const config = { env: 'development', port: 3000, publicUrl: 'http://localhost:8080' } as const
    assert.equal(territoryBaseUrl(config, territory(['127.0.0.1', 'localhost'])), 'http://localhost:8080')
  })

  it('in tests, as in production: no port is guessed', () => {
    const config = { env: 'test', port: 3000, publicUrl: undefined } as const
    assert.equal(territoryBaseUrl(config, territory(['t1.entraide.test'])), 'https://t1.entraide.test')
  })
})
