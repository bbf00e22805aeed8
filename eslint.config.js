import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Package boundaries (architecture.md): domain ← server, domain ← web; never the other way. */
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'packages/server/src/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    rules: restrict(
      [
        '@fayuan/server',
        '@fayuan/web',
        '**/server/**',
        '**/web/**',
        'node:*',
        'fs',
        'pg',
        'drizzle-orm*',
        'fastify*',
      ],
      'packages/domain is pure: no I/O, no framework, no higher package.',
    ),
  },
  {
    files: ['packages/server/**/*.ts'],
    rules: restrict(['@fayuan/web', '**/web/src/**'], 'the server never imports the web app.'),
  },
  {
    files: ['packages/web/**/*.{ts,tsx}'],
    rules: restrict(
      ['@fayuan/server', '**/server/src/**', 'pg', 'drizzle-orm*', 'fastify*'],
      'the web app talks to the server over HTTP only.',
    ),
  },
  {
    // A calendar day in the web app is Beijing's: `dayjs()` is the browser's own day, which from
    // 16:00 UTC is yesterday in Beijing (a default date the server then refuses).
    files: ['packages/web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='dayjs'][arguments.length=0]",
          message:
            'Use beijingTodayValue(), beijingNow() or the picker rules in features/rules/beijingTime.ts: dayjs() is the browser’s day, not Beijing’s.',
        },
      ],
    },
  },
);
