import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { buildApp } from './app.ts'
import { ConfigError, loadConfig } from './config.ts'
import { seedDemo } from './demo.ts'
import { createAdministrator } from './domains/accounts/staff/first-admin.ts'
import { VolunteerService } from './domains/volunteers/volunteer.service.ts'
import { modules } from './modules.ts'
import { backupCommand } from './platform/db/backup.ts'
import { type Database, openDatabase } from './platform/db/client.ts'
import { migrate } from './platform/db/migrate.ts'
import { MigrationChangedError } from './platform/db/migration-checksums.ts'
import { explainStartFailure } from './platform/db/startup.ts'
import { translator } from './platform/i18n/i18n.ts'
import type { LocalisedText, Territory } from './platform/tenancy/territory.ts'
import { ValidationError } from './platform/validation.ts'

const HELP = `Usage : entraide <commande> [options]

Commandes :
  migrate                       applique les migrations et recharge les données de référence
  territory add                 ajoute un territoire (une plateforme)
      --departement 14          code de département (répétable : --departement 14 --departement 50)
      --name "Entraide Calvados"  nom de la plateforme
      --host entraide.calvados.fr nom d'hôte (répétable)
      [--official "Département du Calvados"] [--slug calvados] [--color "#1f4e8c"] [--contact adresse]
  territory set <slug|code>     modifie un territoire existant
      [--name …] [--official …] [--color "#1f4e8c"] [--logo https://…] [--contact adresse]
      [--add-host h] [--remove-host h] [--crisis on|off]
      [--legal-file texte.txt] [--charter-file texte.txt] [--presentation-file texte.txt]
      (textes en français ; --legal-file-en, --charter-file-en, --presentation-file-en pour l'anglais)
  territory list                liste les territoires et leurs noms d'hôte
  create-admin                  crée le premier administrateur d'un territoire et lui envoie son invitation
      --territory 14 --email adresse [--name "Claire Martin"] [--commune Caen]
  volunteer verify              note qu'une personne est un bénévole vérifié (garde d'enfants, visites)
      --territory 14 --email adresse [--until AAAA-MM-JJ] [--note "pièce d'identité vue"]
      (un an sans --until, trois ans au plus ; jamais de numéro de document dans la note)
  volunteer revoke              retire la vérification d'une personne
      --territory 14 --email adresse
  seed-demo                     crée le territoire de démonstration (jamais en production)
  mail:test --to adresse [--territory 14]  envoie un courriel de test par la file de tâches
  jobs:run                      exécute une fois les tâches dues (maintenance)
  openapi                       écrit le document OpenAPI sur la sortie standard
  backup --out fichier.tar.gz   sauvegarde la base intégrée (PGLITE_DIR), serveur arrêté
  restore --from fichier.tar.gz restaure une sauvegarde dans PGLITE_DIR, vide ; --force remplace ses données
      (avec PostgreSQL : pg_dump et pg_restore, voir docs/OPERATIONS.md)

L'environnement (DATABASE_URL, SMTP_URL…) est celui du serveur : voir docs/OPERATIONS.md.`

/** Where a command writes, and the environment it reads: the process's own, or a test's. */
export interface CommandContext {
  env: NodeJS.ProcessEnv
  out(text: string): void
  err(text: string): void
}

const processContext: CommandContext = {
  env: process.env,
  out: (text) => console.log(text),
  err: (text) => console.error(text),
}

/** Runs one `entraide` command and gives its exit status; `bin/entraide.js` exits with it. */
export async function runCommand(argv: string[], io: CommandContext = processContext): Promise<number> {
  try {
    return await main(argv, io)
  } catch (error) {
    const operatorMustFix = error instanceof ConfigError || error instanceof MigrationChangedError
    if (operatorMustFix) io.err(error.message)
    else if (error instanceof ValidationError) {
      const t = translator('fr')
      io.err(`Impossible :\n${error.issues.map((i) => `  - ${t(i.key, i.params)}`).join('\n')}`)
    } else io.err(error instanceof Error ? (error.stack ?? error.message) : String(error))
    return operatorMustFix ? 78 : 1
  }
}

