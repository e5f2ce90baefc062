import type { Store } from '@/lib/db/open';
import type { ResolveChannel } from '@/lib/notify/deliver';
import 'server-only';

// How the sender finds a channel and its driver. The channel store and the drivers are another
// part of issue 19 (lib/notify/channel-store.ts, lib/notify/channels/index.ts); until they are
// wired here every lookup throws, and the sender keeps the rows pending (a minute at a time)
// without spending their attempts.

export function storeResolveChannel(store: Store): ResolveChannel {
  void store;
  // TODO(lead): once channels is merged: return async (id) => { const channel = await loadChannelForSending(store, id); return channel && { channel, driver: CHANNEL_DRIVERS[channel.kind] }; };
  return async () => {
    throw new Error('Notification channels are not wired to the sender yet (lib/notify/resolve-channel.ts)');
  };
}
