import { defineMessages } from '../../platform/i18n/define.ts'

export const accountMessages = defineMessages(
  {
    'signup.title': 'Créer un compte',
    'signup.intro': 'Commencez par vérifier que votre commune fait partie de {name}.',
    'signup.commune.label': 'Votre commune',
    'signup.commune.hint': 'Son nom ou son code postal, par exemple « Bayeux » ou « 14400 ».',
    'signup.check': 'Vérifier ma commune',
    'signup.covered': '{commune} fait partie de {name}.',
    'signup.notCovered':
      'Nous ne trouvons pas « {query} » parmi les communes de {name}. Vérifiez l’orthographe ou essayez le code postal.',
    'signup.choose': 'Plusieurs communes correspondent. Laquelle est la vôtre ?',
    'signup.commune.required': 'Indiquez votre commune',
    'signup.commune.tooLong': 'Le nom de la commune doit faire 100 caractères au plus',
    'signup.accountsSoon':
      'La création de compte en ligne ouvre prochainement. En attendant, écrivez à {email}.',
  },
  {
    'signup.title': 'Create an account',
    'signup.intro': 'First, check that your commune is part of {name}.',
    'signup.commune.label': 'Your commune',
    'signup.commune.hint': 'Its name or postcode, for example “Bayeux” or “14400”.',
    'signup.check': 'Check my commune',
    'signup.covered': '{commune} is part of {name}.',
    'signup.notCovered':
      'We cannot find “{query}” among the communes of {name}. Check the spelling or try the postcode.',
    'signup.choose': 'Several communes match. Which one is yours?',
    'signup.commune.required': 'Enter your commune',
    'signup.commune.tooLong': 'The commune name must be 100 characters or fewer',
    'signup.accountsSoon': 'Online sign-up opens soon. Meanwhile, write to {email}.',
  },
)
