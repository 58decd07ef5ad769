import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checkNeed, parseQuantity, remaining } from './need.ts'

const key = (v: ReturnType<typeof parseQuantity>) => (typeof v === 'number' ? v : v.key)

describe('needs: quantities and the need’s own rules', () => {
  it('reads whole numbers as people type them, and names each mistake', () => {
    assert.equal(parseQuantity('100', 'q'), 100)
    assert.equal(parseQuantity(' 1 000 000 ', 'q'), 1_000_000)
    assert.equal(parseQuantity('1\u202f000', 'q'), 1000)
    assert.equal(key(parseQuantity('', 'q')), 'needs.quantity.required')
    for (const zero of ['0', '-0', '00', '-5', '−3', '-1,5'])
      assert.equal(key(parseQuantity(zero, 'q')), 'needs.quantity.tooSmall', zero)
    for (const decimal of ['12,5', '0,5', '3.2'])
      assert.equal(key(parseQuantity(decimal, 'q')), 'needs.quantity.whole', decimal)
    for (const text of ['douze', '1e3', 'NaN', '0x41', '+5', '12 kg'])
      assert.equal(key(parseQuantity(text, 'q')), 'needs.quantity.digits', text)
    assert.equal(key(parseQuantity('1000001', 'q')), 'needs.quantity.tooLarge')
    assert.equal(key(parseQuantity('99999999999999999999', 'q')), 'needs.quantity.tooLarge')
    assert.deepEqual(parseQuantity('11', 'received', 10), {
      field: 'received',
      key: 'needs.quantity.atMost',
      params: { max: '10' },
    })
  })

  it('accepts a deadline of today in Paris and refuses yesterday', () => {
    // 23:30 UTC on 1 April is already 2 April in Paris.
    const now = new Date('2026-04-01T23:30:00Z')
    const input = {
      title: 'Tissu',
      description: 'Coton',
      quantity: '50',
      unit: 'm',
      categoryId: '',
      allowOverPledge: false,
    }
    assert.deepEqual(checkNeed({ ...input, deadline: '02/04/2026' }, now).issues, [])
    assert.deepEqual(
      checkNeed({ ...input, deadline: '2026-04-01' }, now).issues.map((i) => i.key),
      ['needs.deadline.past'],
    )
  })

  it('never counts less than nothing remaining when more than asked was pledged', () => {
    assert.equal(remaining({ quantity: 10, pledged: 16 }), 0)
    assert.equal(remaining({ quantity: 10, pledged: 4 }), 6)
  })
})
