import 'server-only';
import type { z } from 'zod';

// Describes where a payload broke its schema without quoting any of it: paths and expected types
// only, because response bodies are upstream data we do not echo into errors or logs.

export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(body)' : out;
}

export function describeIssues(issues: readonly z.core.$ZodIssue[], max = 5): string[] {
  return issues.slice(0, max).map((issue) => {
    const where = formatIssuePath(issue.path);
    const what = issue.code === 'invalid_type' ? `expected ${issue.expected}` : issue.code;
    return `${where}: ${what}`;
  });
}
