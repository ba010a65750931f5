// The architecture's rules, checked by `npm run lint` (dependency-cruiser; docs/ARCHITECTURE.md explains them).
// Type-only imports count (tsPreCompilationDeps): a cycle through types is a cycle.
//
// Server: every folder of cloud/ is a feature module (one per feature, plus files and reminders) except these
// layers, so a new feature folder is covered without touching this file.
const LAYERS = 'api|compose|shared|adapters|server|seed'
const FEATURE = `^cloud/(?!(?:${LAYERS})/)([^/]+)/`
// Client: src/features/<x> besides the shared plumbing.
const CLIENT_SHARED = 'common|shared'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // ---------- everywhere ----------
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'No import cycles, type-only imports included (DESIGN §3).',
      from: { path: '^(cloud|src/domain)/' },
      to: { circular: true },
    },

    // ---------- server (cloud/) ----------
    {
      name: 'feature-through-public-entry',
      severity: 'error',
      comment:
        'A feature uses another only through its public entry (cloud/<feature>/index.ts); what both need lives in cloud/shared.',
      from: { path: FEATURE },
      to: { path: '^cloud/[^/]+/', pathNot: ['^cloud/$1/', `^cloud/(?:${LAYERS})/`, '^cloud/[^/]+/index\\.ts$'] },
    },
    {
      name: 'use-cases-not-doors-or-adapters',
      severity: 'error',
      comment:
        'Use cases and shared depend on ports, never on an adapter, the composition, the dispatcher, the HTTP server or the seed.',
      from: { path: [FEATURE, '^cloud/shared/'] },
      to: { path: '^cloud/(adapters|compose|api|server|seed)/' },
    },
    {
      name: 'shared-below-features',
      severity: 'error',
      comment: 'cloud/shared is what every feature uses: it imports no feature.',
      from: { path: '^cloud/shared/' },
      to: { path: FEATURE },
    },
    {
      name: 'adapters-implement-ports',
      severity: 'error',
      comment:
        "An adapter implements ports: of the modules it imports only the features' and shared ports.ts (no use case, composition or door).",
      from: { path: '^cloud/adapters/' },
      to: {
        path: '^cloud/(?!adapters/)',
        pathNot: [`${FEATURE}ports\\.ts$`, '^cloud/shared/ports\\.ts$'],
      },
    },
    {
      name: 'engines-apart',
      severity: 'error',
      comment:
        "One engine's adapter never imports the other's: the cloud function bundles the PostgreSQL store and must not carry SQLite (what both share lives in cloud/adapters/rows).",
      from: { path: '^cloud/adapters/(sqlite|postgres)/' },
      to: { path: '^cloud/adapters/(sqlite|postgres)/', pathNot: ['^cloud/adapters/$1/'] },
    },
    {
      name: 'doors-through-public-entries',
      severity: 'error',
      comment:
        "The composition, the doors and the seed reach a feature through its public entry; the dispatcher's table takes each feature's handlers.ts.",
      from: { path: '^cloud/(compose|api|server|seed)/' },
      to: { path: FEATURE, pathNot: ['^cloud/[^/]+/index\\.ts$', '^cloud/[^/]+/handlers\\.ts$'] },
    },
    {
      name: 'handlers-only-to-dispatcher',
      severity: 'error',
      comment: "A feature's handlers table is composed in cloud/api/handlers.ts only.",
      from: { path: '^cloud/', pathNot: ['^cloud/api/handlers\\.ts$'] },
      to: { path: `${FEATURE}handlers\\.ts$` },
    },
    {
      name: 'composition-below-doors',
      severity: 'error',
      comment: 'The composition builds deps; it does not know the dispatcher or the HTTP server.',
      from: { path: '^cloud/compose/' },
      to: { path: '^cloud/(api|server)/' },
    },
    {
      name: 'server-not-client',
      severity: 'error',
      comment: 'The API shares src/domain with the client, nothing else of src/.',
      from: { path: '^cloud/' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },

    // ---------- domain (src/domain) ----------
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'src/domain is pure TypeScript shared by client and server: no Taro, React, NutUI, the client or the API.',
      from: { path: '^src/domain/' },
      to: { path: ['node_modules/(@tarojs|react|react-dom|@nutui)/', '^src/(?!domain/)', '^cloud/'] },
    },
    {
      name: 'domain-no-node',
      severity: 'error',
      comment: 'src/domain runs in the mini-program too: no Node built-ins.',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'domain-feature-through-entry',
      severity: 'error',
      comment: "A domain feature uses another through its index.ts or contract.ts; src/domain/shared is everyone's.",
      from: { path: '^src/domain/(?!shared/)([^/]+)/' },
      to: {
        path: '^src/domain/[^/]+/',
        pathNot: ['^src/domain/$1/', '^src/domain/shared/', '^src/domain/[^/]+/(index|contract)\\.ts$'],
      },
    },

    // ---------- client (src/) ----------
    {
      name: 'client-components-presentational',
      severity: 'error',
      comment: 'src/components take what they show as props: they import no feature and no service.',
      from: { path: '^src/components/' },
      to: { path: '^src/(features|services)/' },
    },
    {
      name: 'client-feature-through-public-entry',
      severity: 'error',
      comment: "A client feature uses another only through its public entry (src/features/<feature>/index.ts).",
      from: { path: `^src/features/(?!(?:${CLIENT_SHARED})/)([^/]+)/` },
      to: {
        path: '^src/features/[^/]+/',
        pathNot: ['^src/features/$1/', `^src/features/(?:${CLIENT_SHARED})/`, '^src/features/[^/]+/index\\.tsx?$'],
      },
    },
    {
      name: 'chart-library-in-overview-only',
      severity: 'error',
      comment:
        "The chart library (@antv/f2) is imported by the overview's chart file alone, which only the overview subpackage reaches: the weapp main package never carries it.",
      from: { path: '^src/', pathNot: '^src/features/overview/ui/charts/f2\\.ts$' },
      to: { path: 'node_modules/@antv/' },
    },
    {
      name: 'chart-library-not-in-main-package',
      severity: 'error',
      comment: 'Nothing the weapp main package loads (the app, the tab pages) reaches the chart library, directly or through other modules.',
      from: { path: '^src/(app\\.ts|pages/)' },
      to: { path: 'node_modules/@antv/', reachable: true },
    },
    {
      name: 'client-no-cycle',
      severity: 'error',
      comment: 'No import cycles in the client either.',
      from: { path: '^src/(?!domain/)' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|coverage|\\.temp)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    skipAnalysisNotInRules: true,
  },
}
