import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { iconSvg } from './icons.ts'
import { shortName } from './manifest.ts'

describe('app manifest and icons', () => {
  it('names the app on a home screen by a name short enough to read under an icon', () => {
    assert.equal(shortName('Solidarité 50 (essai)'), 'Solidarité 50')
    assert.equal(shortName('Entraide Calvados (démo)'), 'Entraide')
    assert.equal(shortName('(démo)'), 'Entraide')
  })

  it('paints the drawing in the territory colour, and refuses anything that is not one', () => {
    assert.match(iconSvg('#7a1f3d', 'app-192.png'), /fill="#7a1f3d"/)
    assert.doesNotMatch(iconSvg('#7a1f3d', 'app-192.png'), /#1f4e8c/)
    const maskable = iconSvg('#7a1f3d', 'app-maskable-512.png')
    assert.match(maskable, /<rect width="32" height="32" fill="#7a1f3d"\/>/)
    assert.match(maskable, /scale\(0\.8\)/)
    assert.throws(() => iconSvg('#fff"/><script>', 'app-192.png'))
  })
})
