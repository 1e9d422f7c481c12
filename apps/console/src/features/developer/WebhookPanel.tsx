import { ProblemAlert, QueryState } from '@kongjian/client';
import { Button, Descriptions, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type App, useRotateWebhookSecret, useWebhook } from './queries';

/** Where events go, the secret that signs them, and how the last deliveries went. */
export function WebhookPanel({ app }: { app: App }) {
  const { t, i18n } = useTranslation('developer');
  const webhook = useWebhook(app.id);
  const rotate = useRotateWebhookSecret(app.id);
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : '—');
  return (
    <QueryState query={webhook}>
      {(data) => (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions
            column={1}
            bordered
            items={[
              { key: 'url', label: t('webhook.url'), children: data.url ?? t('webhook.noUrl') },
              {
                key: 'health',
                label: t('webhook.health'),
                children: (
                  <Tag color={data.health === 'healthy' ? 'success' : 'error'}>
                    {t(`webhook.${data.health}`)}
                  </Tag>
                ),
              },
              {
                key: 'secret',
                label: t('webhook.secret'),
                children: (
                  <Typography.Text code copyable={{ text: data.secret }}>
                    {`${data.secret.slice(0, 6)}…`}
                  </Typography.Text>
                ),
              },
            ]}
          />
          <Typography.Paragraph>{t('webhook.urlHelp')}</Typography.Paragraph>
          <Popconfirm
            title={t('webhook.rotateConfirm')}
            okText={t('webhook.rotate')}
            cancelText={t('common:cancel')}
            onConfirm={() => rotate.mutate()}
          >
            <Button danger loading={rotate.isPending}>
              {t('webhook.rotate')}
            </Button>
          </Popconfirm>
          {rotate.isError && <ProblemAlert error={rotate.error} />}
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            {t('webhook.deliveries')}
          </Typography.Title>
          {data.deliveries.length === 0 ? (
            <Empty description={t('webhook.noDeliveries')} />
          ) : (
            <Table
              rowKey="eventId"
              size="small"
              pagination={false}
              scroll={{ x: true }}
              dataSource={data.deliveries}
              columns={[
                { title: t('webhook.event'), dataIndex: 'type' },
                { title: t('webhook.state'), dataIndex: 'status' },
                { title: t('webhook.attempts'), dataIndex: 'attempts' },
                { title: t('webhook.lastAttempt'), dataIndex: 'lastAttemptAt', render: when },
                { title: t('webhook.nextAttempt'), dataIndex: 'nextAttemptAt', render: when },
                {
                  title: t('webhook.lastError'),
                  dataIndex: 'lastError',
                  render: (error: string | null) => error ?? '—',
                },
              ]}
            />
          )}
        </Space>
      )}
    </QueryState>
  );
}
