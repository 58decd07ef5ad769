import { defineMessages } from '../../platform/i18n/define.ts'

export const accountMessages = defineMessages(
  {
    'password.tooShort':
      'Le mot de passe doit faire au moins {min} caractères. Une phrase de plusieurs mots est facile à retenir.',
    'password.tooLong': 'Le mot de passe doit faire au plus {max} caractères',
    'password.personal': 'Le mot de passe ne doit pas reprendre votre nom ou votre adresse électronique',
    'password.common': 'Ce mot de passe est trop courant : ajoutez des mots moins prévisibles',
    'password.pattern':
      'Ce mot de passe suit une suite trop facile à deviner (répétitions, « azerty », « 1234 »…)',
    'password.weak': 'Ce mot de passe est trop facile à deviner : allongez-le avec quelques mots de plus',
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
    'password.tooShort':
      'The password must be at least {min} characters long. A sentence of several words is easy to remember.',
    'password.tooLong': 'The password must be at most {max} characters long',
    'password.personal': 'The password must not contain your name or email address',
    'password.common': 'This password is too common: add less predictable words',
    'password.pattern': 'This password follows a pattern that is easy to guess (repeats, “qwerty”, “1234”…)',
    'password.weak': 'This password is too easy to guess: make it longer with a few more words',
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
