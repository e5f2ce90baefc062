import { DeviceClient } from '@/app/(dashboard)/devices/[id]/client';
import { optionalAccess } from '@/lib/auth/page-access';
import { deviceTitle } from '@/lib/auth/page-titles';
import type { Metadata } from 'next';
import { Suspense } from 'react';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return { title: deviceTitle(await optionalAccess(), safeDecode(id)) };
}

export default async function DevicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <DeviceClient id={safeDecode(id)} />
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
