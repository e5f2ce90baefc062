import type { Store } from '@/lib/db/open';
import { loadChannelForSending } from '@/lib/notify/channel-store';
import { CHANNEL_DRIVERS } from '@/lib/notify/channels';
import type { ResolveChannel } from '@/lib/notify/deliver';
import 'server-only';

// How the sender finds a channel (unsealed) and its driver. A deleted channel is null; a database
// or key-vault failure throws, and the sender keeps the rows pending without spending attempts.

export function storeResolveChannel(store: Store): ResolveChannel {
  return async (id) => {
    const channel = await loadChannelForSending(store, id);
    return channel && { channel, driver: CHANNEL_DRIVERS[channel.kind] };
  };
}
