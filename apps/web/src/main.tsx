import { accountQuery, createQueryClient, initI18n, ThemeProvider } from '@kongjian/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './app/routes';
import { feedQuery } from './features/posts/queries';
import { webLocales } from './locales';
import './app/global.css';

const queryClient = createQueryClient();

// The first screen's data is asked for now, while i18n, the router and the page's code start, rather than
// after the first render. A failure is left to the page's own query, which shows it and offers a retry.
queryClient.ensureQueryData(accountQuery).then(
  (account) => {
    if (account && window.location.pathname === '/') void queryClient.prefetchInfiniteQuery(feedQuery);
  },
  () => undefined,
);

await initI18n(webLocales);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ThemeProvider>
        <RouterProvider router={router} />
      </ThemeProvider>
    </QueryClientProvider>
  </StrictMode>,
);
