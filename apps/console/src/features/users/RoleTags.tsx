import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from './queries';

const COLORS: Record<string, string> = { admin: 'purple', developer: 'blue', user: 'default' };

/** A person's roles and, when suspended, that too: the same tags in the list and on their page. */
export function RoleTags({ user }: { user: AdminUser }) {
  const { t } = useTranslation('users');
  return (
    <Space size={4} wrap>
      {user.roles.map((role) => (
        <Tag key={role} color={COLORS[role]}>
          {t(`role.${role}`)}
        </Tag>
      ))}
      {user.suspension && <Tag color="error">{t('suspended')}</Tag>}
    </Space>
  );
}
