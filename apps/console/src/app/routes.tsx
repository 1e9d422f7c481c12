import { createBrowserRouter, Navigate } from 'react-router';
import { Home } from './Home';
import { RequireRole } from './RequireRole';
import { Shell } from './Shell';

/** Each page is its own chunk, loaded when its route is first visited. */
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

export const router = createBrowserRouter(
  [
    {
      Component: Shell,
      children: [
        { index: true, Component: Home },
        { path: 'apps', lazy: page(() => import('../features/developer/AppsPage')) },
        {
          element: <RequireRole role="developer" />,
          children: [
            { path: 'apps/new', lazy: page(() => import('../features/developer/CreateAppPage')) },
            { path: 'apps/:appId', lazy: page(() => import('../features/developer/AppPage')) },
          ],
        },
        {
          element: <RequireRole role="admin" />,
          children: [
            { path: 'review', lazy: page(() => import('../features/review/ReviewQueuePage')) },
            { path: 'review/apps/:appId', lazy: page(() => import('../features/review/ReviewAppPage')) },
            { path: 'moderation', lazy: page(() => import('../features/moderation/ModerationPage')) },
            { path: 'users', lazy: page(() => import('../features/users/UsersPage')) },
            { path: 'users/:userId', lazy: page(() => import('../features/users/UserPage')) },
            { path: 'audit', lazy: page(() => import('../features/audit/AuditPage')) },
            { path: 'operations', lazy: page(() => import('../features/operations/OperationsPage')) },
          ],
        },
        { path: '*', element: <Navigate to="/" replace /> },
      ],
    },
  ],
  // The host serves the console at /console/.
  { basename: '/console' },
);
