import { useAccount } from '@kongjian/client';
import { Navigate } from 'react-router';

/** Where the console opens: an admin's review queue, else the developer's apps (or how to become one). */
export function Home() {
  const account = useAccount();
  return <Navigate to={account.data?.roles.includes('admin') ? '/review' : '/apps'} replace />;
}
