import { ProblemAlert, QueryState } from '@kongjian/client';
import { App as AntApp, Button, Card, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ReasonDialog } from '../../app/ReasonDialog';
import {
  type PluginStatus,
  type UnhealthyWebhook,
  useDisablePlugin,
  useEnablePlugin,
  usePlugins,
  useUnhealthyWebhooks,
} from './queries';

/** Apps whose webhooks gave up after a day of retries, with what went wrong last. */
function Webhooks() {
  const { t, i18n } = useTranslation('operations');
  const webhooks = useUnhealthyWebhooks();
  return (
    <Card title={<h2 className="kj-card-title">{t('webhooks.title')}</h2>}>
      <QueryState query={webhooks}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('webhooks.healthy')} />
          ) : (
            <Table<UnhealthyWebhook>
              rowKey="appId"
              size="small"
              pagination={false}
              scroll={{ x: true }}
              dataSource={data.items}
              columns={[
                {
                  title: t('webhooks.app'),
                  render: (_, item) => <Link to={`/review/apps/${item.appId}`}>{item.name}</Link>,
                },
                {
                  title: t('webhooks.url'),
                  render: (_, item) => (
                    <div className="kj-cell-text kj-long-text">{item.webhookUrl ?? '—'}</div>
                  ),
                },
                {
                  title: t('webhooks.since'),
                  render: (_, item) => new Date(item.unhealthySince).toLocaleString(i18n.language),
                },
                { title: t('webhooks.failures'), dataIndex: 'recentFailures' },
                {
                  title: t('webhooks.lastError'),
                  render: (_, item) => (
                    <div className="kj-cell-text kj-long-text">{item.lastError ?? '—'}</div>
                  ),
                },
              ]}
            />
          )
        }
      </QueryState>
    </Card>
  );
}

/** One plugin: its breaker, its recent failures, and the way to take it out of service or bring it back. */
function PluginCard({ plugin }: { plugin: PluginStatus }) {
  const { t, i18n } = useTranslation('operations');
  const { message } = AntApp.useApp();
  const enable = useEnablePlugin();
  const disable = useDisablePlugin(plugin.id);
  const [asking, setAsking] = useState(false);
  const when = (at: string) => new Date(at).toLocaleString(i18n.language);
  const disabled = plugin.status === 'disabled';
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <h3 className="kj-card-title">{plugin.name}</h3>
          <Tag color={disabled ? 'error' : 'success'}>{t(`plugins.status.${plugin.status}`)}</Tag>
        </Space>
      }
    >
      <Typography.Paragraph className="kj-help">
        {t('plugins.version', { id: plugin.id, version: plugin.version })}
      </Typography.Paragraph>
      {disabled && plugin.disabledAt && plugin.disabledBy && (
        <Typography.Paragraph>
          {t(`plugins.disabledBy.${plugin.disabledBy}`, { when: when(plugin.disabledAt) })}
          <br />
          <span className="kj-long-text">{plugin.disabledReason}</span>
        </Typography.Paragraph>
      )}
      <Typography.Paragraph>
        {t('plugins.consecutive', { count: plugin.consecutiveFailures })}
      </Typography.Paragraph>
      {plugin.lastError && (
        <Typography.Paragraph>
          {t('plugins.lastError', { when: plugin.lastFailureAt ? when(plugin.lastFailureAt) : '—' })}
          <br />
          <code className="kj-long-text">{plugin.lastError}</code>
        </Typography.Paragraph>
      )}
      {plugin.recentFailures.length > 0 && (
        <details>
          <summary>{t('plugins.recent', { count: plugin.recentFailures.length })}</summary>
          <ul className="kj-changes">
            {plugin.recentFailures.map((failure, index) => (
              <li key={index}>
                {when(failure.at)}: <span className="kj-long-text">{failure.error}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {!disabled && (
        <Button danger onClick={() => setAsking(true)}>
          {t('plugins.disable')}
        </Button>
      )}
      {asking && (
        <ReasonDialog
          title={t('plugins.disableTitle', { name: plugin.name })}
          ok={t('plugins.disable')}
          required
          label={t('plugins.disableReason')}
          pending={disable.isPending}
          error={disable.error}
          onDecide={(reason) =>
            disable.mutate(reason, {
              onSuccess: () => {
                void message.success(t('plugins.disabledNow', { name: plugin.name }));
                setAsking(false);
              },
            })
          }
          onClose={() => {
            disable.reset();
            setAsking(false);
          }}
        />
      )}
      {disabled && (
        <Popconfirm
          title={t('plugins.enableConfirm', { name: plugin.name })}
          okText={t('plugins.enable')}
          cancelText={t('common:cancel')}
          onConfirm={() =>
            enable.mutate(plugin.id, {
              onSuccess: () => void message.success(t('plugins.enabled', { name: plugin.name })),
            })
          }
        >
          <Button type="primary" loading={enable.isPending}>
            {t('plugins.enable')}
          </Button>
        </Popconfirm>
      )}
      {enable.isError && <ProblemAlert error={enable.error} />}
    </Card>
  );
}

function Plugins() {
  const { t } = useTranslation('operations');
  const plugins = usePlugins();
  return (
    <Card title={<h2 className="kj-card-title">{t('plugins.title')}</h2>}>
      <Typography.Paragraph className="kj-help">{t('plugins.help')}</Typography.Paragraph>
      <QueryState query={plugins}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plugins.none')} />
          ) : (
            <div className="kj-plugin-grid">
              {data.items.map((plugin) => (
                <PluginCard key={plugin.id} plugin={plugin} />
              ))}
            </div>
          )
        }
      </QueryState>
    </Card>
  );
}

/** 运行状况: what is failing right now — third-party apps' webhooks and the built-in plugins. */
export default function OperationsPage() {
  const { t } = useTranslation('operations');
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ marginBottom: 0 }}>
        {t('title')}
      </Typography.Title>
      <Plugins />
      <Webhooks />
    </Space>
  );
}
