import { ProblemAlert, QueryState } from '@kongjian/client';
import { Button, Descriptions, Empty, Grid, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RotateButton } from './RotateButton';
import { LoadMore } from '../../app/LoadMore';
import { ScrollTable } from '../../app/ScrollTable';
import { useWhen } from '../../app/when';
import {
  type App,
  type Delivery,
  useDeliveries,
  useDeliveryActions,
  useRotateWebhookSecret,
  useWebhook,
} from './queries';

/** A delivery's state in words: a pending one is still being sent the first time, or being retried. */
type DeliveryState = 'sending' | 'retrying' | 'delivered' | 'failed' | 'undeliverable';

const STATE_COLORS: Record<DeliveryState, string> = {
  sending: 'processing',
  retrying: 'warning',
  delivered: 'success',
  failed: 'error',
  undeliverable: 'default',
};

function stateOf(delivery: Delivery): DeliveryState {
  if (delivery.status === 'pending') return delivery.attempts === 0 ? 'sending' : 'retrying';
  return delivery.status;
}

/**
 * Why the last attempt failed when the receiver did not answer (refused, timed out): an answer speaks for
 * itself through its status code and excerpt, which the host's error would only repeat.
 */
function failureOf(delivery: Delivery): string | null {
  return delivery.lastStatusCode === null ? delivery.lastError : null;
}

/** The signing secret, hidden until asked for: it is shown on a screen others may see. */
function SecretText({ secret }: { secret: string }) {
  const { t } = useTranslation('developer');
  const [shown, setShown] = useState(false);
  return (
    <Space wrap>
      <Typography.Text code copyable={{ text: secret }} className="kj-break">
        {shown ? secret : `${secret.slice(0, 6)}…`}
      </Typography.Text>
      <Button size="small" onClick={() => setShown(!shown)}>
        {shown ? t('webhook.hideSecret') : t('webhook.showSecret')}
      </Button>
    </Space>
  );
}

/** The event types the app receives, in words, from the manifest people use now. */
function ReceivedEvents({ events }: { events: App['events'] }) {
  const { t } = useTranslation('developer');
  if (events.length === 0) return <>{t('webhook.noEvents')}</>;
  return (
    <Space wrap size={[4, 4]}>
      {events.map((type) => (
        <Tag key={type}>{t(`event.${type}`)}</Tag>
      ))}
    </Space>
  );
}

