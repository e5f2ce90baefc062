export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServerRuntime } = await import('@/lib/runtime/start');
  await startServerRuntime();
}
