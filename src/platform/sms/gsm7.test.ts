import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fitSms, isGsm7, segmentCount, smsLength, toGsm7 } from './gsm7.ts'
import { isStopReply } from './stop-words.ts'

const STOP = ' https://entraide.calvados.fr/notifications STOP au 36000'

describe('GSM-7: French sentences in one SMS where they can be', () => {
  it('knows the alphabet: é è à ù ì ò É Ç are in it, ê â î ô û ë ï ç and ’ « » are not', () => {
    assert.ok(isGsm7('Étienne a répondu : à mercredi, Ça marche ! Où ? 5 € & 10 %'))
    for (const char of ['ê', 'â', 'î', 'ô', 'û', 'ë', 'ï', 'ç', '’', '«', '»', '…', 'œ', '😀'])
      assert.equal(isGsm7(char), false, char)
  })

  it('counts the extension table twice and cuts at 160, 153 per part, 70 in UCS-2', () => {
    assert.deepEqual(smsLength('Prix : 5 €'), { encoding: 'gsm7', units: 11 })
    assert.equal(segmentCount('a'.repeat(160)), 1)
    assert.equal(segmentCount('a'.repeat(161)), 2)
    assert.equal(segmentCount('€'.repeat(80)), 1)
    assert.equal(segmentCount('€'.repeat(81)), 2)
    assert.equal(segmentCount(`${'a'.repeat(69)}’`), 1)
    assert.equal(segmentCount(`${'a'.repeat(70)}’`), 2)
  })

  it('writes French typography and accents in the alphabet, keeping the accents it has', () => {
    assert.equal(
      toGsm7('Aujourd’hui, la fête à l’Hôtel-Dieu « Noël » : crêpes, maïs et pâté… Ça cœur ?'),
      'Aujourd\'hui, la fete à l\'Hotel-Dieu "Noel" : crepes, mais et paté... Ça coeur ?',
    )
    assert.equal(toGsm7('Île-de-France, Évreux, Garçon'), 'Ile-de-France, Évreux, Garcon')
    assert.equal(toGsm7('Merci 🙏 Zoé\u0007'), 'Merci Zoé', 'emoji and control characters dropped')
  })

  it('keeps a short notice whole', () => {
    const text = fitSms({
      before: 'Entraide Calvados : Étienne a répondu à votre annonce « ',
      variable: 'Courses du samedi',
      after: ` ».${STOP}`,
    })
    assert.equal(text, `Entraide Calvados : Étienne a répondu à votre annonce "Courses du samedi".${STOP}`)
    assert.equal(segmentCount(text), 1)
  })

  it('shortens only the title of a long notice, at a word, and keeps the link and STOP whole', () => {
    const text = fitSms({
      before: 'Entraide Calvados : Bérénice a accepté votre réponse à « ',
      variable:
        'Accompagnement hebdomadaire de ma grand-mère à ses rendez-vous médicaux à l’hôpital de Bayeux',
      after: ` ».${STOP}`,
    })
    assert.ok(isGsm7(text))
    assert.ok(smsLength(text).units <= 160, `${smsLength(text).units}: ${text}`)
    assert.ok(text.endsWith(`...".${STOP}`), text)
    assert.match(
      text,
      /^Entraide Calvados : Bérénice a accepté votre réponse à "Accompagnement hebdomadaire de/,
    )
    assert.doesNotMatch(text, /\S\.\.\.\S*[a-z]\.\.\./)
  })

  it('sends in several parts when even the fixed words do not fit', () => {
    const before = 'Un texte fixe très long. '.repeat(8)
    const text = fitSms({ before, variable: 'titre', after: STOP })
    assert.equal(text, `${before.trim()}${STOP}`)
    assert.equal(segmentCount(text), 2)
  })
})

describe('STOP replies', () => {
  it('reads « STOP » as people type it, and « ARRET »', () => {
    for (const reply of [
      'STOP',
      'stop',
      'Stop.',
      '  STOP  ',
      'S T O P',
      'Stop !',
      'ARRET',
      'Arrêt',
      'stop sms',
    ])
      assert.equal(isStopReply(reply), true, reply)
  })

  it('does not read other replies as STOP', () => {
    for (const reply of ['', 'Merci', 'Stop it please', 'non stop', 'STOPPER', 'Ne pas arrêter', '0'])
      assert.equal(isStopReply(reply), false, reply)
  })
})
