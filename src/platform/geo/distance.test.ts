import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { haversineKm, roundKm } from './distance.ts'

const caen = { latitude: 49.1848, longitude: -0.3698 }
const lisieux = { latitude: 49.1466, longitude: 0.2381 }
const paris = { latitude: 48.8566, longitude: 2.3522 }
const marseille = { latitude: 43.2965, longitude: 5.3698 }

describe('haversineKm', () => {
  it('is zero from a place to itself and the same both ways', () => {
    assert.equal(haversineKm(caen, caen), 0)
    assert.equal(haversineKm(caen, lisieux), haversineKm(lisieux, caen))
  })

  it('gives the known distances between French towns', () => {
    assert.ok(Math.abs(haversineKm(caen, lisieux) - 44.5) < 1.5, String(haversineKm(caen, lisieux)))
    // Paris – Marseille as the crow flies: about 661 km.
    assert.ok(Math.abs(haversineKm(paris, marseille) - 661) < 5, String(haversineKm(paris, marseille)))
  })

  it('stays finite at the antipodes', () => {
    const km = haversineKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })
    assert.ok(Number.isFinite(km) && km > 20_000)
  })
})

describe('roundKm', () => {
  it('rounds to a tenth of a km', () => {
    assert.equal(roundKm(44.5678), 44.6)
    assert.equal(roundKm(0.04), 0)
  })
})
