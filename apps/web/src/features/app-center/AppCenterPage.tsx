import { QueryState } from '@kongjian/client';
import { SearchOutlined, StarFilled } from '@ant-design/icons';
import { Button, Card, Col, Empty, Input, List, Row, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AppIcon } from './AppIcon';
import { type AppCategory, CATEGORIES, type CenterApp, useBrowseApps, useMyApps } from './queries';
import { UninstallButton } from './UninstallButton';

/** "4.5 ★ · 12 ratings", or "no ratings yet". */
export function RatingText({ rating }: { rating: CenterApp['rating'] }) {
  const { t } = useTranslation('apps');
  if (rating.average === null) return <Typography.Text type="secondary">{t('rating.none')}</Typography.Text>;
  return (
    <Typography.Text type="secondary">
      <StarFilled aria-hidden style={{ color: '#d48806', marginRight: 4 }} />
      {t('rating.summary', { average: rating.average.toFixed(1), count: rating.count })}
    </Typography.Text>
  );
}

function AppCard({ app }: { app: CenterApp }) {
  const { t } = useTranslation('apps');
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Space align="start" size={12}>
        <AppIcon iconUrl={app.iconUrl} />
        <div style={{ minWidth: 0 }}>
          <Link to={`/app-center/${app.id}`} style={{ fontWeight: 600 }}>
            {app.name}
          </Link>
          <div>
            <RatingText rating={app.rating} />
          </div>
          <Typography.Text type="secondary">
            {t('category.' + app.category)} · {t('installs', { count: app.installCount })}
          </Typography.Text>
          <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0' }}>
            {app.description}
          </Typography.Paragraph>
        </div>
      </Space>
    </Card>
  );
}

function MyApps() {
  const { t } = useTranslation('apps');
  const mine = useMyApps();
  return (
    <section aria-labelledby="my-apps" style={{ marginBottom: 24 }}>
      <Typography.Title level={2} id="my-apps" style={{ fontSize: 18 }}>
        {t('center.mine')}
      </Typography.Title>
      <QueryState query={mine}>
        {({ items }) =>
          items.length === 0 ? (
            <Typography.Paragraph type="secondary">{t('center.mineEmpty')}</Typography.Paragraph>
          ) : (
            <Card size="small">
              <List
                dataSource={items}
                renderItem={(app) => (
                  <List.Item
                    actions={[
                      app.canvasUrl !== null && (
                        <Link
                          key="open"
                          to={`/play/${app.id}`}
                          aria-label={t('center.openApp', { name: app.name })}
                        >
                          {t('center.open')}
                        </Link>
                      ),
                      <UninstallButton key="uninstall" appId={app.id} name={app.name} />,
                    ].filter(Boolean)}
                  >
                    <List.Item.Meta
                      avatar={<AppIcon iconUrl={app.iconUrl} size={40} />}
                      title={<Link to={`/app-center/${app.id}`}>{app.name}</Link>}
                      description={t('category.' + app.category)}
                    />
                  </List.Item>
                )}
              />
            </Card>
          )
        }
      </QueryState>
    </section>
  );
}

function Catalog() {
  const { t } = useTranslation('apps');
  const [category, setCategory] = useState<AppCategory | 'all'>('all');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const apps = useBrowseApps(category === 'all' ? undefined : category, q);
  return (
    <section aria-labelledby="browse-apps">
      <Typography.Title level={2} id="browse-apps" style={{ fontSize: 18 }}>
        {t('center.browse')}
      </Typography.Title>
      <Space direction="vertical" size={12} style={{ width: '100%', marginBottom: 16 }}>
        <Input.Search
          aria-label={t('center.search')}
          placeholder={t('center.searchPlaceholder')}
          allowClear
          enterButton={<SearchOutlined aria-label={t('center.search')} />}
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
            if (!event.target.value) setQ('');
          }}
          onSearch={(value) => setQ(value.trim())}
          style={{ maxWidth: 420 }}
        />
        <div style={{ overflowX: 'auto' }}>
          <Segmented<AppCategory | 'all'>
            aria-label={t('center.category')}
            value={category}
            onChange={setCategory}
            options={[
              { value: 'all', label: t('category.all') },
              ...CATEGORIES.map((value) => ({ value, label: t('category.' + value) })),
            ]}
          />
        </div>
      </Space>
      <QueryState query={apps}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0) {
            return <Empty description={q ? t('center.noMatch', { q }) : t('center.emptyCategory')} />;
          }
          return (
            <>
              <Row gutter={[12, 12]}>
                {items.map((app) => (
                  <Col key={app.id} xs={24} sm={12} lg={8}>
                    <AppCard app={app} />
                  </Col>
                ))}
              </Row>
              {apps.hasNextPage && (
                <div style={{ textAlign: 'center', marginTop: 16 }}>
                  <Button loading={apps.isFetchingNextPage} onClick={() => void apps.fetchNextPage()}>
                    {t('common:loadMore')}
                  </Button>
                </div>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

/** The app center: my apps first, then the published apps by category, with search. */
export default function AppCenterPage() {
  const { t } = useTranslation('apps');
  return (
    <div className="kj-page">
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('center.title')}
      </Typography.Title>
      <MyApps />
      <Catalog />
    </div>
  );
}
