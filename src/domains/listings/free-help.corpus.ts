/**
 * The TUNING part of the free-help rule's corpus: labelled asks and offers in French, written as
 * residents write them, read while changing the rule (bench/free-help.ts prints its mistakes) and
 * held at 100 % by free-help.test.ts. Texts the rule was not tuned on are in free-help.held-out.ts.
 * Half are commercial;
 * the clean half includes texts that speak of money without asking for any (« prime
 * d'activité », « factures », « chèque énergie », « carte bancaire » for one's own shopping).
 * Add every false alarm or miss met in moderation here, with its label.
 */
import type { FreeHelpExample } from './free-help.example.ts'
import { freeHelpPhrasings } from './free-help.phrasings.ts'
import { freeHelpVariants } from './free-help.variants.ts'

export type { FreeHelpExample }

const clean = (title: string, description: string): FreeHelpExample => ({
  title,
  description,
  commercial: false,
})
const paid = (title: string, description: string): FreeHelpExample => ({
  title,
  description,
  commercial: true,
})

export const freeHelpCorpus: readonly FreeHelpExample[] = [
  clean(
    'Aide pour remplir un dossier de prime d’activité',
    'Je n’arrive pas à faire ma demande de prime d’activité sur le site de la CAF, quelqu’un peut m’aider ?',
  ),
  clean(
    'Aide au paiement des factures en ligne',
    'Ma mère de 82 ans reçoit ses factures par internet, il faudrait lui montrer comment les régler en ligne.',
  ),
  clean(
    'Courses pour une voisine',
    'Je peux faire vos courses le samedi : vous payez avec votre carte, je vous accompagne et je porte les sacs.',
  ),
  clean(
    'Utiliser mon chèque énergie',
    'J’ai reçu un chèque énergie et je ne sais pas comment l’envoyer à mon fournisseur. Merci d’avance.',
  ),
  clean('Promenade de chien', 'Je promène votre chien le matin, gratuitement bien sûr, j’adore les animaux.'),
  clean(
    'Accompagnement à la banque',
    'Besoin de quelqu’un pour m’accompagner à un rendez-vous avec mon conseiller à la banque mardi.',
  ),
  clean(
    'Prêt de tondeuse',
    'Je prête ma tondeuse thermique, je ne demande rien en échange, juste de la rendre propre.',
  ),
  clean(
    'Déclaration d’impôts',
    'Aide pour faire ma déclaration d’impôts en ligne, je n’ai jamais utilisé le site.',
  ),
  clean(
    'Comprendre une facture d’électricité',
    'Ma facture a beaucoup augmenté, j’aimerais qu’on m’aide à la lire.',
  ),
  clean(
    'Médicaments à la pharmacie',
    'Ordonnance déjà réglée par la mutuelle, il faut juste aller la chercher à la pharmacie du bourg.',
  ),
  clean(
    'Cours de couture pour faire des masques',
    'Je montre comment coudre des masques en tissu, cours gratuits le samedi.',
  ),
  clean(
    'Promeneur bénévole',
    'Bénévole non rémunéré, je propose de sortir les chiens des personnes hospitalisées près de chez moi.',
  ),
  clean(
    'Aide aux devoirs en maths',
    'Mon fils est en 4e, il a du mal avec les fractions. Une heure le mercredi ?',
  ),
  clean(
    'Transport au centre de vaccination',
    'Rendez-vous le 12 à 10h au centre de vaccination de Lisieux, je n’ai pas de voiture.',
  ),
  clean(
    'Dossier APL',
    'Besoin d’aide pour remplir mon dossier APL et mettre à jour ma déclaration de ressources.',
  ),
  clean('Vêtements d’enfant', 'Je donne des vêtements de fille 3 ans, en bon état, à qui en a besoin.'),
  clean(
    'Tri de papiers administratifs',
    'Je suis perdu dans mes papiers : relevés de compte, impôts, assurance. Qui peut m’aider à trier ?',
  ),
  clean(
    'Garde de chat',
    'Je cherche quelqu’un pour nourrir mon chat pendant mon hospitalisation du 3 au 10 mai.',
  ),
  clean(
    'Pain du matin',
    'Je vais à la boulangerie tous les matins, je peux prendre le pain d’un voisin âgé.',
  ),
  clean(
    'Réparation de vélo',
    'Je répare les vélos des enfants du quartier, apportez les pièces si vous les avez.',
  ),
  clean(
    'Taille de haie',
    'Je taille votre haie et je prête aussi le taille-haie si vous préférez le faire vous-même.',
  ),
  clean(
    'Appels à une dame isolée',
    'Je peux téléphoner deux fois par semaine à une dame de 85 ans qui se sent seule.',
  ),
  clean(
    'Masques à donner',
    'J’ai cousu 50 masques en tissu, à donner aux soignants et aux aides à domicile.',
  ),
  clean('Séance de kiné', 'Accompagner mon père à sa séance de kiné, trente minutes, le jeudi après-midi.'),
  clean(
    'Demande de chèque énergie',
    'Aide pour vérifier si j’ai droit au chèque énergie et faire la démarche.',
  ),
  clean(
    'Application de la banque',
    'Qui peut m’aider à installer l’application de ma banque sur mon nouveau téléphone ?',
  ),
  clean(
    'Résilier un abonnement',
    'Aide pour résilier un abonnement de téléphone trop cher, je ne trouve pas comment faire.',
  ),
  clean(
    'Studio pour infirmière',
    'Hébergement gratuit pour une infirmière ou un aide-soignant, studio meublé près du CHU.',
  ),
  clean(
    'Plants de tomates',
    'Je donne des plants de tomates et de courgettes de mon jardin, venez les chercher.',
  ),
  clean(
    'Soutien scolaire en anglais',
    'Séance d’une heure le mercredi pour un collégien, en visio ou à la médiathèque.',
  ),
  clean(
    'Courses au drive',
    'Je paie ma commande en ligne avec ma carte bancaire, il faut juste la récupérer au drive et me l’apporter.',
  ),
  clean('Remplir un dossier de retraite', 'Besoin d’aide pour demander ma pension de retraite sur internet.'),
  clean(
    'Colis alimentaire',
    'Pouvez-vous aller chercher mon colis à l’épicerie solidaire ? Je suis immobilisée.',
  ),
  clean(
    'Dossier de surendettement',
    'Aide pour préparer un dossier pour la commission de surendettement, je suis perdu.',
  ),
  clean(
    'Prêt d’un fauteuil roulant',
    'Je prête un fauteuil roulant pliant pour quelques semaines, sans contrepartie.',
  ),
  clean(
    'Jardinage chez une personne âgée',
    'Je désherbe et tonds la pelouse d’une voisine qui ne peut plus, c’est gratuit.',
  ),
  paid('Ménage à domicile', 'Je fais le ménage chez vous, 15 €/h, sérieuse et discrète.'),
  paid('Cours de piano', 'Professeur de piano donne cours à domicile, 20 € de l’heure.'),
  paid('Vélo enfant', 'Vends vélo enfant 16 pouces, très bon état, 30 euros.'),
  paid('Garde d’enfants', 'Garde d’enfants rémunérée le soir et le week-end, expérience en crèche.'),
  paid('Tonte de pelouse', 'Je tonds votre pelouse, tarif selon la surface du terrain.'),
  paid('Masques en tissu', 'À vendre : masques en tissu lavables, 3€ pièce.'),
  paid('Dépannage informatique', 'Installation d’ordinateur et d’imprimante contre paiement, je me déplace.'),
  paid('Courses à domicile', 'Je fais vos courses et vous les livre, paiement en espèces à la livraison.'),
  paid('Réservation du matériel', 'Pour réserver la perceuse, envoyez le montant par PayPal.'),
  paid('Location de remorque', 'Règlement par virement, je vous envoie mon RIB dès que vous confirmez.'),
  paid('Promenade de chiens', 'Je promène vos chiens une heure, vous me payez par Lydia.'),
  paid('Baby-sitting', 'Étudiante disponible pour du baby-sitting, payable en CESU.'),
  paid('Atelier cuisine', 'Atelier de cuisine du monde, service payant, inscription obligatoire.'),
  paid('Remboursement', 'Donnez-moi votre IBAN pour que je vous rembourse la commande.'),
  paid('Garde de chien', 'Je cherche quelqu’un pour garder mon chien, je paie 10€ la journée.'),
  paid('Bricolage', 'Petits travaux de bricolage et de plomberie, devis gratuit.'),
  paid('Jardinier', 'Auto-entrepreneur en entretien de jardins, je me déplace dans tout le canton.'),
  paid('Cours de maths', 'Cours particuliers de maths du collège au lycée, prix raisonnable.'),
  paid('Légumes de la ferme', 'Vente de légumes de la ferme, panier à 12 euros à retirer le vendredi.'),
  paid('Heures de ménage', 'Cherche heures de ménage, rémunération à convenir ensemble.'),
  paid('Promenade canine', 'Je promène votre chien, petite participation financière demandée.'),
  paid('Chauffeur', 'Chauffeur pour vos rendez-vous médicaux, participation aux frais d’essence 5 euros.'),
  paid('Aide au déménagement', 'Besoin de deux bras pour mon déménagement samedi, je vous paierai bien sûr.'),
  paid('Réparation d’ordinateur', 'Je répare votre ordinateur portable, paiement par chèque uniquement.'),
  paid('Couture de masques', 'Je couds des masques sur commande, 2 euros le masque, élastiques compris.'),
  paid('Logement soignants', 'Studio pour soignants près de l’hôpital, loyer 300€/mois charges comprises.'),
  paid('Studio près du CHU', 'Je loue mon studio meublé aux internes et infirmières pendant la crise.'),
  paid('Soutien scolaire', 'Soutien scolaire en français et en histoire, 25€ la séance d’une heure.'),
  paid('Garde de chats', 'Je garde vos chats pendant les vacances, un petit dédommagement est souhaité.'),
  paid('Aide administrative', 'Aide pour vos papiers administratifs contre rétribution.'),
  paid('Plants de tomates', 'Je vends mes plants de tomates, 1,50 € le pot, variétés anciennes.'),
  paid('Petit bricolage', 'Je monte vos meubles, un petit billet fera l’affaire.'),
  paid('Transport aéroport', 'Je vous conduis à l’aéroport, paiement Wero ou Paylib accepté.'),
  paid('Peinture', 'Travaux de peinture intérieure, je fais des prix pour les retraités.'),
  paid('Repassage', 'Repassage à domicile, 10 euros de l’heure, linge rendu le lendemain.'),
  paid(
    'Prêt de matériel',
    'Pour la caution, envoyez vos coordonnées bancaires avant de venir chercher le matériel.',
  ),
  paid('Vélo électrique', 'Vélo électrique à céder 400 €, batterie neuve.'),
  paid('Livraison de courses', 'Je livre vos courses moyennant une petite commission sur le ticket.'),
  // Written after the first measure, as oblique wordings the rule then missed or wrongly held.
  paid('Garde d’enfants le mercredi', 'Je garde vos enfants le mercredi, 8 balles de l’heure.'),
  paid('Coiffure à domicile', 'Coiffure à domicile pour les personnes âgées, forfait coupe et brushing.'),
  paid('Débarras', 'Je rachète vos vieux meubles et vide les greniers.'),
  paid('Jardinage', 'Entretien de jardin, paiement à la fin du chantier.'),
  paid('Covoiturage pour Caen', 'Je vais à Caen tous les lundis, on partage l’essence.'),
  clean('Billet de train', 'Aide pour acheter un billet de train en ligne pour aller voir ma fille.'),
  clean('Cantine en ligne', 'Besoin d’aide pour payer en ligne la cantine de mes enfants.'),
  clean('Avis d’imposition', 'Qui peut m’aider à comprendre mon avis d’imposition ?'),
  clean('Courses en fin de mois', 'Je cherche une aide pour mes courses, je n’ai plus d’argent jusqu’au 5.'),
  clean(
    'Virement depuis l’application',
    'Aide pour faire un virement à mon fils depuis l’application de ma banque.',
  ),
  clean('Canapé à donner', 'Donne canapé trois places, à venir chercher.'),
  clean('Prêt de perceuse', 'Prêt de perceuse, pas de caution, juste la rapporter.'),
  ...freeHelpPhrasings,
  ...freeHelpVariants,
]
