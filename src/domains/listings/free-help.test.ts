import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { installModules } from '../../modules.ts'
import { translator } from '../../platform/i18n/i18n.ts'
import { freeHelpCorpus } from './free-help.corpus.ts'
import { freeHelpReasons, type HoldReason, holdReasonMessageKey, normalise } from './free-help.ts'

const reasons = (text: string) => freeHelpReasons('Annonce', text)

// These tests read the module's texts and mails without building an app.
installModules()

describe('the free-help rule', () => {
  it('holds the wordings of the issue, for the right reason', () => {
    const cases: [string, HoldReason][] = [
      ['Je demande 10 € pour le trajet', 'price'],
      ['Cours de guitare 10€', 'price'],
      ['Comptez 10 euros', 'price'],
      ['Ménage 15 €/h', 'paid-work'],
      ['Repassage 20 € de l’heure', 'paid-work'],
      ['Voir mes tarifs', 'price'],
      ['Atelier payant', 'price'],
      ['Travail rémunéré', 'paid-work'],
      ['Rémunération à voir', 'paid-work'],
      ['Envoyez votre IBAN', 'bank'],
      ['Je vous envoie mon RIB', 'bank'],
      ['Payez par PayPal', 'bank'],
      ['Par Lydia c’est plus simple', 'bank'],
      ['Règlement par virement', 'bank'],
      ['Vélo à vendre', 'sale'],
      ['Vends poussette', 'sale'],
      ['Aide contre paiement', 'payment'],
      ['Paiement en espèces', 'payment'],
      ['Paiement par chèque', 'payment'],
    ]
    for (const [text, reason] of cases) assert.ok(reasons(text).includes(reason), `${text} → ${reason}`)
  })

  it('leaves alone clean texts that only look like money', () => {
    for (const text of [
      'Aide pour remplir un dossier de prime d’activité',
      'Aide au paiement des factures en ligne',
      'Payer mes courses avec ma carte, je vous accompagne',
      'Je n’arrive pas à utiliser mon chèque énergie',
      'Gratuit, évidemment',
      'Bénévole non rémunéré, sans contrepartie',
      'Mon fils est en 4e, rendez-vous à 10h',
      'Dossier pour la commission de surendettement',
    ])
      assert.deepEqual(reasons(text), [], text)
  })

  it('reads through accents, case and spacing, and names each reason once', () => {
    assert.equal(normalise('  À   VENDRE  Rémunéré’ '), "a vendre remunere'")
    assert.deepEqual(freeHelpReasons('VENDS', 'vélo 30 €, paiement par  virement, IBAN'), [
      'price',
      'payment',
      'bank',
      'sale',
    ])
  })

  it('tells the author why, in plain words, in both languages', () => {
    const fr = translator('fr')(holdReasonMessageKey('price'))
    assert.equal(
      fr,
      'Votre annonce parle d’argent ou de prix : sur la plateforme, l’aide est toujours gratuite. Un modérateur va la relire.',
    )
    for (const reason of ['price', 'payment', 'bank', 'sale', 'paid-work'] as const)
      assert.ok(translator('en')(holdReasonMessageKey(reason)).startsWith('Your listing'), reason)
  })

  it('holds at least 95 % of the commercial corpus with at most 10 % false alarms', () => {
    assert.ok(freeHelpCorpus.length >= 70)
    const commercial = freeHelpCorpus.filter((e) => e.commercial).length
    assert.ok(commercial >= 30 && freeHelpCorpus.length - commercial >= 30)
    let tp = 0
    let fp = 0
    let fn = 0
    const mistakes: string[] = []
    for (const e of freeHelpCorpus) {
      const held = freeHelpReasons(e.title, e.description).length > 0
      if (held && e.commercial) tp++
      else if (held) fp++
      else if (e.commercial) fn++
      if (held !== e.commercial) mistakes.push(e.description)
    }
    const precision = tp / (tp + fp)
    const recall = tp / (tp + fn)
    assert.ok(recall >= 0.95, `recall ${recall.toFixed(3)}: ${mistakes.join(' | ')}`)
    assert.ok(precision >= 0.9, `precision ${precision.toFixed(3)}: ${mistakes.join(' | ')}`)
  })
})
