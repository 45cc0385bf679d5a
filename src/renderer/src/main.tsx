import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getEngine } from './engine';
import { initI18n } from './i18n';
import { createRunner } from './jobs/experimentRunner';
import { syncView } from './jobs/viewSync';
import { AppProvider, type AppStores } from './state/AppContext';
import { createDocumentStore } from './state/documentStore';
import { trackSliceRevisions } from './state/freshness';
import { createResultsStore } from './state/resultsStore';
import { createViewStore } from './state/viewStore';
import './styles/app.css';

initI18n();
const doc = createDocumentStore();
const view = createViewStore();
const results = createResultsStore();
trackSliceRevisions(results);
const runner = createRunner(getEngine(), doc, view, results);
// The document's `view` section and the view store stay in step (open shows it, a change is saved).
syncView(doc, view);
const stores: AppStores = { doc, view, results, runner };
// End-to-end tests read the stores (never write them) to check what the views show; test builds only.
if (import.meta.env.DEV || import.meta.env.VITE_RELIEF_TEST_HOOKS === '1')
  (window as unknown as { __reliefStores?: AppStores }).__reliefStores = stores;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider stores={stores}>
      <App />
    </AppProvider>
  </StrictMode>,
);
