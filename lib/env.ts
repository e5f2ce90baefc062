import { formatEnvProblems, parseEnv, type Env } from '@/lib/config/env-schema';
import 'server-only';

let cached: Env | undefined;

/** The validated environment, parsed once; an invalid value stops the process with the variable named. */
export function getEnv(): Env {
  if (cached) return cached;
  const result = parseEnv(process.env);
  if (!result.ok) {
    console.error(formatEnvProblems(result.problems));
    process.exit(1);
  }
  cached = result.env;
  return cached;
}
