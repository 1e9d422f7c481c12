import { ArrowDownOutlined, ArrowUpOutlined, CheckOutlined, CrownFilled } from '@ant-design/icons';
import { problemMessage } from '@kongjian/client';
import { Alert, App, Button, Drawer, List, Radio, Space, Switch, Tabs, Tag, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ALL_MODULES,
  type Space as SpaceData,
  type ShopItem,
  type SpaceModule,
  useUpdateDecoration,
} from './queries';
import { useBuyItem, useCoinBalance, useShopItems } from '../wallet/queries';
import { spaceLook } from './themes';

/** Whether I may apply an item now: free ones always, priced ones once owned, VIP ones only as a member. */
function usable(item: ShopItem, vipActive: boolean): boolean {
  if (item.vipOnly && !vipActive) return false;
  return item.price === 0 || item.owned;
}

/** The owner dresses up the space: theme or skin, background music, which blocks show and in what order. */
export function DecorationDrawer({
  space,
  open,
  onClose,
}: {
  space: SpaceData;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('space');
  const { message } = App.useApp();
  const shop = useShopItems(open);
  const coins = useCoinBalance();
  const purchase = useBuyItem();
  const decorate = useUpdateDecoration(space.id);
  // One key per item until its purchase succeeds: pressing "buy" again after a lost answer is the same purchase.
  const purchaseKeys = useRef(new Map<string, string>());
  const vipActive = space.vip?.active ?? false;
  const { decoration } = space;

  const apply = (edit: Parameters<typeof decorate.mutate>[0]) =>
    decorate.mutate(edit, { onSuccess: () => void message.success(t('decorate.applied')) });

  const buy = (item: ShopItem) => {
    const idempotencyKey = purchaseKeys.current.get(item.id) ?? crypto.randomUUID();
    purchaseKeys.current.set(item.id, idempotencyKey);
    purchase.mutate(
      { itemId: item.id, idempotencyKey },
      {
        onSuccess: () => {
          purchaseKeys.current.delete(item.id);
          void message.success(t('shop.bought', { name: item.name }));
        },
      },
    );
  };

  const itemActions = (item: ShopItem, applied: boolean, onApply: () => void) => {
    if (applied) {
      return (
        <Tag color="success" icon={<CheckOutlined aria-hidden />}>
          {t('shop.inUse')}
        </Tag>
      );
    }
    if (usable(item, vipActive)) {
      return (
        <Button size="small" type="primary" onClick={onApply} loading={decorate.isPending}>
          {t('shop.apply')}
        </Button>
      );
    }
    if (item.vipOnly && !vipActive) return <Tag>{t('shop.vipOnly')}</Tag>;
    return (
      <Button
        size="small"
        onClick={() => buy(item)}
        loading={purchase.isPending && purchase.variables?.itemId === item.id}
        aria-label={t('shop.buyNamed', { name: item.name, price: item.price })}
      >
        {t('shop.buy', { price: item.price })}
      </Button>
    );
  };

  const describe = (item: ShopItem) => (
    <Space size={4} wrap>
      <Typography.Text type="secondary">
        {item.price === 0 ? t('shop.free') : t('shop.price', { price: item.price })}
      </Typography.Text>
      {item.vipOnly && (
        <Tag className="kj-vip" icon={<CrownFilled aria-hidden />}>
          {t('shop.vipTag')}
        </Tag>
      )}
      {item.owned && item.price > 0 && <Tag>{t('shop.owned')}</Tag>}
    </Space>
  );

  const items = shop.data?.items ?? [];
  const looks = items.filter((item) => item.kind === 'theme' || item.kind === 'skin');
  const tracks = items.filter((item) => item.kind === 'music');
  const shown = decoration.modules;
  const hidden = ALL_MODULES.filter((module) => !shown.includes(module));
  const move = (module: SpaceModule, step: number) => {
    const next = [...shown];
    const from = next.indexOf(module);
    const to = from + step;
    if (to < 0 || to >= next.length) return;
    [next[from], next[to]] = [next[to]!, next[from]!];
    apply({ modules: next });
  };
  const toggle = (module: SpaceModule, visible: boolean) =>
    apply({ modules: visible ? [...shown, module] : shown.filter((entry) => entry !== module) });

  const failure = purchase.error ?? decorate.error;
  return (
    <Drawer
      title={t('decorate.title')}
      open={open}
      onClose={onClose}
      size={520}
      closable={{ 'aria-label': t('common:close') }}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {coins.data !== undefined && (
          <Typography.Text>{t('shop.balance', { coins: coins.data })}</Typography.Text>
        )}
        {failure && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={problemMessage(failure, t)}
            closable={{ onClose: () => (purchase.reset(), decorate.reset()) }}
          />
        )}
        {shop.isError && <Alert type="error" showIcon title={problemMessage(shop.error, t)} />}
        <Tabs
          items={[
            {
              key: 'themes',
              label: t('decorate.themes'),
              children: (
                <List
                  loading={shop.isPending}
                  dataSource={looks}
                  renderItem={(item) => (
                    <List.Item
                      key={item.id}
                      actions={[
                        itemActions(item, decoration.themeId === item.code, () =>
                          apply({ themeId: item.code }),
                        ),
                      ]}
                    >
                      <List.Item.Meta
                        avatar={
                          <span
                            className="kj-theme-swatch"
                            style={{ background: spaceLook(item.code).banner }}
                            aria-hidden
                          />
                        }
                        title={item.name}
                        description={describe(item)}
                      />
                    </List.Item>
                  )}
                />
              ),
            },
            {
              key: 'music',
              label: t('decorate.music'),
              children: (
                <List
                  loading={shop.isPending}
                  dataSource={tracks}
                  header={
                    decoration.musicUrl && (
                      <Button size="small" onClick={() => apply({ musicUrl: null })}>
                        {t('decorate.noMusic')}
                      </Button>
                    )
                  }
                  renderItem={(item) => (
                    <List.Item
                      key={item.id}
                      actions={[
                        itemActions(item, !!item.musicUrl && decoration.musicUrl === item.musicUrl, () =>
                          apply({ musicItemId: item.id }),
                        ),
                      ]}
                    >
                      <List.Item.Meta title={item.name} description={describe(item)} />
                    </List.Item>
                  )}
                />
              ),
            },
            {
              key: 'modules',
              label: t('decorate.modules'),
              children: (
                <List
                  dataSource={[...shown, ...hidden]}
                  renderItem={(module) => {
                    const visible = shown.includes(module);
                    const index = shown.indexOf(module);
                    const name = t(`modules.${module}`);
                    return (
                      <List.Item
                        key={module}
                        actions={[
                          <Button
                            key="up"
                            size="small"
                            icon={<ArrowUpOutlined aria-hidden />}
                            disabled={!visible || index === 0}
                            aria-label={t('decorate.moveUp', { name })}
                            onClick={() => move(module, -1)}
                          />,
                          <Button
                            key="down"
                            size="small"
                            icon={<ArrowDownOutlined aria-hidden />}
                            disabled={!visible || index === shown.length - 1}
                            aria-label={t('decorate.moveDown', { name })}
                            onClick={() => move(module, 1)}
                          />,
                          <Switch
                            key="show"
                            size="small"
                            checked={visible}
                            aria-label={t('decorate.show', { name })}
                            onChange={(checked) => toggle(module, checked)}
                          />,
                        ]}
                      >
                        <Typography.Text type={visible ? undefined : 'secondary'}>{name}</Typography.Text>
                      </List.Item>
                    );
                  }}
                />
              ),
            },
            {
              key: 'board',
              label: t('decorate.board'),
              children: (
                <Radio.Group
                  aria-label={t('decorate.board')}
                  value={decoration.boardAccess}
                  onChange={(event) =>
                    apply({ boardAccess: event.target.value as SpaceData['decoration']['boardAccess'] })
                  }
                  options={[
                    { value: 'everyone', label: t('decorate.boardEveryone') },
                    { value: 'friends', label: t('decorate.boardFriends') },
                  ]}
                />
              ),
            },
          ]}
        />
      </Space>
    </Drawer>
  );
}
