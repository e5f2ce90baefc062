import { Providers } from '@/app/providers';
import { THEME_BOOT_SCRIPT } from '@/components/layout/theme-boot-script';
import { scriptNonce } from '@/lib/script-nonce';
import type { Metadata, Viewport } from 'next';
import localFont from 'next/font/local';
import type { ReactNode } from 'react';
// Colour emoji shipped with the app (issue 16: tag names with emoji showed empty boxes on a Linux
// kiosk without an emoji font). Split by unicode-range, so a browser fetches a part, from this
// server, only when a page shows an emoji in it; nothing is fetched from elsewhere.
import '@fontsource/noto-color-emoji/400.css';
import './globals.css';

const inter = localFont({ src: './inter-latin-wght.woff2', variable: '--font-inter', display: 'swap' });

export const metadata: Metadata = {
  title: { default: 'Levelboard', template: '%s · Levelboard' },
  description: 'Fleet monitoring dashboard for Level RMM',
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fafafa' },
    { media: '(prefers-color-scheme: dark)', color: '#14161f' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = await scriptNonce();
  return (
    <html lang="en" className={inter.variable} suppressHydrationWarning>
      <head>
        {/* Applies the saved theme before first paint so a dark screen never flashes white. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body className="min-h-dvh font-sans antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
