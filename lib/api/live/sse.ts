// The Server-Sent Events wire format (text/event-stream), nothing else: pure string builders.
// Lines end in \n; an event ends with a blank line; a line starting with ':' is a comment, which
// browsers ignore and proxies see as traffic (our heartbeat).

/** Tells EventSource how long to wait before reconnecting after the stream drops. */
export const sseRetry = (ms: number) => `retry: ${Math.max(0, Math.round(ms))}\n\n`;

/** One named event whose data is one line of JSON (JSON.stringify never emits a newline). */
export const sseEvent = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

export const sseComment = (text: string) => `: ${text.replace(/[\r\n]/g, ' ')}\n\n`;
