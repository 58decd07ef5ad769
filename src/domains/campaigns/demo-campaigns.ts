import type { DemoAccount } from '../../platform/modules.ts'
import type { AppServices } from '../../platform/services.ts'
import type { Territory } from '../../platform/tenancy/territory.ts'
import { accountByEmail } from '../accounts/index.ts'
import { seedCampaign } from './campaign-seed.ts'
import { recordMovement } from './ledger.repository.ts'
import { insertBatch, saveMaker } from './maker.repository.ts'

const DAY = 86_400_000
const iso = (d: Date) => d.toISOString().slice(0, 10)

/**
 * An open mask campaign in Bayeux and Caen, run by the territory's staff alone, with the two
 * residents of the demonstration as makers and their batches confirmed on receipt, so the
 * back office, the ledger and the public progress show something. Nothing when they are not there.
 */
export async function seedDemoCampaigns(services: AppServices, territory: Territory): Promise<DemoAccount[]> {
  const { db } = services.database
  const jeanne = await accountByEmail(db, 'jeanne.demo@entraide.localhost')
  const karim = await accountByEmail(db, 'karim.demo@entraide.localhost')
  const admin = await accountByEmail(db, 'claire.admin@entraide.localhost')
  if (!jeanne || !karim || jeanne.territoryId !== territory.id) return []
  const now = services.clock.now()
  await db.transaction(async (tx) => {
    const { id, pointIds } = await seedCampaign(tx, {
      territoryId: territory.id,
      createdBy: admin?.id ?? null,
      title: 'Masques en tissu pour les aidants',
      specification:
        'Masque barrière en tissu de coton, deux couches, lavable à 60 °C, selon la norme AFNOR Spec S76-001. Élastiques ou liens derrière la tête.',
      target: 2000,
      unit: 'masques',
      startsOn: iso(new Date(now.getTime() - 14 * DAY)),
      endsOn: iso(new Date(now.getTime() + 46 * DAY)),
      now,
      points: [
        {
          name: 'Mairie de Bayeux',
          communeInsee: '14047',
          address: '19 rue Larcher',
          hours: 'du lundi au vendredi, 9 h – 12 h',
        },
        {
          name: 'Maison des associations de Caen',
          communeInsee: '14118',
          address: '8 rue Daniel Huet',
          hours: 'mardi et jeudi, 14 h – 18 h',
        },
      ],
    })
    const makers = [
      {
        account: jeanne,
        capacity: 60,
        stock: 15,
        batches: [
          [0, 40, 10],
          [0, 35, 3],
        ],
      },
      {
        account: karim,
        capacity: 120,
        stock: 30,
        batches: [
          [1, 100, 7],
          [1, 80, 2],
        ],
      },
    ] as const
    for (const m of makers) {
      const makerId = services.ids()
      await saveMaker(tx, {
        id: makerId,
        campaignId: id,
        accountId: m.account.id,
        organisationId: null,
        kind: 'person',
        communeInsee: m.account.communeInsee,
        weeklyCapacity: m.capacity,
        stockHeld: m.stock,
        createdAt: now,
        updatedAt: now,
      })
      for (const [point, quantity, daysAgo] of m.batches) {
        const batchId = services.ids()
        const handed = new Date(now.getTime() - daysAgo * DAY)
        await insertBatch(tx, {
          id: batchId,
          campaignId: id,
          makerId,
          pointId: pointIds[point]!,
          quantity,
          status: 'confirmed',
          receivedQuantity: quantity,
          refusalReason: null,
          handedOn: iso(handed),
          createdAt: handed,
          decidedAt: handed,
          decidedBy: admin?.id ?? null,
        })
        await recordMovement(tx, {
          campaignId: id,
          pointId: pointIds[point]!,
          movement: 'received',
          quantity,
          batchId,
          recordedBy: admin?.id ?? null,
          at: handed,
        })
      }
    }
  })
  return []
}
