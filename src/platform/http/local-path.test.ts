import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isLocalPath, localPathOr } from './local-path.ts'

describe('local paths (retour, notification links)', () => {
  it('keeps the paths of this site, query and fragment included', () => {
    for (const good of [
      '/',
      '/compte',
      '/communes?q=caen',
      '/annonces/12',
      '/mises-en-relation/abc?onglet=messages#fin',
      '/recherche?mots=caf%C3%A9%20cr%C3%A8me&rayon=10',
      '/recherche?mots=100%25',
      '/connexion?retour=%2Fcompte',
    ]) {
      assert.equal(isLocalPath(good), true, good)
      assert.equal(localPathOr(good), good, good)
    }
  })

  it('refuses other sites, however they are written', () => {
    for (const bad of [
      'https://evil.example/',
      'http:evil.example',
      '//evil.example/',
      '///evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/\r\n/evil.example',
      '/\r\nSet-Cookie: x=1',
      '/%09/evil.example',
      '/%2F/evil.example',
      '/%2f%2fevil.example',
      '/%5Cevil.example',
      '/%252F%252Fevil.example',
      '/%0D%0ASet-Cookie:x=1',
      '/\u0000',
      '/a\u007fb',
      '/a\u0085b',
      ' /annonces',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      'annonces',
      '',
      `/${'a'.repeat(2001)}`,
    ]) {
      assert.equal(isLocalPath(bad), false, JSON.stringify(bad))
      assert.equal(localPathOr(bad), '/', JSON.stringify(bad))
    }
    assert.equal(isLocalPath(undefined), false)
    assert.equal(isLocalPath(['/compte']), false)
  })

  it('falls back to the page default, and writes other letters as a browser sends them', () => {
    assert.equal(localPathOr('//evil.example', '/administration'), '/administration')
    assert.equal(localPathOr(undefined, '/notifications'), '/notifications')
    assert.equal(localPathOr('/recherche?mots=café'), '/recherche?mots=caf%C3%A9')
    assert.equal(localPathOr('/annonces/€'), '/annonces/%E2%82%AC')
  })
})
