/** The line's addresses, in one place for its pages and their links. */
export const LINE = '/administration/accueil-telephonique'
export const linePaths = {
  queue: LINE,
  search: `${LINE}/recherche`,
  newPerson: `${LINE}/personnes/nouvelle`,
  people: `${LINE}/personnes`,
  person: (id: string) => `${LINE}/personnes/${id}`,
  editPerson: (id: string) => `${LINE}/personnes/${id}/modifier`,
  newAsk: (id: string) => `${LINE}/personnes/${id}/demande`,
  withdraw: (id: string) => `${LINE}/personnes/${id}/retrait`,
  link: (id: string) => `${LINE}/personnes/${id}/compte`,
  sms: (id: string) => `${LINE}/personnes/${id}/sms`,
  smsWithdraw: (id: string) => `${LINE}/personnes/${id}/sms/retrait`,
  case: (id: string) => `${LINE}/dossiers/${id}`,
  settings: `${LINE}/reglages`,
} as const
