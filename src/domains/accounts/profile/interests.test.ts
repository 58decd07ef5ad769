import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Category } from '../../categories/index.ts'
import { interestChoices, interestsToStore, shownInterests } from './interests.ts'

const category = (slug: string, active: boolean): Category => ({
  id: `id-${slug}`,
  territoryId: 't',
  slug,
  name: { fr: `Nom ${slug}`, en: `Name ${slug}` },
  description: { fr: '' },
  guidance: { fr: '' },
  icon: 'heart',
  crisis: !active,
  needsVerifiedVolunteer: false,
  active,
  position: 0,
})
const categories = [category('pets', true), category('masks-equipment', false), category('gardening', true)]

describe('interests', () => {
  it('offers the active categories in the territory’s order, with its names', () => {
    assert.deepEqual(interestChoices(categories), [
      { slug: 'pets', name: { fr: 'Nom pets', en: 'Name pets' } },
      { slug: 'gardening', name: { fr: 'Nom gardening', en: 'Name gardening' } },
    ])
  })

  it('shows only what is offered, in the offered order', () => {
    assert.deepEqual(shownInterests(['gardening', 'masks-equipment', 'pets'], ['pets', 'gardening']), [
      'pets',
      'gardening',
    ])
  })

  it('keeps a closed category’s choice the form could not show, and drops slugs of no category', () => {
    assert.deepEqual(interestsToStore(['pets'], ['gardening', 'masks-equipment', 'old-slug'], categories), [
      'pets',
      'masks-equipment',
    ])
    assert.deepEqual(interestsToStore(['pets', 'pets'], [], categories), ['pets'])
  })
})
