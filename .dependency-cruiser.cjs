// The import rules of docs/ARCHITECTURE.md, checked by `npm run deps` (part of `npm run check`).

/**
 * The domains from the ground up: each may use (through index.ts) only those before it, so no two
 * domains depend on each other, even through a third one or a type-only import. Matches build on
 * listings and hand their responses in when the app is assembled (src/modules.ts); the unread
 * count is a notifications plugin the app registers. A new domain takes its place here.
 */
const domainLayers = [
  'categories',
  'territories',
  'accounts',
  'notifications',
  'listings',
  'volunteers',
  'matches',
  'organisations',
  'missions',
  'needs',
  'campaigns',
  'producers',
  'phone',
  'calls',
  'crisis',
  'reports',
  'moderation',
  'dispatch',
  'statistics',
]

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'platform-not-to-domains',
      comment:
        'platform/ is the ground floor: it never imports a domain. A domain brings its routes, texts, ' +
        'mails and tables through its module description, which src/app.ts assembles.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/domains/' },
    },
    {
      name: 'platform-not-to-root',
      comment:
        'The root files (app, server, cli, modules, schema) assemble the platform and the domains; nothing below imports them.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/[^/]+$', pathNot: '^src/config\\.ts$' },
    },
    {
      name: 'domain-through-public-entry',
      comment:
        'A domain uses another only through its public entry src/domains/<other>/index.ts ' +
        '(its services and types), never its repositories, tables, views or internals.',
      severity: 'error',
      from: {
        path: '^src/domains/([^/]+)/',
      },
      to: {
        path: '^src/domains/([^/]+)/',
        pathNot: ['^src/domains/$1/', '^src/domains/[^/]+/index\\.ts$'],
      },
    },
    ...domainLayers.slice(0, -1).map((domain, i) => ({
      name: 'domains-in-layers',
      comment: `${domain} may use only the domains below it: ${domainLayers.slice(0, i).join(', ') || 'none'}.`,
      severity: 'error',
      from: { path: `^src/domains/${domain}/` },
      to: { path: `^src/domains/(${domainLayers.slice(i + 1).join('|')})/` },
    })),
    {
      name: 'domain-has-a-layer',
      comment: 'Every domain is listed in domainLayers, so the rule above sees it.',
      severity: 'error',
      from: { path: '^src/domains/', pathNot: `^src/domains/(${domainLayers.join('|')})/` },
      to: {},
    },
    {
      name: 'no-circular',
      comment: 'No import cycles, type-only ones included: they make the layers meaningless.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a cycle through types still ties the modules together.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
}
