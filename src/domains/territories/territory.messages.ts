import { defineMessages } from '../../platform/i18n/define.ts'

export const territoryMessages = defineMessages(
  {
    'home.title': 'Accueil',
    'home.intro': 'Entre voisins, on se rend service gratuitement : des courses, un appel, un coup de main.',
    'home.doors': 'Que souhaitez-vous faire ?',
    'home.highlight': 'À la une',
    'home.needHelp.hint': 'Des courses, un appel, une garde d’enfant, une aide informatique…',
    'home.wantToHelp.hint': 'Donnez un peu de votre temps près de chez vous.',
    'home.how.title': 'Comment ça marche',
    'home.how.step1': 'Vous décrivez votre besoin ou ce que vous proposez.',
    'home.how.step2': 'Un voisin ou une association vous répond par la plateforme.',
    'home.how.step3': 'Vous échangez vos coordonnées seulement quand vous êtes tous les deux d’accord.',
    'home.phone.title': 'Pas d’internet ?',
    'home.phone.body': 'Un proche peut faire la demande pour vous, ou écrivez {institutionTo} :',
    'door.need.title': 'J’ai besoin d’aide',
    'door.need.intro':
      'Vous pouvez demander de l’aide pour vous-même ou pour un proche qui n’est pas à l’aise avec internet.',
    'door.need.online':
      'En ligne : créez un compte, puis décrivez votre besoin en quelques mots. Les voisins qui peuvent aider près de chez vous vous répondent.',
    'door.help.title': 'Je veux aider',
    'door.help.intro':
      'Chacun peut aider, selon son temps et ses savoir-faire : faire des courses, appeler une personne isolée, aider aux devoirs, réparer, jardiner…',
    'door.help.steps':
      'Créez un compte, indiquez votre commune, ce que vous savez faire et jusqu’à quelle distance vous pouvez vous déplacer. Vous serez prévenu des demandes proches de chez vous.',
    'door.safety.title': 'Pour votre sécurité',
    'door.safety.money': 'L’aide est gratuite : ne donnez jamais d’argent ni vos coordonnées bancaires.',
    'door.safety.meet': 'Pour une première rencontre, choisissez un lieu public ou venez accompagné.',
    'door.safety.barrier': 'Respectez les gestes barrières en période d’épidémie.',
    'door.createAccount': 'Créer un compte',
    'door.need.post': 'Décrire mon besoin',
    'door.help.post': 'Proposer mon aide',
    'legal.title': 'Mentions légales',
    'legal.default':
      'Éditeur : {official}. Contact : {email}.\n\nCette plateforme est un logiciel libre (licence AGPL-3.0-or-later). Les données des communes proviennent de la Base officielle des codes postaux (© La Poste) et du découpage administratif publié par Etalab.',
    'privacy.title': 'Données personnelles',
    'privacy.body':
      '{official} est responsable du traitement des données de cette plateforme, dont la finalité est la mise en relation gratuite entre habitants.\n\nNous ne collectons que ce qui est nécessaire : votre nom affiché, votre commune et un moyen de vous contacter. Vos coordonnées ne sont jamais montrées à un autre utilisateur sans votre accord.\n\nVous pouvez demander l’accès, la rectification ou l’effacement de vos données en écrivant à {email}. Vous pouvez aussi saisir la CNIL.',
    'accessibility.title': 'Accessibilité',
    'accessibility.body':
      '{official} s’engage à rendre cette plateforme accessible conformément au RGAA 4 (WCAG 2.1 niveau AA).\n\nÉtat de conformité : partiellement conforme, en attendant un audit complet. Chaque page est vérifiée automatiquement, se parcourt au clavier, fonctionne sans JavaScript et reste lisible avec un zoom de 200 %.\n\nSi vous ne pouvez pas accéder à un contenu ou à un service, écrivez à {email} : nous vous répondrons avec une alternative accessible.',
    'charter.title': 'Charte de l’entraide',
    'charter.default':
      'L’aide est gratuite. Aucun argent ne change de mains, aucune vente, aucun travail rémunéré.\n\nOn se respecte : pas de propos blessants, pas de démarchage, pas de publicité.\n\nOn protège les plus fragiles : ne demandez jamais d’argent, de coordonnées bancaires ni de documents personnels.\n\nOn se rencontre en sécurité : la première fois dans un lieu public, ou accompagné.\n\nOn signale ce qui ne va pas : toute annonce ou tout message suspect peut être signalé à l’équipe du Département.',
    'contact.title': 'Contact',
    'contact.editor': 'Plateforme proposée par {institution}.',
    'territory.error.departementsRequired': 'Indiquez au moins un code de département',
    'territory.error.departement': '« {code} » n’est pas un code de département (exemples : 14, 2A, 974)',
    'territory.error.name': 'Le nom de la plateforme doit faire entre 3 et 80 caractères',
    'territory.error.slug':
      'L’identifiant ne peut contenir que des lettres minuscules, des chiffres et des tirets',
    'territory.error.slugTaken': 'L’identifiant « {slug} » est déjà pris',
    'territory.error.colourFormat': 'La couleur doit s’écrire #rrggbb, par exemple #1f4e8c',
    'territory.error.colourContrast':
      'La couleur {colour} est trop claire : un texte blanc posé dessus ne serait pas lisible (contraste inférieur à 4,5:1)',
    'territory.error.email': 'L’adresse de contact n’est pas une adresse électronique valide',
    'territory.error.host': '« {host} » n’est pas un nom d’hôte valide',
    'territory.error.hostTaken': 'Le nom d’hôte « {host} » est déjà utilisé par une autre plateforme',
    'territory.error.unknown': 'Aucun territoire ne porte l’identifiant ou le code « {key} »',
    'territory.error.logo': 'Le logo doit être une adresse https:// ou un fichier de /static/',
  },
  {
    'home.title': 'Home',
    'home.intro': 'Neighbours help each other for free: groceries, a phone call, a helping hand.',
    'home.doors': 'What would you like to do?',
    'home.highlight': 'Featured',
    'home.needHelp.hint': 'Groceries, a call, childcare, help with computers…',
    'home.wantToHelp.hint': 'Give a little of your time near where you live.',
    'home.how.title': 'How it works',
    'home.how.step1': 'You describe what you need or what you offer.',
    'home.how.step2': 'A neighbour or an association answers you through the platform.',
    'home.how.step3': 'You exchange contact details only when you both agree.',
    'home.phone.title': 'No internet?',
    'home.phone.body': 'A relative can ask on your behalf, or write {institutionTo}:',
    'door.need.title': 'I need help',
    'door.need.intro':
      'You can ask for help for yourself or for a relative who is not comfortable with the internet.',
    'door.need.online':
      'Online: create an account, then describe what you need in a few words. Neighbours who can help near you will answer.',
    'door.help.title': 'I want to help',
    'door.help.intro':
      'Everyone can help, with their time and skills: shopping, calling an isolated person, homework help, repairs, gardening…',
    'door.help.steps':
      'Create an account, give your commune, what you can do and how far you can travel. You will be told about requests near you.',
    'door.safety.title': 'Staying safe',
    'door.safety.money': 'Help is free: never give money or your bank details.',
    'door.safety.meet': 'For a first meeting, choose a public place or bring someone with you.',
    'door.safety.barrier': 'Follow barrier gestures during an epidemic.',
    'door.createAccount': 'Create an account',
    'door.need.post': 'Describe what I need',
    'door.help.post': 'Offer my help',
    'legal.title': 'Legal notice',
    'legal.default':
      'Publisher: {official}. Contact: {email}.\n\nThis platform is free software (AGPL-3.0-or-later licence). Commune data comes from the official postcode base (© La Poste) and the administrative boundaries published by Etalab.',
    'privacy.title': 'Personal data',
    'privacy.body':
      '{official} is the data controller of this platform, whose purpose is to connect inhabitants for free help.\n\nWe collect only what is needed: your display name, your commune and a way to contact you. Your contact details are never shown to another user without your consent.\n\nYou can ask to access, correct or erase your data by writing to {email}. You may also contact the CNIL.',
    'accessibility.title': 'Accessibility',
    'accessibility.body':
      '{official} is committed to making this platform accessible under RGAA 4 (WCAG 2.1 level AA).\n\nCompliance status: partially compliant, pending a full audit. Every page is checked automatically, can be used with a keyboard, works without JavaScript and stays readable at 200% zoom.\n\nIf you cannot access some content or service, write to {email}: we will answer with an accessible alternative.',
    'charter.title': 'Mutual aid charter',
    'charter.default':
      'Help is free. No money changes hands, no sales, no paid work.\n\nWe respect each other: no hurtful words, no canvassing, no advertising.\n\nWe protect the most vulnerable: never ask for money, bank details or personal documents.\n\nWe meet safely: the first time in a public place, or with someone.\n\nWe report what is wrong: any suspicious listing or message can be reported to the Département’s team.',
    'contact.title': 'Contact',
    'contact.editor': 'Platform provided by {institution}.',
    'territory.error.departementsRequired': 'Give at least one département code',
    'territory.error.departement': '“{code}” is not a département code (examples: 14, 2A, 974)',
    'territory.error.name': 'The platform name must be 3 to 80 characters long',
    'territory.error.slug': 'The identifier may only contain lower-case letters, digits and hyphens',
    'territory.error.slugTaken': 'The identifier “{slug}” is already taken',
    'territory.error.colourFormat': 'The colour must be written #rrggbb, for example #1f4e8c',
    'territory.error.colourContrast':
      'The colour {colour} is too light: white text on it would not be readable (contrast below 4.5:1)',
    'territory.error.email': 'The contact address is not a valid email address',
    'territory.error.host': '“{host}” is not a valid host name',
    'territory.error.hostTaken': 'The host name “{host}” is already used by another platform',
    'territory.error.unknown': 'No territory has the identifier or code “{key}”',
    'territory.error.logo': 'The logo must be an https:// address or a file under /static/',
  },
)
