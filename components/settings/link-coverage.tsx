import type { ShareLinkView } from '@/lib/domain/admin';
import { TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';

/** Something the link covers is gone: a red icon with ink text (red text on white fails contrast). */
function Gone({ children, title }: { children: ReactNode; title?: string }) {
  return (
    <span className="inline-flex items-center gap-1 font-medium" title={title}>
      <TriangleAlert className="size-4 shrink-0 text-critical" aria-hidden />
      {children}
    </span>
  );
}

/** What a link covers, in the names the admin knows: a group's path, or a few device names and "+N more". */
export function LinkCoverage({ link }: { link: ShareLinkView }) {
  const covers = link.covers;
  if (covers.kind === 'fleet') return <span>Whole fleet</span>;
  if (!link.resolved) {
    return (
      <span className="text-muted">{covers.kind === 'group' ? 'One group' : `${covers.count} devices`}</span>
    );
  }
  if (covers.kind === 'group') {
    if (covers.missing || !covers.path) {
      return <Gone title={`Group id ${covers.groupId}`}>Group no longer exists</Gone>;
    }
    return <span title={`Group id ${covers.groupId}`}>{covers.path.join(' / ')}</span>;
  }
  const present = covers.count - covers.missing;
  if (present === 0) {
    return (
      <Gone>
        {covers.count === 1 ? 'The device no longer exists' : `All ${covers.count} devices no longer exist`}
      </Gone>
    );
  }
  const more = present - covers.named.length;
  return (
    <span>
      {covers.named.map((device, index) => (
        <span key={device.id} title={`Device id ${device.id}`}>
          {index > 0 ? ', ' : ''}
          {device.name}
        </span>
      ))}
      {more > 0 ? <span className="text-muted"> +{more} more</span> : null}
      {covers.missing > 0 ? (
        <>
          {' · '}
          <Gone>
            {covers.missing} no longer exist{covers.missing === 1 ? 's' : ''}
          </Gone>
        </>
      ) : null}
    </span>
  );
}
