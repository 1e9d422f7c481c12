import { createBrowserRouter, Navigate } from 'react-router';
import { RequireSignIn } from './RequireSignIn';
import { RouteError } from './RouteError';
import { Shell } from './Shell';

/** Each page is its own chunk, loaded when its route is first visited. */
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

export const router = createBrowserRouter([
  {
    Component: Shell,
    ErrorBoundary: RouteError,
    children: [
      { path: '/login', lazy: page(() => import('../features/accounts/SignInPage')) },
      { path: '/signup', lazy: page(() => import('../features/accounts/SignUpPage')) },
      { path: '/u/:username', lazy: page(() => import('../features/space/SpacePage')) },
      { path: '/u/:username/albums/:albumId', lazy: page(() => import('../features/albums/AlbumPage')) },
      // The same page where only the album is known (a notification about someone else's photo).
      { path: '/albums/:albumId', lazy: page(() => import('../features/albums/AlbumPage')) },
      { path: '/posts/:postId', lazy: page(() => import('../features/posts/PostPage')) },
      {
        Component: RequireSignIn,
        children: [
          { index: true, lazy: page(() => import('../features/feed/FeedPage')) },
          { path: '/settings', lazy: page(() => import('../features/accounts/SettingsPage')) },
          { path: '/friends', lazy: page(() => import('../features/friends/FriendsPage')) },
          { path: '/notifications', lazy: page(() => import('../features/notifications/NotificationsPage')) },
          { path: '/app-center', lazy: page(() => import('../features/app-center/AppCenterPage')) },
          { path: '/app-center/:appId', lazy: page(() => import('../features/app-center/AppDetailPage')) },
          { path: '/play/:appId', lazy: page(() => import('../features/app-center/CanvasPage')) },
          { path: '/wallet', lazy: page(() => import('../features/wallet/WalletPage')) },
        ],
      },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);
