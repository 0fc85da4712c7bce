import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Base styles first, so the styles each component imports come later and can build on them.
import './styles.css';
import './components/components.css';
import { tokenStore } from './api/token-store';
import { App } from './app';
import { createQueryClient } from './query-client';

const queryClient = createQueryClient(tokenStore);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
