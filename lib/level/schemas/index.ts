export * from '@/lib/level/schemas/alert';
export * from '@/lib/level/schemas/automation';
export * from '@/lib/level/schemas/device';
export * from '@/lib/level/schemas/group';
export { listEnvelope, type ListEnvelope } from '@/lib/level/schemas/list-envelope';
export * from '@/lib/level/schemas/tag';
export * from '@/lib/level/schemas/update';