/** Each event sent to the app: how it went, the receiver's last answer, and "send again" once it settled. */
function DeliveryLog({ appId }: { appId: string }) {
  const { t } = useTranslation('developer');
  const when = useWhen();
  const deliveries = useDeliveries(appId);
  const { redeliver } = useDeliveryActions(appId);
  return (
    <QueryState query={deliveries}>
      {(data) => {
        const items = data.pages.flatMap((page) => page.items);
        if (items.length === 0) return <Empty description={t('webhook.noDeliveries')} />;
        return (
          <>
            {redeliver.isError && <ProblemAlert error={redeliver.error} />}
            <ScrollTable<Delivery>
              label={t('webhook.deliveries')}
              rowKey="eventId"
              dataSource={items}
              expandable={{
                rowExpandable: (row) => failureOf(row) !== null || row.lastResponseExcerpt !== null,
                expandedRowRender: (row) => (
                  <Space direction="vertical" size={4}>
                    {failureOf(row) && (
                      <Typography.Text>{t('webhook.lastError', { error: failureOf(row) })}</Typography.Text>
                    )}
                    {row.lastResponseExcerpt !== null && (
                      <>
                        <Typography.Text>{t('webhook.excerpt')}</Typography.Text>
                        <pre className="kj-excerpt">{row.lastResponseExcerpt || t('webhook.emptyBody')}</pre>
                      </>
                    )}
                  </Space>
                ),
              }}
              columns={[
                {
                  title: t('webhook.event'),
                  render: (_, row) => (
                    <Space direction="vertical" size={0}>
                      <span>{t(`event.${row.type}`)}</span>
                      <Typography.Text type="secondary" className="kj-small">
                        {row.type} · {row.eventId}
                      </Typography.Text>
                    </Space>
                  ),
                },
                {
                  title: t('webhook.state'),
                  render: (_, row) => (
                    <Tag color={STATE_COLORS[stateOf(row)]}>{t(`webhook.states.${stateOf(row)}`)}</Tag>
                  ),
                },
                {
                  title: t('webhook.lastStatus'),
                  render: (_, row) => row.lastStatusCode ?? (row.attempts > 0 ? t('webhook.noAnswer') : '—'),
                },
                { title: t('webhook.attempts'), dataIndex: 'attempts' },
                { title: t('webhook.created'), render: (_, row) => when(row.createdAt) },
                { title: t('webhook.nextAttempt'), render: (_, row) => when(row.nextAttemptAt) },
                {
                  title: t('webhook.action'),
                  render: (_, row) =>
                    row.status === 'pending' ? (
                      <Typography.Text type="secondary">{t('webhook.retriesItself')}</Typography.Text>
                    ) : (
                      <Button
                        size="small"
                        aria-label={t('webhook.redeliverNamed', { id: row.eventId })}
                        loading={redeliver.isPending && redeliver.variables === row.eventId}
                        onClick={() => redeliver.mutate(row.eventId)}
                      >
                        {t('webhook.redeliver')}
                      </Button>
                    ),
                },
              ]}
            />
            <LoadMore query={deliveries} />
          </>
        );
      }}
    </QueryState>
  );
}

/** Where events go, which ones, the secret that signs them, a test event, and how each delivery went. */
export function WebhookPanel({ app }: { app: App }) {
  const { t } = useTranslation('developer');
  const webhook = useWebhook(app.id);
  const rotate = useRotateWebhookSecret(app.id);
  const { sendTest } = useDeliveryActions(app.id);
  // On a phone the labels go above their values: beside them they would leave a word per line.
  const wide = Grid.useBreakpoint().sm ?? true;
  return (
    <QueryState query={webhook}>
      {(data) => (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions
            column={1}
            bordered
            size="small"
            layout={wide ? 'horizontal' : 'vertical'}
            items={[
              {
                key: 'url',
                label: t('webhook.url'),
                children: data.url ? <span className="kj-break">{data.url}</span> : t('webhook.noUrl'),
              },
              { key: 'events', label: t('webhook.events'), children: <ReceivedEvents events={app.events} /> },
              {
                key: 'health',
                label: t('webhook.health'),
                children: (
                  <Tag color={data.health === 'healthy' ? 'success' : 'error'}>
                    {t(`webhook.${data.health}`)}
                  </Tag>
                ),
              },
              { key: 'secret', label: t('webhook.secret'), children: <SecretText secret={data.secret} /> },
            ]}
          />
          <Typography.Paragraph className="kj-help">{t('webhook.urlHelp')}</Typography.Paragraph>
          <Space wrap>
            <Button
              type="primary"
              disabled={data.url === null}
              loading={sendTest.isPending}
              onClick={() => sendTest.mutate()}
            >
              {t('webhook.sendTest')}
            </Button>
            <RotateButton label={t('webhook.rotate')} confirm={t('webhook.rotateConfirm')} rotate={rotate} />
          </Space>
          {data.url === null && (
            <Typography.Text type="secondary">{t('webhook.testNeedsUrl')}</Typography.Text>
          )}
          {sendTest.isError && <ProblemAlert error={sendTest.error} />}
          {rotate.isError && <ProblemAlert error={rotate.error} />}
          <h2 className="kj-section-title">{t('webhook.deliveries')}</h2>
          <Typography.Paragraph className="kj-help">{t('webhook.deliveriesHelp')}</Typography.Paragraph>
          <DeliveryLog appId={app.id} />
        </Space>
      )}
    </QueryState>
  );
}
