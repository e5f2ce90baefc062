import { startTestPostgres, type TestPostgres } from '@/testing/postgres';

// One PostgreSQL server for the whole vitest run; each test file creates its own database on it.
let server: TestPostgres | undefined;

export async function setup({ provide }: { provide: (key: 'postgresUrl', value: string) => void }) {
  server = await startTestPostgres();
  provide('postgresUrl', server.url);
}

export function teardown() {
  server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
