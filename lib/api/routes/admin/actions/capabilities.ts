import { READ_ONLY_MESSAGE, writeAccess } from '@/lib/actions/write-access';
import { route } from '@/lib/api/handler';
import { json } from '@/lib/api/types';
import 'server-only';

/** Whether admin actions can work with the current key, so the UI disables them up front. */
export const actionCapabilitiesRoute = route(
  'admin.actions.capabilities',
  async () => {
    const access = await writeAccess();
    return json({
      writeAccess: access,
      message:
        access === 'read_only'
          ? READ_ONLY_MESSAGE
          : access === 'unknown'
            ? 'Levelboard could not tell yet whether this key may write; actions will say if Level refuses.'
            : null,
    });
  },
  { access: 'act' },
);
