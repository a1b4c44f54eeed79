// Lint: the recommended JavaScript and TypeScript rules, plus React hooks correctness where it matters,
// plus the one door to the plant: only actuate tools may import the connector's write path.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The files allowed to write to the plant: the actuate tools (each runs only through the approval
 * gate), the write path itself and the connector's own tests. A new actuate tool is added here, in
 * review, on purpose.
 */
export const WRITE_PATH_ALLOWED = [
  'tools/plant/tools/set-setpoint.ts',
  'tools/plant/tools/machine-command.ts',
  'tools/scheduling/tools/release-schedule.ts',
  'connectors/opcua/write-path.ts',
  'connectors/opcua/**/*.int.test.ts',
  'connectors/sparkplug/**/*.int.test.ts',
  'connectors/plant/**/*.int.test.ts',
];

const WRITE_PATH_MESSAGE =
  'Only actuate tools may write to the plant (connectors/opcua/write-path.ts): they run only through the approval gate. Read the plant through PlantConnection, or make this an actuate tool and add it to WRITE_PATH_ALLOWED in eslint.config.js.';

export default tseslint.config(
  { ignores: ['node_modules/', '.next/', '.plantpilot/', '.scratch/', 'evals/out/', 'next-env.d.ts', 'knowledge/corpus/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', globalThis: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    ignores: WRITE_PATH_ALLOWED,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/connectors/opcua/write-path', '**/connectors/opcua/write-path.*', './write-path', './write-path.*', '@/connectors/opcua/write-path'],
              message: WRITE_PATH_MESSAGE,
            },
          ],
        },
      ],
      'no-restricted-syntax': ['error', { selector: 'ImportExpression[source.value=/write-path/]', message: WRITE_PATH_MESSAGE }],
    },
  },
);
