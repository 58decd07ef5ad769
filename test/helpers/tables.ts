// Other domains' tables, for a domain's tests that set up or inspect rows directly. A domain's
// code reaches another only through its index.ts; its tests may read the whole database here.
export {
  blocks,
  categories,
  matches,
  messages,
  notifications,
  organisationMembers,
  organisations,
  reports,
  volunteerVerifications,
} from '../../src/schema.ts'
