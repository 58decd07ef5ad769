/** What other domains may use of supply campaigns: nothing yet beyond the seed for demonstrations. */
export { type SeedCampaign, seedCampaign } from './campaign-seed.ts'
/** Units made and distributed, for the bilan's catch-up at start. */
export { campaignStatEvents } from './campaign-stats.ts'
