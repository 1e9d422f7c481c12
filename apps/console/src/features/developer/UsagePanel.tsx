import { QueryState } from '@kongjian/client';
import { Card, Descriptions, Empty, Progress, Radio, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../app/ScrollTable';
import { type Usage, useUsage } from './queries';

/** The spans a developer can look back over (the host keeps up to 90 days). */
const SPANS = [7, 30] as const;

type Counts = Usage['totals'];

/** A day's total followed by its operations, so each day reads as a block with its sum on top. */
interface UsageRow extends Counts {
  key: string;
  day: string;
  /** Absent on the day's total. */
  operation?: string;
}

function byDay(items: Usage['items']): UsageRow[] {
  const rows: UsageRow[] = [];
  let total: UsageRow | undefined;
  for (const item of items) {
    if (total?.day !== item.day) {
      total = { key: item.day, day: item.day, calls: 0, clientErrors: 0, rateLimited: 0, serverErrors: 0 };
      rows.push(total);
    }
    total.calls += item.calls;
    total.clientErrors += item.clientErrors;
    total.rateLimited += item.rateLimited;
    total.serverErrors += item.serverErrors;
    rows.push({ ...item, key: `${item.day} ${item.operation}` });
  }
  return rows;
}

/** How much of the rate limit is left in this window, and the rule behind a 429, in words. */
function Budget({ limit }: { limit: Usage['rateLimit'] }) {
  const { t } = useTranslation('developer');
  return (
    <Card size="small" title={<h2 className="kj-card-title">{t('usage.budgetTitle')}</h2>}>
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        <Progress
          percent={Math.round((limit.appRequestsLeft / limit.appRequestsPerWindow) * 100)}
          showInfo={false}
          aria-label={t('usage.left', { left: limit.appRequestsLeft, total: limit.appRequestsPerWindow })}
        />
        <Typography.Text strong>
          {t('usage.left', { left: limit.appRequestsLeft, total: limit.appRequestsPerWindow })}
        </Typography.Text>
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'app',
              label: t('usage.perApp'),
              children: t('usage.perWindow', {
                count: limit.appRequestsPerWindow,
                seconds: limit.windowSeconds,
              }),
            },
            {
              key: 'token',
              label: t('usage.perToken'),
              children: t('usage.perWindow', {
                count: limit.tokenRequestsPerWindow,
                seconds: limit.windowSeconds,
              }),
            },
            {
              key: 'reset',
              label: t('usage.reset'),
              children: t('usage.seconds', { count: limit.resetSeconds }),
            },
          ]}
        />
        <Typography.Paragraph className="kj-help" style={{ marginBottom: 0 }}>
          {t('usage.why429', { seconds: limit.windowSeconds })}
        </Typography.Paragraph>
      </Space>
    </Card>
  );
}

/** The app's Open API traffic: the rate-limit budget now, and calls per day and operation with errors. */
export function UsagePanel({ appId }: { appId: string }) {
  const { t } = useTranslation('developer');
  const [days, setDays] = useState<number>(SPANS[0]);
  const usage = useUsage(appId, days);
  const count = (title: string, field: keyof Counts) => ({
    title,
    dataIndex: field,
    align: 'right' as const,
  });
  return (
    <QueryState query={usage}>
      {(data) => (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Budget limit={data.rateLimit} />
          <Space wrap align="center" className="kj-page-head">
            <h2 className="kj-section-title">{t('usage.callsTitle')}</h2>
            <Radio.Group
              aria-label={t('usage.span')}
              optionType="button"
              value={days}
              onChange={(event) => setDays(event.target.value as number)}
              options={SPANS.map((span) => ({ value: span, label: t('usage.days', { count: span }) }))}
            />
          </Space>
          <Typography.Paragraph className="kj-help">
            {t('usage.callsHelp', { from: data.from, to: data.to })}
          </Typography.Paragraph>
          {data.items.length === 0 ? (
            <Empty description={t('usage.empty', { count: days })} />
          ) : (
            <ScrollTable<UsageRow>
              label={t('usage.callsTitle')}
              rowKey="key"
              dataSource={byDay(data.items)}
              rowClassName={(row) => (row.operation ? '' : 'kj-total')}
              columns={[
                {
                  title: t('usage.dayOperation'),
                  render: (_, row) =>
                    row.operation ? (
                      <Typography.Text code>{row.operation}</Typography.Text>
                    ) : (
                      <strong>{t('usage.dayTotal', { day: row.day })}</strong>
                    ),
                },
                count(t('usage.calls'), 'calls'),
                count('4xx', 'clientErrors'),
                count('429', 'rateLimited'),
                count('5xx', 'serverErrors'),
              ]}
              summary={() => (
                <Table.Summary.Row className="kj-total">
                  <Table.Summary.Cell index={0}>{t('usage.total', { count: days })}</Table.Summary.Cell>
                  {(['calls', 'clientErrors', 'rateLimited', 'serverErrors'] as const).map((field, index) => (
                    <Table.Summary.Cell key={field} index={index + 1} align="right">
                      {data.totals[field]}
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              )}
            />
          )}
        </Space>
      )}
    </QueryState>
  );
}