async function main(argv: string[], io: CommandContext): Promise<number> {
  const [command, sub] = argv
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(HELP)
    return 0
  }
  const config = loadConfig({
    ...io.env,
    JOBS_ENABLED: 'false',
    // The server serves the private metrics; a command must not take its port.
    METRICS_LISTEN: '',
    LOG_LEVEL: io.env.LOG_LEVEL ?? 'warn',
  })
  // A backup takes the database as it is, and a restore must not open its target: neither migrates.
  if (command === 'backup' || command === 'restore')
    return backupCommand(command, argv.slice(1), config.database, io)
  let database: Database
  try {
    database = await openDatabase(config.database, { poolSize: 2 })
  } catch (error) {
    // Another process on the embedded directory, or a full disk: say so, not a stack trace.
    const failure = await explainStartFailure(error, config.database)
    if (!failure) throw error
    io.err(failure.message)
    return failure.status
  }
  try {
    await migrate(database)
    const app = await buildApp({ config, database, logger: false })
    const { territories } = app.services
    const grouped = command === 'territory' || command === 'volunteer'
    const rest = argv.slice(grouped ? 2 : 1)
    switch (grouped ? `${command} ${sub}` : command) {
      case 'migrate':
        io.out('Base de données à jour.')
        return 0
      case 'territory add': {
        const { values } = parseArgs({
          args: rest,
          options: {
            departement: { type: 'string', multiple: true },
            name: { type: 'string' },
            host: { type: 'string', multiple: true },
            official: { type: 'string' },
            slug: { type: 'string' },
            color: { type: 'string' },
            contact: { type: 'string' },
          },
        })
        const territory = await territories.create({
          departements: values.departement ?? [],
          platformName: values.name ?? '',
          hostnames: values.host ?? [],
          ...(values.official ? { officialName: values.official } : {}),
          ...(values.slug ? { slug: values.slug } : {}),
          ...(values.color ? { primaryColor: values.color } : {}),
          ...(values.contact ? { contactEmail: values.contact } : {}),
        })
        io.out(
          `Territoire créé : ${territory.platformName} (${territory.slug}), hôtes : ${territory.hostnames.join(', ') || 'aucun'}`,
        )
        return 0
      }
      case 'territory set': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            name: { type: 'string' },
            official: { type: 'string' },
            color: { type: 'string' },
            logo: { type: 'string' },
            contact: { type: 'string' },
            'add-host': { type: 'string', multiple: true },
            'remove-host': { type: 'string', multiple: true },
            crisis: { type: 'string' },
            ...textOptions,
          },
        })
        const key = positionals[0]
        if (!key || (values.crisis && !['on', 'off'].includes(values.crisis))) {
          io.err('Usage : entraide territory set <slug|code> [options] ; --crisis prend on ou off')
          return 2
        }
        const current = await territories.find(key)
        const texts = await readTexts(values, current)
        const territory = await territories.update(key, {
          ...(values.name ? { platformName: values.name } : {}),
          ...(values.official ? { officialName: values.official } : {}),
          ...(values.color ? { primaryColor: values.color } : {}),
          ...(values.logo !== undefined ? { logoUrl: values.logo || null } : {}),
          ...(values.contact ? { contactEmail: values.contact } : {}),
          ...(values.crisis ? { crisisMode: values.crisis === 'on' } : {}),
          ...texts,
          addHosts: values['add-host'] ?? [],
          removeHosts: values['remove-host'] ?? [],
        })
        io.out(
          `Territoire modifié : ${territory.platformName} (${territory.slug}), hôtes : ${territory.hostnames.join(', ') || 'aucun'}, mode crise : ${territory.crisisMode ? 'oui' : 'non'}`,
        )
        return 0
      }
      case 'territory list':
        for (const t of await territories.list()) {
          io.out(`${t.slug}\t${t.departements.join(',')}\t${t.platformName}\t${t.hostnames.join(' ')}`)
        }
        return 0
      case 'seed-demo': {
        if (config.env === 'production') {
          io.err('Refusé : pas de données de démonstration en production.')
          return 1
        }
        const demo = await seedDemo(app.services, modules)
        io.out(
          demo ? `Créé : ${demo.territory.platformName}` : 'Rien à faire : la base a déjà un territoire.',
        )
        return 0
      }
      case 'create-admin': {
        const { values } = parseArgs({
          args: rest,
          options: {
            territory: { type: 'string' },
            email: { type: 'string' },
            name: { type: 'string' },
            commune: { type: 'string' },
          },
        })
        if (!values.territory || !values.email) {
          io.err('Usage : entraide create-admin --territory 14 --email adresse [--name "Prénom Nom"]')
          return 2
        }
        const territory = await territories.find(values.territory)
        if (!territory) {
          io.err(`Territoire inconnu : ${values.territory}. Voir la liste avec « entraide territory list ».`)
          return 1
        }
        const { link, created } = await createAdministrator(app.services, territory, {
          email: values.email,
          name: values.name,
          commune: values.commune,
        })
        await app.services.worker.runDue()
        io.out(
          `${created ? 'Compte créé' : 'Compte existant'}, administrateur de ${territory.platformName}.\nInvitation envoyée par courriel ; le lien (7 jours, usage unique) :\n${link}`,
        )
        return 0
      }
      case 'volunteer verify':
      case 'volunteer revoke': {
        const { values } = parseArgs({
          args: rest,
          options: {
            territory: { type: 'string' },
            email: { type: 'string' },
            ...(sub === 'verify' ? { until: { type: 'string' }, note: { type: 'string' } } : {}),
          },
        })
        if (!values.territory || !values.email) {
          io.err(`Usage : entraide volunteer ${sub} --territory 14 --email adresse`)
          return 2
        }
        const territory = await territories.find(values.territory)
        if (!territory) {
          io.err(`Territoire inconnu : ${values.territory}. Voir la liste avec « entraide territory list ».`)
          return 1
        }
        const volunteers = new VolunteerService(app.services)
        if (sub === 'revoke') {
          const ended = await volunteers.revokeFromCommandLine(territory, values.email)
          if (ended === null) {
            io.err(`Aucun compte sur ${territory.platformName} n'a cette adresse électronique.`)
            return 1
          }
          io.out(ended > 0 ? 'Vérification retirée.' : 'Aucune vérification en cours pour cette personne.')
          return 0
        }
        const result = await volunteers.fromCommandLine(territory, {
          email: values.email,
          until: typeof values.until === 'string' ? values.until : '',
          note: typeof values.note === 'string' ? values.note : '',
        })
        if (result.kind === 'invalid') throw new ValidationError(result.issues)
        io.out(
          `Bénévole vérifié sur ${territory.platformName} : ${result.displayName}, jusqu'au ${result.lastDay} inclus.`,
        )
        return 0
      }
      case 'mail:test': {
        const { values } = parseArgs({
          args: rest,
          options: { to: { type: 'string' }, territory: { type: 'string' } },
        })
        if (!values.to) {
          io.err('Indiquez le destinataire avec --to adresse')
          return 2
        }
        const territory = values.territory ? await territories.find(values.territory) : null
        await app.services.mailer.send({ territory, to: values.to, locale: 'fr', template: 'test', data: {} })
        const ran = await app.services.worker.runDue()
        io.out(`Courriel de test mis en file ; ${ran} tâche(s) exécutée(s).`)
        return 0
      }
      case 'jobs:run':
        io.out(`${await app.services.worker.runDue()} tâche(s) exécutée(s).`)
        return 0
      case 'openapi':
        await app.ready()
        io.out(JSON.stringify(app.swagger(), null, 2))
        return 0
      default:
        io.err(`Commande inconnue : ${argv.join(' ')}\n\n${HELP}`)
        return 2
    }
  } finally {
    await database.close()
  }
}

const textOptions = {
  'legal-file': { type: 'string' },
  'legal-file-en': { type: 'string' },
  'charter-file': { type: 'string' },
  'charter-file-en': { type: 'string' },
  'presentation-file': { type: 'string' },
  'presentation-file-en': { type: 'string' },
} as const

/** Legal texts are long: operators keep them in files, French and English side by side. */
async function readTexts(
  values: Partial<Record<keyof typeof textOptions, string>>,
  current: Territory | null,
) {
  const read = (path: string | undefined) => (path ? readFile(path, 'utf8').then((t) => t.trim()) : undefined)
  const out: Partial<Record<'legalNotice' | 'charter' | 'presentation', LocalisedText>> = {}
  for (const [field, option] of [
    ['legalNotice', 'legal-file'],
    ['charter', 'charter-file'],
    ['presentation', 'presentation-file'],
  ] as const) {
    const fr = await read(values[option])
    const en = await read(values[`${option}-en`])
    if (fr === undefined && en === undefined) continue
    const before = current?.[field] ?? { fr: '' }
    out[field] = { fr: fr ?? before.fr, ...((en ?? before.en) ? { en: en ?? before.en } : {}) }
  }
  return out
}
