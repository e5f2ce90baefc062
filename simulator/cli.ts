// Entry point: `npx tsx simulator/cli.ts --devices 10000 --port 4010 --key <key>`.
import { startSimulator } from '@/simulator';
import { CliError, parseCliArgs, USAGE } from '@/simulator/cli-args';
import { randomBytes } from 'node:crypto';

async function main(): Promise<void> {
  const parsed = parseCliArgs(process.argv.slice(2), () => randomBytes(24).toString('base64url'));
  if (parsed.kind === 'help') {
    console.log(USAGE);
    return;
  }
  const { options } = parsed;
  const started = performance.now();
  const sim = await startSimulator({ ...options, quiet: true });
  const controlToken = options.controlToken ?? options.apiKey;
  console.log(
    [
      `Level API simulator ready in ${Math.round(performance.now() - started)} ms`,
      `  base URL       ${sim.url}`,
      `  API key        ${options.apiKey}${parsed.generatedKey ? '   (generated; pass --key to fix it)' : ''}`,
      ...(options.readOnlyKey ? [`  read-only key  ${options.readOnlyKey}`] : []),
      `  control token  ${controlToken}   (header X-Simulator-Control, ${sim.origin}/_sim/stats)`,
      `  fleet          ${sim.state.store.devices.length} devices, seed ${options.seed ?? 1}, ` +
        `${options.frozen ? 'frozen' : `tick every ${options.tickMs ?? 10_000} ms`}` +
        `${options.rateLimitPerMinute ? `, ${options.rateLimitPerMinute} req/min` : ''}`,
      ...(options.webhooks?.url
        ? [
            `  webhooks       → ${options.webhooks.url} (${options.webhooks.secret ? 'signed' : 'unsigned'}, ` +
              `retries ÷${options.webhooks.compression}; ${sim.origin}/_sim/webhooks)`,
          ]
        : []),
    ].join('\n'),
  );
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    if (!options.quiet) console.log(`\n${signal}: shutting down`);
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof CliError) {
    console.error(`error: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
