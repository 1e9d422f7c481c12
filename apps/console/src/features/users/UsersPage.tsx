import { Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PagedTable } from '../../app/PagedTable';
import { type AdminUser, useUserSearch } from './queries';
import { RoleTags } from './RoleTags';

/** 用户: find people by username or nickname (everyone, newest first, before a search), and open one. */
export default function UsersPage() {
  const { t, i18n } = useTranslation('users');
  // The search is in the address, so "back" from a person's page returns to the same results.
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const users = useUserSearch(q);
  return (
    <>
      <Typography.Title level={1}>{t('title')}</Typography.Title>
      <div role="search">
        <Input.Search
          key={q}
          defaultValue={q}
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          enterButton={t('search.button')}
          allowClear
          maxLength={50}
          style={{ maxWidth: 480, marginBottom: 16 }}
          onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
        />
      </div>
      <PagedTable<AdminUser>
        query={users}
        label={t('title')}
        empty={q ? t('search.none', { q }) : t('search.nobody')}
        columns={[
          {
            title: t('column.username'),
            render: (_, user) => <Link to={`/users/${user.id}`}>{user.username}</Link>,
          },
          { title: t('column.nickname'), dataIndex: 'nickname' },
          { title: t('column.roles'), render: (_, user) => <RoleTags user={user} /> },
          {
            title: t('column.joined'),
            render: (_, user) => new Date(user.createdAt).toLocaleDateString(i18n.language),
          },
        ]}
      />
    </>
  );
}
