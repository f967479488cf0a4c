// One lint configuration for the monorepo. Besides the usual TypeScript rules it enforces two
// architecture rules: services never import each other, and service code avoids what FerretDB (and a
// standalone MongoDB) cannot do — multi-document transactions, change streams and $lookup.
import { SERVICES } from '@hamgam/registry';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const services = SERVICES.map((s) => s.service);

const ferretDbParity = [
  {
    selector: "CallExpression[callee.property.name='withTransaction']",
    message: 'No multi-document transactions: FerretDB and a standalone MongoDB have none. Write one document (outbox pattern).',
  },
  {
    selector: "CallExpression[callee.property.name='startTransaction']",
    message: 'No multi-document transactions: FerretDB and a standalone MongoDB have none.',
  },
  {
    selector: "CallExpression[callee.property.name='watch']",
    message: 'No change streams: FerretDB has none. Publish events through the outbox instead.',
  },
  {
    selector: "Property[key.value='$lookup'], Property[key.name='$lookup']",
    message: 'No $lookup: FerretDB does not support it. Services own their data; join in code or through events.',
  },
];

// No unbounded find (issue 9): a mongoose find used directly — awaited, returned, or in a Promise.all — has
// no page or cap; wrap it in pageOf/findPage (a list route) or readAll(query, caps.…) (an internal read).
// The kit's global plugin throws UnboundedQueryError at run time on what slips through; these catch the
// common shapes before a test has to run them. A raw driver find bypasses that plugin altogether.
const unboundedFind =
  'Unbounded find: page it (pageOf / findPage from @hamgam/service-kit) or bound it (readAll(query, caps.…)); FerretDB scans and holds a connection per open cursor.';
const directUse = ':matches(AwaitExpression, ArrayExpression, ReturnStatement, ArrowFunctionExpression)';
const boundedFinds = [
  {
    selector: `${directUse} > CallExpression[callee.property.name='lean'][callee.object.callee.property.name='find']`,
    message: unboundedFind,
  },
  {
    selector: `${directUse} > CallExpression[callee.property.name='lean'][callee.object.callee.property.name='sort'][callee.object.callee.object.callee.property.name='find']`,
    message: unboundedFind,
  },
  { selector: `AwaitExpression > CallExpression[callee.property.name='find'][arguments.0.type!=/Function/]`, message: unboundedFind },
  {
    selector: `CallExpression[callee.property.name='find'][callee.object.property.name='collection']`,
    message: `${unboundedFind} A raw driver find also bypasses the kit's guard: use the model.`,
  },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '.stack/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      // `interface MessageCatalogue extends Record<…> {}`: how a module adds its message keys (declaration merging).
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  { files: ['**/*.tsx'], plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules },
  ...services.map((service) => ({
    files: [`services/${service}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: services.filter((s) => s !== service).flatMap((s) => [`@hamgam/${s}-api*`, `@hamgam/${s}-ui*`, `**/services/${s}/**`]),
              message: 'Services never import each other: share through packages/ or talk through events.',
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['services/*/api/**/*.ts', 'packages/service-kit/**/*.ts', 'packages/agency-desk/src/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...ferretDbParity] },
  },
  {
    files: ['services/*/api/src/**/*.ts', 'packages/agency-desk/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.bench.ts'],
    rules: { 'no-restricted-syntax': ['error', ...ferretDbParity, ...boundedFinds] },
  },
);
