/** The stores and the job runner, handed to every view through one React context. */
import { createContext, useContext, type ReactNode } from 'react';
import type { Runner } from '../jobs/experimentRunner';
import { useStore, useStoreFramed } from './createStore';
import type { DocumentState, DocumentStore } from './documentStore';
import type { ResultsState, ResultsStore } from './resultsStore';
import type { ViewState, ViewStore } from './viewStore';

export interface AppStores {
  readonly doc: DocumentStore;
  readonly view: ViewStore;
  readonly results: ResultsStore;
  readonly runner: Runner;
}

const Ctx = createContext<AppStores | null>(null);

export function AppProvider({ stores, children }: { stores: AppStores; children: ReactNode }) {
  return <Ctx.Provider value={stores}>{children}</Ctx.Provider>;
}

export function useApp(): AppStores {
  const s = useContext(Ctx);
  if (!s) throw new Error('useApp outside AppProvider');
  return s;
}

export function useDoc<S>(select: (s: DocumentState) => S): S {
  return useStore(useApp().doc, select);
}
export function useView<S>(select: (s: ViewState) => S): S {
  return useStore(useApp().view, select);
}
/** Results re-render their views at most once per animation frame (they stream in far faster). */
export function useResults<S>(select: (s: ResultsState) => S): S {
  return useStoreFramed(useApp().results, select);
}
