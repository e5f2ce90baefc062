import { clientAddressOf, peerFromHeaders } from '@/lib/auth/client-address';
import { exchangeShareToken } from '@/lib/auth/exchange';
import { startServerRuntime } from '@/lib/runtime/start';
import { NextResponse, type NextRequest } from 'next/server';

export const dynamic = 'force-dynamic';

export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  await startServerRuntime();
  const { token } = await params;
  const header = (name: string) => request.headers.get(name) ?? undefined;
  const ip = clientAddressOf(peerFromHeaders(header), header);
  const exchanged = await exchangeShareToken(token.slice(0, 200), ip);
  if (!exchanged) {
    return new NextResponse('This link is not valid. It may have expired or been revoked.', {
      status: 404,
      headers: {
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
      },
    });
  }
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
