import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-muted">This page does not exist, or it is outside what your link can show.</p>
      <Link href="/" className="text-accent underline">
        Back to the overview
      </Link>
    </main>
  );
}
