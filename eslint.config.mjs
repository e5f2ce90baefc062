import pluginQuery from '@tanstack/eslint-plugin-query';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { defineConfig, globalIgnores } from 'eslint/config';

// The layers of docs/ARCHITECTURE.md ("Layers"), enforced: each zone names a room and what it may
// not import. Lower rooms never reach up; the browser side never reaches the server side.
const OURS = ['./app', './components', './lib', './server', './simulator', './testing', './scripts', './e2e'];
const SERVER_CORE = [
  './lib/db',
  './lib/level',
  './lib/fleet',
  './lib/history',
  './lib/auth',
  './lib/screens',
  './lib/acknowledgements',
  './lib/actions',
  './lib/webhooks',
  './lib/notify',
  './lib/posture',
  './lib/reports',
  './lib/redaction',
  './lib/runtime',
  './lib/api',
];
const BROWSER = ['./lib/query', './lib/hooks', './lib/wall/hooks', './components', './app'];
const ABOVE_CORE = [
  './lib/notify',
  './lib/reports',
  './lib/runtime',
  './lib/api',
  './server',
  './app',
  './components',
  ...BROWSER,
];
const rooms = (...lists) => [...new Set(lists.flat())];
const layerZones = [
  {
    target: './lib/domain',
    from: OURS.filter((room) => room !== './lib'),
    message: 'lib/domain imports nothing of ours.',
  },
  {
    target: './lib/domain',
    from: './lib',
    except: ['./domain'],
    message: 'lib/domain imports nothing of ours.',
  },
  {
    target: './lib/redaction',
    from: OURS.filter((room) => room !== './lib'),
    message: 'Redaction is pure transforms of domain rows: it imports only lib/domain.',
  },
  {
    target: './lib/redaction',
    from: './lib',
    except: ['./domain', './redaction'],
    message: 'Redaction is pure transforms of domain rows: it imports only lib/domain.',
  },
  {
    target: './lib/level',
    from: rooms(
      SERVER_CORE.filter((room) => room !== './lib/level'),
      ABOVE_CORE,
      './simulator',
    ),
    message: 'The Level client knows only the domain: it imports no other layer.',
  },
  {
    target: './lib/db',
    from: rooms(
      SERVER_CORE.filter((room) => room !== './lib/db'),
      ABOVE_CORE,
    ),
    message: 'The database layer imports no layer above it.',
  },
  {
    target: './lib/fleet',
    from: rooms(
      './lib/webhooks',
      './lib/history',
      './lib/screens',
      './lib/acknowledgements',
      './lib/auth',
      './lib/actions',
      './lib/wall',
      ABOVE_CORE,
    ),
    message: 'The fleet core knows nothing of HTTP, access or start-up: return domain results.',
  },
  {
    target: './lib/history',
    from: rooms('./lib/webhooks', './lib/screens', './lib/auth', './lib/actions', './lib/wall', ABOVE_CORE),
    message: 'History knows nothing of HTTP, access or start-up.',
  },
  {
    target: './lib/screens',
    from: rooms(
      './lib/webhooks',
      './lib/fleet',
      './lib/history',
      './lib/auth',
      './lib/actions',
      './lib/wall',
      ABOVE_CORE,
    ),
    message:
      'The wall screen registry keeps heartbeats in the database; it knows nothing of HTTP, access or start-up.',
  },
  {
    target: './lib/acknowledgements',
    from: rooms(
      './lib/webhooks',
      './lib/history',
      './lib/screens',
      './lib/auth',
      './lib/actions',
      './lib/wall',
      ABOVE_CORE,
    ),
    message:
      'Acknowledgements are stored rows and a pure rule over the snapshot; they know nothing of HTTP, access or start-up.',
  },
  {
    target: './lib/auth',
    from: rooms('./lib/webhooks', './lib/acknowledgements', './lib/actions', './lib/wall', ABOVE_CORE),
    message: 'Access control knows nothing of HTTP routes or start-up.',
  },
  {
    target: './lib/actions',
    from: rooms('./lib/webhooks', './lib/wall', ABOVE_CORE),
    message: 'Admin actions return or throw domain results; lib/api maps them to statuses.',
  },
  {
    target: './lib/webhooks',
    from: rooms('./lib/wall', ABOVE_CORE),
    message:
      "Level's webhooks: verify, dedupe and apply to the fleet; they return outcomes, lib/api maps them to statuses.",
  },
  {
    target: './lib/notify',
    from: rooms(
      './lib/webhooks',
      './lib/actions',
      './lib/wall',
      ABOVE_CORE.filter((room) => room !== './lib/notify'),
    ),
    message:
      'Notifications decide and deliver from domain data; they know nothing of HTTP routes or start-up (lib/runtime wires them).',
  },
  {
    target: './lib/posture',
    from: rooms('./lib/webhooks', './lib/actions', './lib/wall', ABOVE_CORE),
    message:
      'Posture syncs and summarises Level data into stored rows; it knows nothing of reports, HTTP routes or start-up.',
  },
  {
    target: './lib/reports',
    from: rooms(
      './lib/webhooks',
      './lib/actions',
      './lib/wall',
      ABOVE_CORE.filter(
        (room) => room !== './lib/reports' && room !== './lib/notify' && room !== './components',
      ),
    ),
    message:
      'Reports compute, render and send from stored history; they know nothing of HTTP routes or start-up (lib/runtime wires them).',
  },
  {
    // The PDF prints the same document the page shows (components/reports), rendered to markup here.
    target: './lib/reports',
    from: './components',
    except: ['./reports'],
    message: 'Reports render only the report document (components/reports).',
  },
  {
    target: './lib/runtime',
    from: rooms('./lib/api', './server', BROWSER),
    message: 'The composition root builds the process; it serves no requests.',
  },
  {
    target: './lib/api',
    from: rooms('./server', BROWSER),
    message: 'lib/api is reached by app/ route files and server/, never the reverse.',
  },
  {
    target: ['./lib/query', './lib/hooks', './lib/wall', './components'],
    from: rooms(SERVER_CORE, './server', './simulator'),
    message: 'Browser code imports only the domain, shared helpers and other browser code.',
  },
  {
    target: './components',
    from: './app',
    message: 'Components are reached by pages, never the reverse: move the shared piece to lib/.',
  },
  {
    target: ['./lib', './components', './app', './server'],
    from: './testing',
    message: 'Test scaffolding never ships.',
  },
  {
    target: ['./lib/!(runtime)/**', './lib/*.ts', './components', './app'],
    from: './simulator',
    message: 'Only the composition root starts the simulator (demo mode).',
  },
  {
    target: ['./lib/process-wide.ts', './lib/readiness.ts'],
    from: OURS.filter((room) => room !== './lib'),
    message: 'The process-wide registry and readiness sit below every layer: they import nothing of ours.',
  },
  {
    target: ['./lib/process-wide.ts', './lib/readiness.ts'],
    from: './lib',
    except: ['./process-wide.ts'],
    message: 'The process-wide registry and readiness sit below every layer: they import nothing of ours.',
  },
  {
    target: './simulator',
    from: OURS.filter((room) => room !== './simulator'),
    message: 'The simulator is its own program: it imports nothing of the app.',
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  ...pluginQuery.configs['flat/recommended'],
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../*'], message: 'Use @/ imports.' }] }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['**/*.test.ts', 'e2e/**', 'scripts/**', 'testing/**'],
    rules: {
      'import/no-restricted-paths': ['error', { zones: layerZones }],
      'import/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Answers are shaped, never spread (docs/ARCHITECTURE.md, "Answers are shaped"): a spread
    // copies every field an internal object has today or gains tomorrow into a response.
    files: [
      'lib/api/routes/**/*.ts',
      'app/**/route.ts',
      'lib/fleet/queries/**/*.ts',
      'lib/redaction/**/*.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ObjectExpression > SpreadElement',
          message:
            'Answers are shaped, never spread: name each field (or parse with an output schema). See docs/ARCHITECTURE.md.',
        },
      ],
    },
  },
  globalIgnores([
    '.next/**',
    'node_modules/**',
    'data/**',
    'test-results/**',
    'playwright-report/**',
    'next-env.d.ts',
  ]),
]);
