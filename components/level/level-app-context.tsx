'use client';

import { levelDeviceUrl, type LevelDeviceUrlTemplate } from '@/lib/domain/level-app';
import { createContext, useContext, type ReactNode } from 'react';

const LevelAppContext = createContext<LevelDeviceUrlTemplate | null>(null);

/** The server-rendered layout decides whether this session gets "Open in Level" links at all. */
export function LevelAppProvider({
  template,
  children,
}: {
  template: LevelDeviceUrlTemplate | null;
  children: ReactNode;
}) {
  return <LevelAppContext.Provider value={template}>{children}</LevelAppContext.Provider>;
}

/** The device's page in Level's web app, or null where this session shows no such link. */
export function useLevelDeviceUrl(deviceId: string): string | null {
  const template = useContext(LevelAppContext);
  return template === null ? null : levelDeviceUrl(template, deviceId);
}
