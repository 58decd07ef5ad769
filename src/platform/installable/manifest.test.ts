import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { iconSvg } from './icons.ts'
import { logoBox } from './logo-icon.ts'
import { iconVersion, shortName } from './manifest.ts'

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

  it('versions the icons by the colour, and by the logo when there is one', () => {
    assert.equal(iconVersion({ primaryColor: '#7a1f3d', logoUrl: null }), '7a1f3d')
    const one = iconVersion({ primaryColor: '#7a1f3d', logoUrl: '/logo-du-territoire?v=a' })
    const two = iconVersion({ primaryColor: '#7a1f3d', logoUrl: '/logo-du-territoire?v=b' })
    assert.match(one, /^7a1f3d-[\w-]{12}$/)
    assert.notEqual(one, two)
  })

  it('fits a logo in 80 % of a plain icon, and a maskable one’s inside its safe circle', () => {
    assert.deepEqual(logoBox(400, 200, 512, 'any'), { width: 409, height: 204 })
    assert.deepEqual(logoBox(100, 400, 192, 'touch'), { width: 38, height: 153 })
    const { width, height } = logoBox(400, 100, 512, 'maskable')
    assert.ok(Math.hypot(width, height) <= 512 * 0.8, 'its diagonal within the circle')
    assert.ok(Math.abs(width / height - 4) < 0.05, 'its proportions kept')
  })
})
