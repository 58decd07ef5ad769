import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { formatPhone, parsePhone } from './phone-numbers.ts'

describe('phone numbers', () => {
  it('reads a French number however it is written and keeps it in E.164', () => {
    for (const written of [
      '02 61 91 00 02',
      '0261910002',
      '02.61.91.00.02',
      '+33 2 61 91 00 02',
      '0033 2 61 91 00 02',
      '(02) 61-91-00-02',
    ]) {
      assert.deepEqual(parsePhone(written), { kind: 'ok', e164: '+33261910002' }, written)
    }
  })

  it('reads overseas numbers by their own prefix and foreign ones written with +', () => {
    assert.deepEqual(parsePhone('05 90 12 34 56'), { kind: 'ok', e164: '+590590123456' })
    assert.deepEqual(parsePhone('06 92 12 34 56'), { kind: 'ok', e164: '+262692123456' })
    assert.deepEqual(parsePhone('+44 20 7946 0958'), { kind: 'ok', e164: '+442079460958' })
  })

  it('refuses what is not a number, too short or too long, and says when nothing was typed', () => {
    for (const written of ['12', 'appelez-moi', '01 23 45 67 89 00', '0'.repeat(41), '06 12<script>']) {
      assert.deepEqual(parsePhone(written), { kind: 'invalid' }, written)
    }
    assert.deepEqual(parsePhone('   '), { kind: 'empty' })
  })

  it('shows a number as people read it', () => {
    assert.equal(formatPhone('+33261910002'), '02 61 91 00 02')
    assert.equal(formatPhone('+590590123456'), '0590 12 34 56')
    assert.equal(formatPhone('+442079460958'), '+44 20 7946 0958')
  })
})
