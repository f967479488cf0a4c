import { createContext, use } from 'react';
import type { DeskApi } from './api';

export interface Desk {
  api: DeskApi;
  /** The agency's service (query keys start with it). */
  service: string;
  /** The user is one of the agency's staff, so may change the desk (others only read it). */
  canAct: boolean;
}

export const DeskContext = createContext<Desk | null>(null);

export function useDesk(): Desk {
  const desk = use(DeskContext);
  if (!desk) throw new Error('useDesk() needs <AgencyDesk> above it');
  return desk;
}
