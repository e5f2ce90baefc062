import type { SimulatorState } from '@/simulator/state';
import type { Json } from '@/simulator/types';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Which key the caller presented: read-write, read-only, or none that matches. */
export type Access = 'rw' | 'ro' | null;

export interface RouteContext {
  readonly state: SimulatorState;
  /** The single path parameter (`{id}` or `{token}`), '' when the route has none. */
  readonly param: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  /** `http://host:port` as the client addressed us, for URLs we hand out. */
  readonly origin: string;
  readonly access: Access;
}

export interface RouteResult {
  readonly status: number;
  readonly body: Json;
}

export interface RouteDef {
  readonly method: Method;
  readonly path: string;
  /** 'key' (default): router enforces the API key. 'handler': the handler decides (webhook triggers). */
  readonly auth?: 'key' | 'handler';
  readonly handler: (ctx: RouteContext) => RouteResult;
}

export const ok = (body: Json): RouteResult => ({ status: 200, body });
export const created = (body: Json): RouteResult => ({ status: 201, body });
