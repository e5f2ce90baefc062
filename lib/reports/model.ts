// The report's model lives in lib/domain (components render it, and they may import only the
// domain); this is the name the contract gives it.
export * from '@/lib/domain/client-report';
