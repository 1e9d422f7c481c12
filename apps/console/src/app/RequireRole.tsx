import { useAccount } from '@kongjian/client';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';

type Role = 'developer' | 'admin';

/**
 * Pages for one role. The host refuses everyone else anyway (403); this only spares them a page of errors
 * and says what is missing.
 */
export function RequireRole({ role }: { role: Role }) {
  const { t } = useTranslation('console');
  const account = useAccount();
  if (account.data?.roles.includes(role)) return <Outlet />;
  return <Result status="403" title={t(`forbidden.${role}.title`)} subTitle={t(`forbidden.${role}.text`)} />;
}
