import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { installModules } from '../../modules.ts'
import { translator } from '../../platform/i18n/i18n.ts'
import { freeHelpCorpus } from './free-help.corpus.ts'
import type { FreeHelpExample } from './free-help.example.ts'
import { freeHelpHeldOut } from './free-help.held-out.ts'
import { freeHelpReasons, type HoldReason, holdReasonMessageKey, normalise } from './free-help.ts'

const reasons = (text: string) => freeHelpReasons('Annonce', text)
const ALL_REASONS: readonly HoldReason[] = [
  'price',
  'payment',
  'costs',
  'money-request',
  'bank',
  'sale',
  'paid-work',
]

function measure(examples: readonly FreeHelpExample[]) {
  let tp = 0
  let fp = 0
  let fn = 0
  const mistakes: string[] = []
  for (const e of examples) {
    const held = freeHelpReasons(e.title, e.description).length > 0
    if (held && e.commercial) tp++
    else if (held) fp++
    else if (e.commercial) fn++
    if (held !== e.commercial) mistakes.push(`${e.commercial ? 'missed' : 'false alarm'}: ${e.description}`)
  }
  return { precision: tp / (tp + fp), recall: tp / (tp + fn), mistakes }
}

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
    for (const reason of ALL_REASONS) {
      assert.ok(translator('fr')(holdReasonMessageKey(reason)).startsWith('Votre annonce'), reason)
      assert.ok(translator('en')(holdReasonMessageKey(reason)).startsWith('Your listing'), reason)
    }
  })

  it('holds the phrasings people really use, naming why', () => {
    const cases: [string, HoldReason][] = [
      ['Je facture au temps passé', 'paid-work'],
      ['Devis gratuit sur demande', 'paid-work'],
      ['Payable en CESU', 'paid-work'],
      ['Ménage 10 balles de l’heure', 'paid-work'],
      ['Repassage 12/h', 'paid-work'],
      ['Cours de guitare 20 e la séance', 'price'],
      ['Console 50 boules', 'price'],
      ['Bois de chauffage 60 le stère', 'price'],
      ['On partage les frais d’essence', 'costs'],
      ['Petite participation aux frais', 'costs'],
      ['Une contribution de 5 € est demandée', 'costs'],
      ['Vous me rembourserez les courses', 'costs'],
      ['Un petit dédommagement svp', 'costs'],
      ['Qui peut me prêter 300 euros ?', 'money-request'],
      ['J’ai ouvert une cagnotte Leetchi', 'money-request'],
      ['Aide contre un peu de thune', 'money-request'],
      ['Envoie moi ton iban', 'bank'],
      ['Paiement par Wero', 'bank'],
      ['Je paye en liquide', 'payment'],
      ['Un petit geste serait apprécié', 'payment'],
      ['Vend poussette, prix à débattre', 'sale'],
      ['Aussi sur Leboncoin', 'sale'],
    ]
    for (const [text, reason] of cases) assert.ok(reasons(text).includes(reason), `${text} → ${reason}`)
  })

  it('leaves alone one’s own money matters and words that only sound like money', () => {
    for (const text of [
      'Aide pour ma déclaration d’impôts',
      'Comprendre ma facture EDF de 300 €',
      'Aide au déménagement après la vente de ma maison',
      'Dossier de surendettement à la Banque de France',
      'Aide pour écrire à ma caisse de retraite',
      'Aide pour envoyer mon RIB à la CAF',
      'Je vous rapporte le ticket de caisse',
      'Payer mes courses avec ma carte',
      'Je ne demande rien en échange',
      'Je donne des plants d’oseille et un sac de blé pour les poules',
      'Balles de tennis et boules de pétanque à donner',
      'Ce rendez-vous dure 1 heure, au 3e étage',
      'Tu peux me prêter ta perceuse ?',
    ])
      assert.deepEqual(reasons(text), [], text)
  })

  it('holds every text of the tuning part it was written from', () => {
    assert.ok(freeHelpCorpus.length >= 400)
    const { precision, recall, mistakes } = measure(freeHelpCorpus)
    assert.deepEqual(mistakes, [])
    assert.equal(precision, 1)
    assert.equal(recall, 1)
  })

  // The floor is what the rule reached on its last change: a change that does worse fails. The
  // mistakes are not printed, so that nobody tunes the rule on these texts (see free-help.held-out.ts).
  it('does not fall below its figures on the held-out part it was not tuned on', () => {
    assert.ok(freeHelpHeldOut.length >= 150)
    const money = freeHelpHeldOut.filter((e) => e.commercial).length
    assert.ok(money >= 70 && freeHelpHeldOut.length - money >= 70)
    const { precision, recall } = measure(freeHelpHeldOut)
    assert.ok(precision >= 0.963, `held-out precision fell to ${precision.toFixed(3)}`)
    assert.ok(recall >= 0.987, `held-out recall fell to ${recall.toFixed(3)}`)
  })

  it('reads hostile text without failing and answers only with known reasons', () => {
    const hostile: string[] = JSON.parse(
      readFileSync(new URL('../../../test/fixtures/hostile-inputs.json', import.meta.url), 'utf8'),
    )
    for (const text of [
      ...hostile,
      '1 '.repeat(10_000),
      'ma facture de '.repeat(2_000),
      '€'.repeat(20_000),
    ]) {
      for (const reason of freeHelpReasons(text, text))
        assert.ok(ALL_REASONS.includes(reason), `${reason} for ${JSON.stringify(text.slice(0, 20))}`)
    }
  })
})
