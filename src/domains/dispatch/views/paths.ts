/** The addresses of dispatch's pages, named once. */
export const dispatchPaths = {
  list: '/administration/demandes-sans-reponse',
  delay: '/administration/demandes-sans-reponse/delai',
  plans: '/administration/demandes-sans-reponse/repartition',
  plan: (id: string) => `/administration/demandes-sans-reponse/repartition/${id}`,
  ask: (id: string) => `/administration/demandes-sans-reponse/${id}`,
  propose: (id: string) => `/administration/demandes-sans-reponse/${id}/propositions`,
  mine: '/mes-propositions',
  one: (id: string) => `/mes-propositions/${id}`,
} as const
