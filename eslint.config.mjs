// ESLint flat config. The Office.js rules (eslint-plugin-office-addins) guard the gateway: load
// before read, sync before read, no sync in a loop, test *OrNullObject with isNullObject. The rules
// track variables named `context`, so the gateway always names its request context that way.
// The one intended sync in a loop (readSheet: one round trip per ~2.5 MB block of rows) carries an
// eslint-disable comment saying so; writes sync through SyncBudget, which syncs per payload budget.
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

const officeRules = {
  'office-addins/call-sync-after-load': 'error',
  'office-addins/call-sync-before-read': 'error',
  'office-addins/load-object-before-read': 'error',
  'office-addins/no-context-sync-in-loop': 'error',
  'office-addins/no-empty-load': 'error',
  'office-addins/no-navigational-load': 'error',
  'office-addins/no-office-initialize': 'error',
  'office-addins/test-for-null-using-isNullObject': 'error',
};

const typescriptFiles = {
  languageOptions: {
    parser: tseslint.parser,
    parserOptions: { ecmaVersion: 2022, sourceType: 'module', ecmaFeatures: { jsx: true } },
  },
  plugins: { '@typescript-eslint': tseslint.plugin, 'office-addins': officeAddins },
};

export default [
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  // All source: the Office.js rules (they only fire on Office.js code) and a few plain mistakes.
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ...typescriptFiles,
    rules: {
      ...officeRules,
      'no-debugger': 'error',
      'no-eval': 'error',
      'no-dupe-keys': 'error',
      'no-unreachable': 'error',
    },
  },
  // The workbook seam: typescript-eslint's recommended rules on top.
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ['src/workbook/**/*.ts'] })),
  {
    files: ['src/workbook/**/*.ts'],
    ...typescriptFiles,
    rules: {
      ...officeRules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
];
