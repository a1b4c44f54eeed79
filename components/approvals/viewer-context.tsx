'use client';

import { createContext, useContext } from 'react';
import type { Viewer } from './approval-card';

/** The signed-in person, for approval cards rendered deep inside other views (the chat). */
export const ViewerContext = createContext<Viewer | undefined>(undefined);

export function useViewer(): Viewer | undefined {
  return useContext(ViewerContext);
}
