import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { addMonths, checkPeriod, monthCount, monthsDown, parisMonth, presets } from './dashboard-filter.ts'

describe('the dashboard period', () => {
  it('cuts months in Europe/Paris', () => {
    assert.equal(parisMonth(new Date('2026-01-31T23:30:00Z')), '2026-02')
    assert.equal(parisMonth(new Date('2026-07-31T21:59:00Z')), '2026-07')
    assert.equal(addMonths('2026-01', -1), '2025-12')
    assert.equal(addMonths('2025-12', 13), '2027-01')
    assert.equal(monthCount({ from: '2025-12', to: '2026-02' }), 3)
    assert.deepEqual(monthsDown('2025-11', '2026-01'), ['2026-01', '2025-12', '2025-11'])
  })

  it('defaults to the last twelve months; presets from the first figures, ten years at most', () => {
    assert.deepEqual(checkPeriod({}, '2026-12'), { months: { from: '2026-01', to: '2026-12' }, issues: [] })
    assert.deepEqual(
      presets('2026-12', '2024-03').map((p) => p.months),
      [
        { from: '2026-01', to: '2026-12' },
        { from: '2026-01', to: '2026-12' },
        { from: '2024-03', to: '2026-12' },
      ],
    )
    assert.deepEqual(presets('2026-12', '1990-01')[2]!.months, { from: '2017-01', to: '2026-12' })
    assert.deepEqual(presets('2026-12', null)[2]!.months, { from: '2026-12', to: '2026-12' })
  })

  it('refuses months that are none, in the future, upside down or over ten years', () => {
    const fields = (q: Parameters<typeof checkPeriod>[0]) =>
      checkPeriod(q, '2026-12').issues.map((i) => `${i.field}:${i.key}`)
    assert.deepEqual(fields({ du: '2026-13' }), ['du:dashboard.error.from'])
    assert.deepEqual(fields({ au: '2027-01' }), ['au:dashboard.error.to'])
    assert.deepEqual(fields({ du: '1999-12' }), ['du:dashboard.error.from'])
    assert.deepEqual(fields({ du: "2026-01' or 1=1 --", au: '<script>' }), [
      'du:dashboard.error.from',
      'au:dashboard.error.to',
    ])
    assert.deepEqual(fields({ du: '2026-05', au: '2026-04' }), ['au:dashboard.error.order'])
    assert.deepEqual(fields({ du: '2016-12', au: '2026-12' }), ['du:dashboard.error.tooLong'])
    assert.deepEqual(fields({ du: '2017-01', au: '2026-12' }), [])
  })
})
