/**
 * The free-help rule's patterns, read on normalised text (lower case, no accents). Two steps:
 * first OWN_AFFAIRS blanks the phrases in which money is the author's own business with an
 * institution or a shop (« ma facture EDF », « dossier de surendettement », « la vente de ma
 * maison », « mon RIB à la CAF »), so that asking for help with them is never held; then each of
 * RULES names a reason when it matches what is left. Words after a negation (« non rémunéré »,
 * « sans contrepartie », « pas d'argent ») are not held.
 *
 * Deliberate choices, measured on the tuning part of the corpus (bench/free-help.ts):
 * - money between the two people is held, whatever its name: a price, a « participation aux
 *   frais », a « contribution », shared fuel, a reimbursement (« vous me rembourserez »), a loan.
 *   The charter says no money changes hands; a moderator may still publish an honest case.
 * - an amount is money unless it belongs to one's own bill, debt, pension or aid (« ma facture de
 *   400 € »); a bare number is money only with a unit price (« 12/h », « 60 le stère », « prix 80 »).
 * - slang that is also a plant, a grain or a toy (« oseille », « blé », « balles », « boules ») is
 *   money only where the sentence makes it so (« un peu d'oseille », « 50 boules »).
 * - « chèque énergie », « chèque alimentaire », « chèque vacances » are public aid, not payment.
 */
export type HoldReason = 'price' | 'payment' | 'costs' | 'money-request' | 'bank' | 'sale' | 'paid-work'

const r = String.raw

// A word that a negation just before it cancels: « non rémunéré », « sans rémunération ».
const NOT_NEGATED = r`(?<!\b(?:non|sans|pas de|pas d'|pas|aucune?|jamais de|jamais d'|jamais|ni|rien a|pas un|ne|ne se|n') ?)`
const word = (body: string) => new RegExp(r`${NOT_NEGATED}\b(?:${body})\b`)

const OWN = r`(?:mon|ma|mes|son|sa|ses|notre|nos|leur|leurs)`
const INSTITUTION = r`(?:la |le |l'|a la |au |aux |ma |mon |sa |son )?(?:caf|cpam|secu|securite sociale|ameli|mutuelle|carsat|msa|caisse de retraite|caisse d'allocations familiales|impots|tresor public|banque|assurance|france travail|pole emploi|urssaf|departement|mairie|ccas|bailleur|notaire|employeur)`
const MONEY_NOUN = r`(?:factures?|loyers?|pret|credit|dettes?|retraite|pension|salaire|compte|comptes|carte(?: bancaire| bleue)?|banque|conseiller|chequier|fiche de pai?ye?|pai?ye?|budget|impots?|taxe \w+|amendes?|allocations?|apl|rsa|prime \w+|assurance|mutuelle|abonnement|decouvert|epargne|livret|cheque energie|depenses|achats|courses|commande|paiement|reglement|virement)`
const DUES = r`(?:factures?|dettes?|credits?|loyers?|pension|retraite|salaire|decouvert|amendes?|impots?|taxe|apl|rsa|prime|allocation|rappel|trop-percu|cheque energie)`
const AMOUNT = r`\d+(?:[.,]\d+)? ?(?:€|euros?\b|eur\b)`

