import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseHTML } from 'linkedom'
import { renderToString } from 'preact-render-to-string'
import { translator } from '../i18n/i18n.ts'
import type { ViewContext } from '../views/context.ts'
import { CommuneChoices, CommuneField } from './CommuneField.tsx'
import type { Commune } from './commune.ts'

const ctx: ViewContext = {
  t: translator('fr'),
  locale: 'fr',
  easyRead: false,
  territory: null,
  currentUrl: '/',
  csrfToken: 'x',
  viewer: null,
  devTools: false,
}

const render = (node: ReturnType<typeof CommuneField>) =>
  parseHTML(`<body>${renderToString(node)}</body>`).document

const commune = (insee: string, name: string, postal: string): Commune => ({
  insee,
  name,
  postalCodes: [postal],
  departement: insee.slice(0, 2),
  population: 100,
  latitude: 49,
  longitude: 0,
})

describe('CommuneField', () => {
  it('is a labelled text input that the autocompletion can find', () => {
    const doc = render(
      CommuneField({ ctx, name: 'commune', id: 'commune', label: 'Votre commune', value: 'Caen' }),
    )
    const input = doc.querySelector('input')!
    assert.equal(doc.querySelector('label')?.getAttribute('for'), 'commune')
    assert.equal(input.getAttribute('type'), 'text')
    assert.equal(input.getAttribute('value'), 'Caen')
    assert.equal(input.getAttribute('autocomplete'), 'off')
    assert.ok(input.hasAttribute('data-commune-autocomplete'))
    assert.equal(input.getAttribute('aria-describedby'), null)
  })

  it('links its hint and its error to the input', () => {
    const doc = render(
      CommuneField({
        ctx,
        name: 'c',
        id: 'c',
        label: 'Commune',
        hint: 'Nom ou code postal',
        error: 'Choisissez une commune',
      }),
    )
    const input = doc.querySelector('input')!
    assert.equal(input.getAttribute('aria-describedby'), 'c-hint c-error')
    assert.equal(input.getAttribute('aria-invalid'), 'true')
    assert.equal(doc.getElementById('c-hint')?.textContent, 'Nom ou code postal')
    assert.equal(
      doc.getElementById('c-error')?.textContent?.replace(/\s+/g, ' ').trim(),
      'Erreur : Choisissez une commune',
    )
  })
})

describe('CommuneChoices', () => {
  it('offers one radio per candidate, sending the label resolve() reads back', () => {
    const doc = render(
      CommuneChoices({
        ctx,
        name: 'commune',
        id: 'commune',
        communes: [commune('14366', 'Lisieux', '14100'), commune('14367', 'Livarot', '14140')],
      }),
    )
    assert.equal(
      doc.querySelector('legend')?.textContent,
      'Plusieurs communes correspondent. Laquelle est la bonne ?',
    )
    const radios = [...doc.querySelectorAll('input[type=radio]')]
    assert.deepEqual(
      radios.map((r) => r.getAttribute('value')),
      ['Lisieux (14100)', 'Livarot (14140)'],
    )
    assert.equal(radios[0]!.getAttribute('id'), 'commune', 'the error summary links to the first choice')
    assert.match(doc.querySelector('label')?.textContent ?? '', /Lisieux \(14100\) – Département : 14/)
  })

  it('says which former commune a choice was found by, and sends a label resolve() reads back', () => {
    const doc = render(
      CommuneChoices({
        ctx,
        name: 'commune',
        id: 'commune',
        communes: [
          { ...commune('14654', 'Saint-Pierre-en-Auge', '14140'), formerName: 'Saint-Martin' },
          { ...commune('14174', 'Condé-en-Normandie', '14110'), formerName: 'Saint-Martin' },
        ],
      }),
    )
    assert.deepEqual(
      [...doc.querySelectorAll('input[type=radio]')].map((r) => r.getAttribute('value')),
      [
        'Saint-Pierre-en-Auge (14140) — ancienne commune de Saint-Martin',
        'Condé-en-Normandie (14110) — ancienne commune de Saint-Martin',
      ],
    )
    assert.match(
      doc.querySelector('label')?.textContent ?? '',
      /Saint-Pierre-en-Auge \(14140\) — ancienne commune de Saint-Martin – Département : 14/,
    )
  })
})
