import { PlusOutlined } from '@ant-design/icons';
import { ProblemAlert, QueryState, useAccount } from '@kongjian/client';
import { Button, Card, Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type App, useBecomeDeveloper, useMyApps } from './queries';
import { StatusTag } from './StatusTag';

function BecomeDeveloper() {
  const { t } = useTranslation('developer');
  const become = useBecomeDeveloper();
  return (
    <Card>
      <Typography.Title level={2}>{t('become.title')}</Typography.Title>
      <Typography.Paragraph>{t('become.text')}</Typography.Paragraph>
      <Button type="primary" loading={become.isPending} onClick={() => become.mutate()}>
        {t('become.action')}
      </Button>
      {become.isError && <ProblemAlert error={become.error} />}
    </Card>
  );
}

function AppList() {
  const { t } = useTranslation('developer');
  const apps = useMyApps();
  return (
    <QueryState query={apps}>
      {(data) =>
        data.items.length === 0 ? (
          <Empty description={t('apps.empty')} />
        ) : (
          <Table<App>
            rowKey="id"
            dataSource={data.items}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              {
                title: t('apps.name'),
                dataIndex: 'name',
                render: (name: string, app) => <Link to={`/apps/${app.id}`}>{name}</Link>,
              },
              {
                title: t('apps.status'),
                dataIndex: 'status',
                render: (_, app) => <StatusTag status={app.status} />,
              },
              {
                title: t('apps.category'),
                dataIndex: 'category',
                render: (category: App['category']) => <Tag>{t(`category.${category}`)}</Tag>,
              },
              {
                title: t('apps.published'),
                dataIndex: 'publishedVersion',
                render: (version: number | null) => (version ? t('apps.version', { number: version }) : '—'),
              },
            ]}
          />
        )
      }
    </QueryState>
  );
}

/** 我的应用: the developer's apps and "create", or how to become a developer first. */
export default function AppsPage() {
  const { t } = useTranslation('developer');
  const account = useAccount();
  const navigate = useNavigate();
  const developer = account.data?.roles.includes('developer');
  return (
    <>
      <div className="kj-page-head">
        <Typography.Title level={1}>{t('apps.title')}</Typography.Title>
        {developer && (
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => void navigate('/apps/new')}
          >
            {t('apps.create')}
          </Button>
        )}
      </div>
      {developer ? <AppList /> : <BecomeDeveloper />}
    </>
  );
}
