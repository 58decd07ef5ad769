// The import rules of docs/ARCHITECTURE.md, checked by `npm run deps` (part of `npm run check`).
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
      severity: 'warn',
      from: { path: '^src/domains/([^/]+)/', pathNot: '\\.test\\.tsx?$' },
      to: {
        path: '^src/domains/([^/]+)/',
        pathNot: ['^src/domains/$1/', '^src/domains/[^/]+/index\\.ts$'],
      },
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
