import { CrownFilled, GiftOutlined } from '@ant-design/icons';
import { ProblemAlert, QueryState, useAccount } from '@kongjian/client';
import {
  App,
  Button,
  Card,
  Empty,
  InputNumber,
  List,
  Progress,
  Segmented,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  type MyOrder,
  type ShopItem,
  useBuyItem,
  useBuyVip,
  useInventory,
  useLevel,
  useMyOrders,
  useOrderAction,
  useShopItems,
  useVip,
  useWallet,
} from './queries';
import { useAttemptKey } from './useAttemptKey';

const TABS = ['coins', 'vip', 'shop', 'level', 'orders'] as const;
type Tab = (typeof TABS)[number];

function useDateTime() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (iso: string) => format.format(new Date(iso));
}

function Coins() {
  const { t } = useTranslation('wallet');
  const wallet = useWallet();
  const when = useDateTime();
  return (
    <QueryState query={wallet}>
      {(data) => {
        const entries = data.pages.flatMap((page) => page.items);
        return (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card>
              <Statistic
                title={t('coins.balance')}
                value={data.pages[0]?.balance ?? 0}
                suffix={t('coins.unit')}
              />
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                {t('coins.howToGet')}
              </Typography.Paragraph>
            </Card>
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('coins.history')}</h2>}>
              {entries.length === 0 ? (
                <Empty description={t('coins.noHistory')} />
              ) : (
                <List
                  dataSource={entries}
                  renderItem={(entry) => (
                    <List.Item
                      extra={
                        <Typography.Text strong style={{ color: entry.amount < 0 ? '#cf1322' : '#237804' }}>
                          {entry.amount > 0 ? '+' : ''}
                          {entry.amount}
                        </Typography.Text>
                      }
                    >
                      <List.Item.Meta
                        title={t('kind.' + entry.kind)}
                        description={[entry.counterparty?.nickname, entry.memo, when(entry.createdAt)]
                          .filter(Boolean)
                          .join(' · ')}
                      />
                    </List.Item>
                  )}
                />
              )}
              {wallet.hasNextPage && (
                <Button loading={wallet.isFetchingNextPage} onClick={() => void wallet.fetchNextPage()}>
                  {t('common:loadMore')}
                </Button>
              )}
            </Card>
          </Space>
        );
      }}
    </QueryState>
  );
}

function Vip() {
  const { t } = useTranslation('wallet');
  const { message } = App.useApp();
  const vip = useVip();
  const buy = useBuyVip();
  const attempt = useAttemptKey();
  const [months, setMonths] = useState(1);
  const when = useDateTime();
  return (
    <QueryState query={vip}>
      {(data) => {
        const member = data.membership;
        return (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card>
              <Space align="center" size={12}>
                <CrownFilled
                  aria-hidden
                  style={{ fontSize: 32, color: member?.active ? '#d48806' : '#8c8c8c' }}
                />
                <div>
                  <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
                    {member?.active ? t('vip.activeTitle', { level: member.level }) : t('vip.title')}
                  </Typography.Title>
                  <Typography.Text type="secondary">
                    {member?.active
                      ? t('vip.activeUntil', { date: when(member.expiresAt), count: data.continuousMonths })
                      : member
                        ? t('vip.lapsed', { date: when(member.expiresAt) })
                        : t('vip.never')}
                  </Typography.Text>
                </div>
              </Space>
            </Card>
            <Card title={<h3 style={{ fontSize: 16, margin: 0 }}>{t('vip.perksTitle')}</h3>}>
              <List
                size="small"
                dataSource={[
                  t('vip.perkStorage', { gib: Math.round(data.storageQuotaBytes / 1024 ** 3) }),
                  t('vip.perkThemes'),
                  t('vip.perkBadge'),
                  t('vip.perkLevel'),
                ]}
                renderItem={(perk) => <List.Item>{perk}</List.Item>}
              />
            </Card>
            <Card
              title={
                <h3 style={{ fontSize: 16, margin: 0 }}>{member?.active ? t('vip.renew') : t('vip.join')}</h3>
              }
            >
              <Space wrap align="center">
                <label htmlFor="vip-months">{t('vip.months')}</label>
                <InputNumber
                  id="vip-months"
                  min={1}
                  max={12}
                  value={months}
                  onChange={(value) => setMonths(value ?? 1)}
                />
                <Typography.Text>{t('vip.price', { coins: months * data.pricePerMonth })}</Typography.Text>
                <Button
                  type="primary"
                  loading={buy.isPending}
                  onClick={() =>
                    buy.mutate(
                      { months, idempotencyKey: attempt.keyFor(`vip:${months}`) },
                      {
                        onSuccess: () => {
                          attempt.done();
                          void message.success(t('vip.bought', { count: months }));
                        },
                      },
                    )
                  }
                >
                  {t('vip.buy')}
                </Button>
              </Space>
              {buy.isError && (
                <div style={{ marginTop: 12 }}>
                  <ProblemAlert error={buy.error} />
                </div>
              )}
            </Card>
          </Space>
        );
      }}
    </QueryState>
  );
}

