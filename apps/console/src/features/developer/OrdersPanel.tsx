import { QueryState } from '@kongjian/client';
import { Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../app/LoadMore';
import { ScrollTable } from '../../app/ScrollTable';
import { useWhen } from '../../app/when';
import { type Order, type OrderStatus, type OrderTotals, useOrders } from './queries';

const STATUS_COLORS: Record<OrderStatus, string> = {
  pending: 'processing',
  paid: 'warning',
  delivered: 'success',
  cancelled: 'default',
  expired: 'default',
  refunded: 'error',
};

const STATUSES = Object.keys(STATUS_COLORS) as OrderStatus[];

/** How many orders are in each state, and where the coins of delivered and paid orders went. */
function Totals({ totals }: { totals: OrderTotals }) {
  const { t } = useTranslation('developer');
  return (
    <Card size="small" title={<h2 className="kj-card-title">{t('orders.totalsTitle')}</h2>}>
      <Space wrap size={[8, 8]} style={{ marginBottom: 12 }}>
        {STATUSES.map((status) => (
          <Tag key={status} color={STATUS_COLORS[status]}>
            {t(`orders.status.${status}`)} · {totals[status]}
          </Tag>
        ))}
      </Space>
      <Descriptions
        column={{ xs: 1, sm: 2 }}
        size="small"
        items={(['deliveredCoins', 'developerCoins', 'platformCoins', 'escrowCoins'] as const).map(
          (field) => ({
            key: field,
            label: t(`orders.${field}`),
            children: t('orders.coins', { count: totals[field] }),
          }),
        )}
      />
    </Card>
  );
}

/** The app's orders, newest first, with their states, buyers by openid and the totals over all of them. */
export function OrdersPanel({ appId }: { appId: string }) {
  const { t } = useTranslation('developer');
  const when = useWhen();
  const orders = useOrders(appId);
  return (
    <QueryState query={orders}>
      {(data) => {
        const items = data.pages.flatMap((page) => page.items);
        return (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Typography.Paragraph className="kj-help">{t('orders.help')}</Typography.Paragraph>
            <Totals totals={data.pages[0].totals} />
            <h2 className="kj-section-title">{t('orders.listTitle')}</h2>
            {items.length === 0 ? (
              <Empty description={t('orders.empty')} />
            ) : (
              <>
                <ScrollTable<Order>
                  label={t('orders.listTitle')}
                  rowKey="id"
                  dataSource={items}
                  columns={[
                    {
                      title: t('orders.item'),
                      render: (_, row) => (
                        <Space direction="vertical" size={0}>
                          <span>{row.item.name}</span>
                          <Typography.Text type="secondary" className="kj-small">
                            {row.item.sku}
                          </Typography.Text>
                        </Space>
                      ),
                    },
                    {
                      title: t('orders.state'),
                      render: (_, row) => (
                        <Tag color={STATUS_COLORS[row.status]}>{t(`orders.status.${row.status}`)}</Tag>
                      ),
                    },
                    {
                      title: t('orders.amount'),
                      align: 'right',
                      render: (_, row) => t('orders.coins', { count: row.price }),
                    },
                    {
                      title: t('orders.buyer'),
                      render: (_, row) => <Typography.Text code>{row.buyer}</Typography.Text>,
                    },
                    { title: t('orders.created'), render: (_, row) => when(row.createdAt) },
                    { title: t('orders.paid'), render: (_, row) => when(row.paidAt) },
                  ]}
                />
                <LoadMore query={orders} />
              </>
            )}
          </Space>
        );
      }}
    </QueryState>
  );
}
