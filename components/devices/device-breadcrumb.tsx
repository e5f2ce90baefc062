import type { DeviceRow, GroupName } from '@/lib/domain/fleet';
import { ChevronRight } from 'lucide-react';
import Link from 'next/link';
import { Fragment } from 'react';

/** Devices › client › … › group, each group linking to its page (ids come from the group tree). */
export function DeviceBreadcrumb({ device, groups }: { device: DeviceRow; groups: GroupName[] | undefined }) {
  const byId = new Map(groups?.map((group) => [group.id, group]));
  const chain: { id: string | null; name: string }[] = [];
  for (let node = device.groupId ? byId.get(device.groupId) : undefined; node;) {
    chain.unshift({ id: node.id, name: node.name });
    node = node.parentId ? byId.get(node.parentId) : undefined;
  }
  const crumbs = chain.length ? chain : device.groupPath.map((name) => ({ id: null, name }));
  return (
    <nav aria-label="Breadcrumb">
      <ol className="flex flex-wrap items-center gap-1">
        <li>
          <Link href="/devices" className="hover:text-ink hover:underline">
            Devices
          </Link>
        </li>
        {crumbs.length === 0 ? (
          <Crumb>
            <Link href="/devices?group=ungrouped" className="hover:text-ink hover:underline">
              Ungrouped
            </Link>
          </Crumb>
        ) : (
          crumbs.map((crumb, index) => (
            <Fragment key={`${crumb.id ?? crumb.name}-${index}`}>
              <Crumb>
                {crumb.id ? (
                  <Link
                    href={`/groups/${encodeURIComponent(crumb.id)}`}
                    className="hover:text-ink hover:underline"
                  >
                    {crumb.name}
                  </Link>
                ) : (
                  crumb.name
                )}
              </Crumb>
            </Fragment>
          ))
        )}
      </ol>
    </nav>
  );
}

function Crumb({ children }: { children: React.ReactNode }) {
  return (
    <li className="flex items-center gap-1">
      <ChevronRight className="size-3.5" aria-hidden />
      {children}
    </li>
  );
}
