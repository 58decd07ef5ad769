import type { CampaignPoint, Requester } from './campaigns.ts'

/** The demonstration's administrator, and its two residents, who make masks here. */
export const CLAIRE = {
  email: 'claire.admin@entraide.localhost',
  password: 'démo entraide calvados administratrice',
}
export const JEANNE = {
  email: 'jeanne.demo@entraide.localhost',
  password: 'jeanne cultive des tomates à Bayeux',
}
export const KARIM = {
  email: 'karim.demo@entraide.localhost',
  password: 'karim répare les vélos du quartier à Caen',
}
export const MAKERS = ['Jeanne Martin', 'Karim Benali']
export const TITLE = 'Masques pour les soignants du Bessin'

export const BAYEUX: CampaignPoint = {
  name: 'Médiathèque de Bayeux',
  commune: 'Bayeux',
  address: '1 boulevard Fabian Ware',
  hours: 'mercredi et samedi, 10 h – 17 h',
}
export const CAEN: CampaignPoint = {
  name: 'Centre social de la Guérinière',
  commune: 'Caen',
  address: '10 rue de l’Arlequin',
  hours: 'lundi et jeudi, 14 h – 18 h',
}

/** Their 120 masks asked against the 95 received (55 of Jeanne's 60 at Bayeux, Karim's 40 at Caen). */
export const FRONT_LINE: Requester = {
  name: 'Inès Lefèvre',
  email: 'ines.lefevre@exemple.test',
  password: 'une infirmière à vélo dans les rues de Bayeux',
  commune: 'Bayeux',
  priority: 'Première ligne (soignants, aides à domicile, pharmacies)',
  quantity: 50,
  point: BAYEUX,
}
export const VULNERABLE: Requester = {
  name: 'Marcel Dupré',
  email: 'marcel.dupre@exemple.test',
  password: 'le jardin ouvrier derrière la gare de Caen',
  commune: 'Caen',
  priority: 'Personnes vulnérables',
  quantity: 40,
  point: CAEN,
}
export const GENERAL: Requester = {
  name: 'Sophie Lemaire',
  email: 'sophie.lemaire@exemple.test',
  password: 'des crêpes au marché du samedi à Bayeux',
  commune: 'Bayeux',
  priority: 'Grand public',
  quantity: 30,
  point: BAYEUX,
}
export const REQUESTERS = [FRONT_LINE, VULNERABLE, GENERAL]
export const STOCK = 95
