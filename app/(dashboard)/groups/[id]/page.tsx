import { GroupClient } from '@/app/(dashboard)/groups/[id]/client';
import { optionalAccess } from '@/lib/auth/page-access';
import { groupTitle } from '@/lib/auth/page-titles';
import type { Metadata } from 'next';
import { Suspense } from 'react';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return { title: groupTitle(await optionalAccess(), safeDecode(id)) };
}

export default async function GroupPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <GroupClient id={safeDecode(id)} />
    </Suspense>
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