function ShopItemRow({ item, onBuy, buying }: { item: ShopItem; onBuy: () => void; buying: boolean }) {
  const { t } = useTranslation('wallet');
  return (
    <List.Item
      actions={[
        item.owned ? (
          <Tag key="owned">{t('shop.owned')}</Tag>
        ) : (
          <Button
            key="buy"
            loading={buying}
            onClick={onBuy}
            aria-label={t('shop.buyItem', { name: item.name })}
          >
            {item.price === 0 ? t('shop.getFree') : t('shop.buy')}
          </Button>
        ),
      ]}
    >
      <List.Item.Meta
        title={
          <Space wrap size={4}>
            {item.name}
            <Tag>{t('shop.kind.' + item.kind)}</Tag>
            {item.vipOnly && (
              <Tag icon={<CrownFilled aria-hidden style={{ color: '#ad6800' }} />}>{t('shop.vipOnly')}</Tag>
            )}
          </Space>
        }
        description={`${item.price === 0 ? t('shop.free') : t('shop.price', { coins: item.price })} · ${item.description}`}
      />
    </List.Item>
  );
}

function Shop() {
  const { t } = useTranslation('wallet');
  const { message } = App.useApp();
  const account = useAccount();
  const items = useShopItems();
  const inventory = useInventory();
  const buy = useBuyItem();
  const attempt = useAttemptKey();
  const [failed, setFailed] = useState<{ itemId: string; error: unknown } | null>(null);
  const when = useDateTime();
  const me = account.data?.username;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('shop.inventory')}</h2>}>
        <QueryState query={inventory}>
          {({ items: owned }) =>
            owned.length === 0 ? (
              <Empty description={t('shop.inventoryEmpty')} />
            ) : (
              <>
                <List
                  size="small"
                  dataSource={owned}
                  renderItem={(entry) => (
                    <List.Item>
                      <List.Item.Meta
                        avatar={<GiftOutlined aria-hidden />}
                        title={`${entry.item.name} · ${t('shop.kind.' + entry.item.kind)}`}
                        description={t('shop.acquired', { date: when(entry.acquiredAt) })}
                      />
                    </List.Item>
                  )}
                />
                {me && (
                  <Typography.Paragraph style={{ margin: '8px 0 0' }}>
                    <Link to={`/u/${encodeURIComponent(me)}`}>{t('shop.applyOnSpace')}</Link>
                  </Typography.Paragraph>
                )}
              </>
            )
          }
        </QueryState>
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('shop.title')}</h2>}>
        {failed && (
          <div style={{ marginBottom: 12 }}>
            <ProblemAlert error={failed.error} />
          </div>
        )}
        <QueryState query={items}>
          {({ items: forSale }) => (
            <List
              dataSource={forSale}
              renderItem={(item) => (
                <ShopItemRow
                  item={item}
                  buying={buy.isPending && buy.variables.itemId === item.id}
                  onBuy={() => {
                    setFailed(null);
                    buy.mutate(
                      { itemId: item.id, idempotencyKey: attempt.keyFor(`item:${item.id}`) },
                      {
                        onSuccess: () => {
                          attempt.done();
                          void message.success(t('shop.bought', { name: item.name }));
                        },
                        onError: (error) => setFailed({ itemId: item.id, error }),
                      },
                    );
                  }}
                />
              )}
            />
          )}
        </QueryState>
      </Card>
    </Space>
  );
}

