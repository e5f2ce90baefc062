import { accessFromCookies, isSameOrigin } from '@/lib/auth/access';
import { clientAddressOf, peerFromHeaders } from '@/lib/auth/client-address';
import { exchangeShareToken, isOpenableToken } from '@/lib/auth/exchange';
import { shareConfirmPage } from '@/lib/auth/share-confirm-page';
import { whenReady } from '@/lib/readiness';
import { NextResponse, type NextRequest } from 'next/server';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ token: string }> };

const PRIVATE = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };

function notFound() {
  return new NextResponse('This link is not valid. It may have expired or been revoked.', {
    status: 404,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    },
  });
}

async function open(request: NextRequest, token: string) {
  const header = (name: string) => request.headers.get(name) ?? undefined;
  const ip = clientAddressOf(peerFromHeaders(header), header);
  const exchanged = await exchangeShareToken(token.slice(0, 200), ip);
  if (!exchanged) return notFound();
  // A relative Location keeps the cookie's host whatever name the server was reached by.
  return new NextResponse(null, {
    status: 303,
    headers: {
      Location: exchanged.location,
      'Set-Cookie': exchanged.cookie,
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    },
  });
}

export async function GET(request: NextRequest, { params }: Context) {
  await whenReady();
  const { token } = await params;
  const { access } = await accessFromCookies(request.headers.get('cookie') ?? undefined);
  if (access?.via === 'person') {
    // A person signed in is asked first (opening the link replaces their session); an unusable
    // link is a 404 for them too.
    if (!(await isOpenableToken(token.slice(0, 200)))) return notFound();
    return new NextResponse(shareConfirmPage(), {
      status: 200,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  return open(request, token);
}

/** "Continue" on the admin's confirmation page. */
export async function POST(request: NextRequest, { params }: Context) {
  await whenReady();
  const sameOrigin = isSameOrigin({ header: (name) => request.headers.get(name) ?? undefined });
  if (!sameOrigin) return new NextResponse('Cross-site request refused.', { status: 403, headers: PRIVATE });
  const { token } = await params;
  return open(request, token);
}
