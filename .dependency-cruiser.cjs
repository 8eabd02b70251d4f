// Where code lives (../shared/STYLE.md): each folder imports only the folders before it in
//   domain → config → workflows → records → activities → worker → api
// with two exceptions that keep processes apart: api/ never imports activities/ or worker/ (both
// reach the database through records/), and workflows/ take the activity interface as a type from
// domain/. No import circle, type-only imports counted. `npm run check:imports` runs it in CI.
const ORDER = ['domain', 'config', 'workflows', 'records', 'activities', 'worker', 'api'];

/** A folder may not import any folder after it in ORDER. */
const forward = ORDER.map((folder, i) => ({
  name: `${folder}-imports-only-earlier-folders`,
  comment: `${folder}/ may import ${ORDER.slice(0, i).join(', ') || 'nothing of the app'}: a later folder depends on it, not the other way`,
  severity: 'error',
  from: { path: `^${folder}/` },
  to: { path: `^(${ORDER.slice(i + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    ...forward.filter((r) => r.to.path !== '^()/'),
    {
      name: 'api-not-into-activities-or-worker',
      comment: 'the API reaches the database through records/, never through the worker’s code',
      severity: 'error',
      from: { path: '^api/' },
      to: { path: '^(activities|worker)/' },
    },
    {
      name: 'no-circular',
      comment: 'an import circle (type-only imports count too)',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'pure-folders-without-the-database',
      comment: 'rules, configuration and workflows never touch the database: records/ does',
      severity: 'error',
      from: { path: '^(domain|config|workflows)/' },
      to: { path: '^prisma/' },
    },
    {
      name: 'app-not-into-tests-or-scripts',
      comment: 'the application never depends on test or script code',
      severity: 'error',
      from: { path: `^(${ORDER.join('|')}|prisma)/` },
      to: { path: '^(test|scripts|bench)/' },
    },
    // The web pages (web/src, after bulletproof-react): they reach the server only over HTTP,
    // typed by the generated web/src/api/schema.d.ts; features stay apart, and the shared parts
    // (lib/, components/, api/, i18n) serve every feature without knowing any.
    {
      name: 'web-imports-only-web',
      comment: 'web/ runs in a browser: it imports its own files and packages, never server code (its API types are generated into web/src/api/)',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(domain|config|workflows|records|activities|worker|api|prisma|scripts|test|bench)/' },
    },
    {
      name: 'server-not-into-web',
      comment: 'the server, scripts and tests never import the pages’ code',
      severity: 'error',
      from: { path: '^(domain|config|workflows|records|activities|worker|api|prisma|scripts|test|bench)/' },
      to: { path: '^web/' },
    },
    {
      name: 'web-feature-not-into-another',
      comment: 'a feature does not import another feature; web/src/app/ composes them',
      severity: 'error',
      from: { path: '^web/src/features/([^/]+)/' },
      to: { path: '^web/src/features/', pathNot: '^web/src/features/$1/' },
    },
    {
      name: 'web-shared-not-into-features',
      comment: 'shared code (lib/, components/, api/, i18n.ts) imports no feature and not the app',
      severity: 'error',
      from: { path: '^web/src/(lib|components|api)/|^web/src/i18n\\.ts$' },
      to: { path: '^web/src/(features|app)/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|prisma/generated|\\.tools|data|test-results|web/dist)' },
  },
};
