import { QueryState, useAccount } from '@kongjian/client';
import { Navigate, Outlet, useLocation } from 'react-router';

/** Pages for signed-in people: anyone else is sent to sign in, and comes back here afterwards. */
export function RequireSignIn() {
  const account = useAccount();
  const location = useLocation();
  return (
    <QueryState query={account}>
      {(signedIn) =>
        signedIn ? (
          <Outlet />
        ) : (
          <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />
        )
      }
    </QueryState>
  );
}
