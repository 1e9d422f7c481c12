import { QueryState } from '@kongjian/client';
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { SectionNav } from '../../app/SectionNav';
import { CredentialsPanel } from './CredentialsPanel';
import { ListingPanel } from './ListingPanel';
import { OrdersPanel } from './OrdersPanel';
import { useApp } from './queries';
import { StatusTag } from './StatusTag';
import { TestersPanel } from './TestersPanel';
import { UsagePanel } from './UsagePanel';
import { VersionsPanel } from './VersionsPanel';
import { WebhookPanel } from './WebhookPanel';

const TABS = ['versions', 'listing', 'credentials', 'testers', 'webhook', 'usage', 'orders'] as const;
type Tab = (typeof TABS)[number];

/** One app: its versions and review, listing, credentials, testers, webhook, usage and orders, one section each. */
export default function AppPage() {
  const { t } = useTranslation('developer');
  const { appId = '' } = useParams();
  const app = useApp(appId);
  const [params] = useSearchParams();
  const tab: Tab = TABS.includes(params.get('tab') as Tab) ? (params.get('tab') as Tab) : 'versions';
  return (
    <QueryState query={app}>
      {(data) => (
        <>
          <Link to="/apps">{t('app.back')}</Link>
          <Space align="center" wrap className="kj-page-head">
            <Typography.Title level={1}>{data.name}</Typography.Title>
            <StatusTag status={data.status} />
          </Space>
          {data.statusReason && (
            <Typography.Paragraph type="secondary">{data.statusReason}</Typography.Paragraph>
          )}
          <SectionNav
            label={t('tabs.label')}
            current={tab}
            sections={TABS.map((key) => ({ key, label: t(`tabs.${key}`), to: `?tab=${key}` }))}
          />
          {tab === 'versions' && <VersionsPanel app={data} />}
          {tab === 'listing' && <ListingPanel app={data} />}
          {tab === 'credentials' && <CredentialsPanel app={data} />}
          {tab === 'testers' && <TestersPanel appId={data.id} />}
          {tab === 'webhook' && <WebhookPanel app={data} />}
          {tab === 'usage' && <UsagePanel appId={data.id} />}
          {tab === 'orders' && <OrdersPanel appId={data.id} />}
        </>
      )}
    </QueryState>
  );
}
