import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import webpush from 'web-push'
import { ConfigError, loadConfig } from './config.ts'

describe('configuration', () => {
  it('runs on embedded PGlite with development defaults when nothing is set', () => {
    const config = loadConfig({})
    assert.equal(config.env, 'development')
    assert.equal(config.port, 3000)
    assert.deepEqual(config.database, { kind: 'pglite', dir: './data/pglite' })
    assert.equal(config.seedDemo, true)
    assert.equal(config.apiDocs, true)
  })

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/entraide' })
    assert.deepEqual(config.database, { kind: 'postgres', url: 'postgres://u:p@db:5432/entraide' })
  })

  it('sends statements unnamed only when DATABASE_PREPARED_STATEMENTS is false, and refuses another word', () => {
    const url = 'postgres://u:p@pooler:6432/entraide'
    const off = loadConfig({ DATABASE_URL: url, DATABASE_PREPARED_STATEMENTS: 'false' })
    assert.deepEqual(off.database, { kind: 'postgres', url, preparedStatements: false })
    const on = loadConfig({ DATABASE_URL: url, DATABASE_PREPARED_STATEMENTS: 'true' })
    assert.deepEqual(on.database, { kind: 'postgres', url })
    assert.throws(
      () => loadConfig({ DATABASE_URL: url, DATABASE_PREPARED_STATEMENTS: 'parfois' }),
      (error: unknown) =>
        error instanceof ConfigError && error.message.includes('DATABASE_PREPARED_STATEMENTS'),
    )
  })

  it('takes a metrics token only if long and without spaces, and has none by default', () => {
    assert.equal(loadConfig({}).metricsToken, undefined)
    const token = 'a'.repeat(32)
    assert.equal(loadConfig({ METRICS_TOKEN: token }).metricsToken, token)
    for (const bad of ['court', `${'a'.repeat(31)} b`]) {
      assert.throws(
        () => loadConfig({ METRICS_TOKEN: bad }),
        (e: Error) => e instanceof ConfigError && /METRICS_TOKEN/.test(e.message),
      )
    }
  })

  it('reads the private metrics address as host and port', () => {
    assert.equal(loadConfig({}).metricsListen, undefined)
    assert.deepEqual(loadConfig({ METRICS_LISTEN: '127.0.0.1:9464' }).metricsListen, {
      host: '127.0.0.1',
      port: 9464,
    })
    assert.deepEqual(loadConfig({ METRICS_LISTEN: '[::1]:9464' }).metricsListen, { host: '::1', port: 9464 })
    for (const bad of ['127.0.0.1', '127.0.0.1:99999', 'http://127.0.0.1:9464']) {
      assert.throws(
        () => loadConfig({ METRICS_LISTEN: bad }),
        (e: Error) => e instanceof ConfigError && /METRICS_LISTEN/.test(e.message),
        bad,
      )
    }
  })

  it('offers push only with all three VAPID settings, and a public key that is the private key’s', () => {
    const a = webpush.generateVAPIDKeys()
    const b = webpush.generateVAPIDKeys()
    const subject = 'mailto:contact@exemple.fr'
    assert.equal(loadConfig({}).push, undefined)
    assert.deepEqual(
      loadConfig({ VAPID_PUBLIC_KEY: a.publicKey, VAPID_PRIVATE_KEY: a.privateKey, VAPID_SUBJECT: subject })
        .push,
      {
        publicKey: a.publicKey,
        privateKey: a.privateKey,
        subject,
      },
    )
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env)
        return []
      } catch (e) {
        return (e as ConfigError).problems
      }
    }
    assert.deepEqual(problems({ VAPID_PUBLIC_KEY: a.publicKey }), [
      'VAPID_PRIVATE_KEY : obligatoire avec VAPID_PUBLIC_KEY (les trois vont ensemble)',
      'VAPID_SUBJECT : obligatoire avec VAPID_PUBLIC_KEY (les trois vont ensemble)',
    ])
    assert.deepEqual(
      problems({ VAPID_PUBLIC_KEY: b.publicKey, VAPID_PRIVATE_KEY: a.privateKey, VAPID_SUBJECT: subject }),
      ['VAPID_PUBLIC_KEY : ne correspond pas à VAPID_PRIVATE_KEY (générez les deux ensemble)'],
    )
    for (const bad of ['contact@exemple.fr', 'http://exemple.fr', 'mailto:', 'https://exemple.fr x'])
      assert.deepEqual(
        problems({ VAPID_PUBLIC_KEY: a.publicKey, VAPID_PRIVATE_KEY: a.privateKey, VAPID_SUBJECT: bad }),
        ['VAPID_SUBJECT : format invalide'],
        bad,
      )
    assert.deepEqual(
      problems({ VAPID_PUBLIC_KEY: 'court', VAPID_PRIVATE_KEY: a.privateKey, VAPID_SUBJECT: subject }),
      ['VAPID_PUBLIC_KEY : format invalide'],
    )
  })

  it('lists every problem at once', () => {
    const error = (() => {
      try {
        loadConfig({
          PORT: 'abc',
          DATABASE_URL: 'mysql://x',
          SMTP_URL: 'http://mail',
          LOG_LEVEL: 'chatty',
          TRUST_PROXY: 'maybe',
        })
      } catch (e) {
        return e
      }
    })()
    assert.ok(error instanceof ConfigError)
    const text = error.problems.join('\n')
    for (const name of ['PORT', 'DATABASE_URL', 'SMTP_URL', 'LOG_LEVEL', 'TRUST_PROXY']) {
      assert.match(text, new RegExp(name), `${name} should be reported`)
    }
    assert.equal(error.problems.length, 5)
  })

  it('refuses production without SMTP_URL, PUBLIC_URL and APP_SECRET, and never seeds demo data there', () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production' }),
      (e: unknown) => {
        assert.ok(e instanceof ConfigError)
        assert.equal(e.problems.length, 3)
        assert.match(e.problems.join(' '), /SMTP_URL.*obligatoire/)
        return true
      },
    )
    const config = loadConfig({
      NODE_ENV: 'production',
      SMTP_URL: 'smtp://mail:25',
      PUBLIC_URL: 'https://entraide.calvados.fr',
      APP_SECRET: 'x'.repeat(40),
      SEED_DEMO: 'true',
    })
    assert.equal(config.seedDemo, false)
    assert.equal(config.apiDocs, false)
  })
})