function LevelTab() {
  const { t } = useTranslation('wallet');
  const level = useLevel();
  return (
    <QueryState query={level}>
      {(data) => {
        const next = data.nextLevelPoints;
        const percent = next === null ? 100 : Math.min(100, Math.round((data.points / next) * 100));
        return (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card>
              <Typography.Title level={2} style={{ fontSize: 18 }}>
                {t('level.current', { level: data.level })}
              </Typography.Title>
              <Progress percent={percent} aria-label={t('level.progress')} />
              <Typography.Text>
                {next === null
                  ? t('level.top', { points: data.points })
                  : t('level.toNext', { points: data.points, next, missing: next - data.points })}
              </Typography.Text>
            </Card>
            <Card title={<h3 style={{ fontSize: 16, margin: 0 }}>{t('level.today')}</h3>}>
              <List
                size="small"
                dataSource={data.today}
                renderItem={(activity) => (
                  <List.Item extra={t('level.earned', { points: activity.points, cap: activity.dailyCap })}>
                    <List.Item.Meta
                      title={t('activity.' + activity.activity)}
                      description={t('level.each', { points: activity.pointsEach })}
                    />
                  </List.Item>
                )}
              />
            </Card>
          </Space>
        );
      }}
    </QueryState>
  );
}

/** Dark enough on the tag's light grey for AA contrast. */
const STATUS_COLORS: Record<MyOrder['status'], string> = {
  pending: '#ad4e00',
  paid: '#0958d9',
  delivered: '#237804',
  cancelled: '#595959',
  expired: '#595959',
  refunded: '#531dab',
};

function Orders() {
  const { t } = useTranslation('wallet');
  const orders = useMyOrders();
  const pay = useOrderAction('pay');
  const cancel = useOrderAction('cancel');
  const when = useDateTime();
  const failure = pay.error ?? cancel.error;
  return (
    <QueryState query={orders}>
      {(data) => {
        const items = data.pages.flatMap((page) => page.items);
        if (items.length === 0) return <Empty description={t('orders.empty')} />;
        return (
          <Card>
            {failure && <ProblemAlert error={failure} />}
            <List
              dataSource={items}
              renderItem={(order) => (
                <List.Item
                  actions={
                    order.status === 'pending'
                      ? [
                          <Button
                            key="pay"
                            type="primary"
                            loading={pay.isPending && pay.variables === order.id}
                            onClick={() => {
                              cancel.reset();
                              pay.mutate(order.id);
                            }}
                          >
                            {t('orders.pay', { coins: order.price })}
                          </Button>,
                          <Button
                            key="cancel"
                            loading={cancel.isPending && cancel.variables === order.id}
                            onClick={() => {
                              pay.reset();
                              cancel.mutate(order.id);
                            }}
                          >
                            {t('orders.cancel')}
                          </Button>,
                        ]
                      : []
                  }
                >
                  <List.Item.Meta
                    title={
                      <Space wrap size={4}>
                        {order.item.name}
                        <Tag style={{ color: STATUS_COLORS[order.status] }}>
                          {t('orders.status.' + order.status)}
                        </Tag>
                      </Space>
                    }
                    description={[
                      order.app?.name ?? t('orders.appGone'),
                      t('shop.price', { coins: order.price }),
                      when(order.createdAt),
                      order.status === 'pending'
                        ? t('orders.expires', { date: when(order.expiresAt) })
                        : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  />
                </List.Item>
              )}
            />
            {orders.hasNextPage && (
              <Button loading={orders.isFetchingNextPage} onClick={() => void orders.fetchNextPage()}>
                {t('common:loadMore')}
              </Button>
            )}
          </Card>
        );
      }}
    </QueryState>
  );
}

const PANELS: Record<Tab, () => React.ReactNode> = {
  coins: Coins,
  vip: Vip,
  shop: Shop,
  level: LevelTab,
  orders: Orders,
};

/** Coins, the yellow diamond, the shop, my level and my orders, one tab each (the tab is in the URL). */
export default function WalletPage() {
  const { t } = useTranslation('wallet');
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = TABS.find((one) => one === asked) ?? 'coins';
  const Panel = PANELS[tab];
  return (
    <div className="kj-narrow">
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('title')}
      </Typography.Title>
      {/* A segmented switch rather than antd Tabs: Tabs hides tabs in a "more" menu on a phone, which
          leaves its tablist without tabs for assistive technology. */}
      <div style={{ overflowX: 'auto', marginBottom: 16 }}>
        <Segmented<Tab>
          aria-label={t('sections')}
          value={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          options={TABS.map((key) => ({ value: key, label: t('tab.' + key) }))}
        />
      </div>
      <Panel />
    </div>
  );
}