/** Phrases of one's own money matters, blanked before the rules read the text. */
export const OWN_AFFAIRS: RegExp[] = [
  // paying one's own shopping or bills oneself
  /\b(?:je|il|elle|vous|on) (?:paie|paye|payez|regle|reglez) (?:ma|mes|mon|sa|ses|son|vos|votre|elle-meme|lui-meme|moi-meme|en ligne|avec)\b/g,
  /\b(?:payer|regler|paiement) (?:en ligne|sur internet|par carte)\b/g,
  // « ma facture de gaz de 400 € », « une dette de 3 000 € »
  new RegExp(r`\b${DUES}\b(?: [^ .,;!?]+){0,4}? (?:de|d'un montant de|d'environ|a) ${AMOUNT}`, 'g'),
  new RegExp(r`\b${OWN} ${MONEY_NOUN}\b`, 'g'),
  new RegExp(
    r`\b(?:rib|iban|virement|cheque|paiement|reglement|remboursement)s? (?:a|au|aux|pour|par|de|du|sur|vers) ${INSTITUTION}\b`,
    'g',
  ),
  new RegExp(
    r`\b(?:facture|factures|compte|tarif|tarifs|prix) (?:d'|de |du )?(?:edf|engie|electricite|gaz|eau|energie|telephone|internet|chauffage)\b`,
    'g',
  ),
  // one's own bank details kept in order; giving them to the other person stays held
  /\b(?:trouver|recuperer|imprimer|telecharger|changer|modifier|mettre a jour) (?:mon|ma|son|sa) (?:rib|iban)\b/g,
  /\b(?:rib|iban) (?:sur|dans) (?:l'appli\w*|le site|mon espace)\b/g,
  // someone asked the author for them: a suspected scam the author wants help with
  /\b(?:m'a|m'ont|me) (?:demande|reclame)\w* (?:mon|mes|ma) (?:rib|iban|coordonnees bancaires|code\w*|numero de carte)\b/g,
  /\b(?:dossier|commission|procedure|plan) de surendettement\b|\bbanque de france\b|\bbanque alimentaire\b/g,
  /\bcaisses? (?:de retraite|d'allocations familiales|primaire)\b|\bticket de caisse\b|\bcaisse automatique\b/g,
  // one's own sale or purchase of a house or car, not a sale to the other person
  /\b(?:vente|compromis de vente|acte de vente) (?:de |d')?(?:la |ma |mon |notre |sa |son )?(?:maison|appartement|logement|voiture|vehicule)\b/g,
  /\b(?:maison|appartement|voiture) vendue?\b|\bvendu (?:la|ma|mon|notre|sa|son) (?:maison|appartement|voiture)\b/g,
  /\b(?:aide|aider|m'aider) (?:pour|a) (?:vendre|la vente)\b|\bdemarche de cession\b/g,
  // being reimbursed by an institution, repaying one's own loan
  /\b(?:me|se|te|vous|nous) faire rembourser\b|(?<!\bme )\brembours\w* (?:de |d')?(?:mon|ma|mes|son|sa|ses)\b/g,
  // prices and tariffs as a topic: comparing them, their rise, a social tariff
  /\b(?:compar\w*|hausse|augmentation|flambee|baisse) (?:des |les |du |le |de )?(?:prix|tarifs?|offres?)\b/g,
  /\bprix (?:de l'|du |des |de la )\w+ (?:a |ont )?(?:\w+ )?(?:augmente|double|flambe|explose|monte|grimpe)\b/g,
  /\b(?:le |au |du )tarifs? (?:social|sociale|solidaire|reduit)\b|\bchanger de tarif\b/g,
  /\b(?:comprendre|lire|reli\w*|compar\w*|verifi\w*|expliqu\w*|contest\w*|regard\w*)\b[^.?!]{0,25}\bdevis\b/g,
  /\b(?:erreur|probleme|litige)s? de facturation\b|\bfrais (?:de dossier|bancaires|de transport par)\b/g,
  /\bliquide (?:vaisselle|de frein|de refroidissement)\b|\bespeces (?:d'oiseaux|protegees|animales|vegetales)\b/g,
  /\b(?:fiche|bulletin)s? de pai?ye?\b|\bpoint de vente\b|\bservice apres-vente\b|\bstation essence\b|\b(?:parking|stationnement|peage) payant\b/g,
]

// An ordinal (« en 4e », « 3e étage ») is not an amount in euros.
const E_AMOUNT = r`(?<!\b(?:en|de|au|du|la|le|sa|son|ma|mon|ta|ton) )\b\d+ ?e\b(?! ?(?:etage|arr\w*|siecle|age|annee|classe|rang|anniv\w*|edition|fois|place|trimestre|semestre|jour|generation|enfant|petit))`
const UNIT = r`(?:la piece|piece|le kilo|le kg|la douzaine|le lot|le stere|le pot|l'unite|le trajet|par trajet|par passage|le passage|la tonte|la coupe|la coiffure|le dossier|le cours|la balade|le masque|par personne|par nuit|par mois|par semaine|par jour)`
// A unit of time after an amount is a wage: « 10 € la séance », « 25 de l'heure ». A bare « 1 heure » is a duration.
const TIME_UNIT = r`(?:l'heure|de l'heure|par heure|la demi-heure|la seance|par seance|la journee|la nuit|le week-end)`

/** Each pattern names the reason it holds for; every matching reason is given. */
export const RULES: [HoldReason, RegExp][] = [
  ['price', new RegExp(AMOUNT)],
  ['price', /€/],
  ['price', new RegExp(E_AMOUNT)],
  ['price', /\b\d+(?:[.,]\d+)? ?\/ ?(?:mois|jour|semaine|pers\w*|seance|nuit|piece)\b/],
  ['price', new RegExp(r`\b\d+(?:[.,]\d+)? ${UNIT}\b`)],
  [
    'price',
    /\b\d+ (?:balles|boules)\b(?! de (?:tennis|golf|ping|petanque|glace|neige|laine|coton|riz|bois))/,
  ],
  [
    'price',
    word(
      r`euros?|tarifs?|tarification|forfaits?|prix|payante?s?|pas gratuite?s?|a debattre|faire offre|pas chere?s?|moins chere?s?|prix coutant|somme modique|petite somme|une somme|quelques euros`,
    ),
  ],
  ['paid-work', /\b\d+(?:[.,]\d+)? ?(?:€|euros?|e)? ?\/ ?h(?:eure)?\b/],
  ['paid-work', new RegExp(r`\b\d+(?:[.,]\d+)? ?(?:€|euros?\b|e\b|balles\b|boules\b)? ?${TIME_UNIT}`)],
  [
    'paid-work',
    word(
      r`remuner\w*|retribu\w*|(?:je|on) (?:fais|fait|ferai|fournis|donne) (?:des |la |une )?factures?|salaire|honoraires|cesu|cheques? emploi service|auto-?entrepreneur|micro-?entrepr\w*|devis|factur(?:er|ez|ons|ation|erai|era)|(?:je|on|nous) (?:vous |te |les )?factur\w*|(?<!\b(?:ses|mes|les|des|vos|tes|nos|leurs|ces|la|ma|sa|ta|une|votre|cette|leur|de|en|sur) )facturee?s? (?:a|au|selon|par|en)|facture (?:fournie|possible|sur demande|a la demande)|sur facture|de l'heure|par heure|au black|au noir|argent de poche|payee?s? (?:a l'heure|au black|au noir)`,
    ),
  ],
  [
    'payment',
    word(
      r`contre (?:paiement|remuneration|retribution|dedommagement|(?:un |une |des |quelques |de l'|du )?(?:petite? |peu de |peu d')?(?:billet|somme|pourboire|argent|sous|euros?|quelque chose))|moyennant|(?:paiement|reglement|regle\w*|pay\w*) (?:en|par|avec) (?:especes|liquide|cash|cheques?(?! (?:energie|alimentaires?|vacances))|virement|lydia|paypal|paylib|wero|cesu|cheque emploi|mandat)|paiement (?:wero|paylib|lydia|paypal)|en especes|especes uniquement|en liquide|argent liquide|cash|(?:par|en) cheques?(?! (?:energie|alimentaires?|vacances))|petit billet|(?:\+|plus|file|donne|glisse|laisse) (?:un |un petit |des )?billets?\b(?! de)|pourboire|acompte|(?:petit|un) geste|a votre bon coeur|au chapeau|libre participation|frais de port|euros? symbolique|arrhes|(?:de|une|contre|avec|sous|moyennant) caution|caution (?:demandee|exigee|obligatoire)|pour le reglement|(?:je|on) (?:vous |te |t')regle|(?<!(?:aide|aider|m'aider) (?:a|au|pour) (?:le )?)paiement(?! (?:des|de mes|de ses|de vos|de la|de sa|de ma|du|en ligne)\b)|(?:je|on|nous) (?:vous |te |t'|les |la |le )?(?:paie|paye|paierai|payerai|paierons|payerons|paiera|payera|paierais|payerais|verse|verserai)\b|(?:vous|tu) me (?:payez|paies|payes|paierez|payerez|reglez|versez)|fai\w* payer|payable|(?<!\b(?:deja|est|sont|ete) )payee?s?\b(?! (?:par (?:la |ma |sa |le |l')?(?:mutuelle|secu|caf|cpam|assurance|departement|mairie|ccas|banque|carte)|en ligne))|(?:je|on) (?:vous |te )?(?:paie|paye) (?:\d|bien|cash|la personne|celui|celle|qui)`,
    ),
  ],
  [
    'costs',
    word(
      r`dedom+ag\w*|defrai\w*|defray\w*|parti\w{0,3}pation (?:financiere|aux frais|pour|de \d|\d|essence|carburant)|parti\w{0,3}p\w* (?:aux|pour les|a des) frais|(?:une |petite |la |sa |votre |de )contribution\b(?! a la vie)|contribution (?:libre|financiere|de \d|pour|aux)|partag\w* (?:de |des |les |l')?(?:frais|essence|carburant|peage|autoroute)|partage des frais|frais (?:d'essence|kilometriques|de (?:deplacement|route|carburant|trajet|peage|route))|(?:pour|de|a|rembourse\w*|paye\w*|paie\w*) l'essence|pour le (?:carburant|gasoil|plein)|rembours\w* (?:l'essence|le carburant|les frais|le trajet|le peage|les courses)|(?:vous|tu|il|elle|on) me rembours\w*|me rembourser|(?:je|on) (?:vous |te )?rembours\w*|rembourser? apres`,
    ),
  ],
  [
    'money-request',
    word(
      r`(?:besoin|manque|demande|donner|donnez|preter|pretez|avancer|avancez|envoyer|envoyez|gagner|un peu|un peu d'|pour) (?:d'|de l'|l')argent|(?:preter|pretez|depanner|depannez|avancer|avancez) (?:de )?${AMOUNT}|depanner de \d+|m'avancer (?:l'argent|les frais|la somme|\d)|arrondir (?:mes |les |ses )?fins de mois|complement de revenus?|cagnotte|leetchi|gofundme|kisskiss\w*|thunes?|thune|pognon|fric|(?:peu|contre|pour|faire|gagner|y a|de la|du) (?:de l'|d'|l')?oseille|oseille a la cle|(?:peu|contre|pour|faire|gagner) (?:de |du )ble|(?:quelques|des|peu de|petits|besoin de|manque de) sous\b(?!-)|(?:besoin|manque) (?:de |d')(?:thunes?|fric|pognon)|besoin d'un pret|un pret de \d`,
    ),
  ],
  [
    'bank',
    word(
      r`iban|rib|bic|paypal|lydia|paylib|wero|western union|mandat cash|par virement|virement (?:bancaire|instantane|a la commande)|(?:(?:faites|fais|envoyez|envoie)[- ]moi|me faire|m'envoyer) un virement|(?:je|on) (?:vous|te) (?:fais|fait|ferai|ferais|ferons) un virement|(?:je|on) (?:vous|te|t') ?vire\b|coordonnees bancaires|numero de (?:carte|compte)|code (?:de (?:la|votre) )?carte`,
    ),
  ],
  [
    'sale',
    word(
      r`a vendre|vends?|vendons|vendu|vente|revend\w*|a ceder|cede|je loue|a louer|location|(?:un|petit) loyer|loyers? (?:de )?\d|loyers? (?:modere|raisonnable|a negocier|charges|mensuel|demande)|contre (?:un )?loyer|loue mon|loue ma|prix casse|commission sur|rachete?s?|rachat|j'achete vos|achete (?:vos|tout)|(?:je|on) vous achete|m'acheter|leboncoin|le bon coin|vinted|prix ferme`,
    ),
  ],
]
