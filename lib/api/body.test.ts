import { MAX_BODY, readLimited } from '@/lib/api/body';
import { ApiError } from '@/lib/api/errors';
import { describe, expect, it } from 'vitest';

/** A 600 MB body made on demand, counting what the reader actually pulled. */
function hugeBody() {
  const chunk = new Uint8Array(16 * 1024).fill(0x61);
  const stats = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stats.pulled >= 600 * 1024 * 1024) return controller.close();
      stats.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, stats };
}

describe('readLimited', () => {
  it('stops a body without a length at the limit with 413, having read little more', async () => {
    const { stream, stats } = hugeBody();
    const error = await readLimited(stream, MAX_BODY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(413);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stats.pulled).toBeLessThan(MAX_BODY + 64 * 1024);
  });

  it('reads a body within the limit whole, multi-byte characters intact', async () => {
    const text = `{"password":"${'é'.repeat(1_000)}"}`;
    expect(await readLimited(new Response(text).body, MAX_BODY)).toBe(text);
    expect(await readLimited(null, MAX_BODY)).toBe('');
  });
});
