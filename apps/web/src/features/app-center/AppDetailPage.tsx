import { ProblemAlert, QueryState } from '@kongjian/client';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { UserLink } from '../../components/UserAvatar';
import { RatingText } from './AppCenterPage';
import { AppIcon } from './AppIcon';
import { InviteFriends } from './InviteFriends';
import {
  type AppDetail,
  type Scope,
  testedVersion,
  useAppDetail,
  useInstallApp,
  useRateApp,
} from './queries';
import { ScopeConsent, ScopeList } from './ScopeList';
import { StarRating } from './StarRating';
import { UninstallButton } from './UninstallButton';

/** Consent before installing: what the app will be able to do, optional scopes as checkboxes. */
function InstallCard({ app }: { app: AppDetail }) {
  const { t } = useTranslation('apps');
  const [declined, setDeclined] = useState<Scope[]>([]);
  const install = useInstallApp(app.id);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('detail.consentTitle', { name: app.name })}</h2>}>
      <Typography.Paragraph>{t('detail.consentIntro')}</Typography.Paragraph>
      <ScopeConsent scopes={app.scopes} declined={declined} onChange={setDeclined} />
      {install.isError && (
        <div style={{ marginTop: 12 }}>
          <ProblemAlert error={install.error} />
        </div>
      )}
      <Button
        type="primary"
        style={{ marginTop: 16 }}
        loading={install.isPending}
        onClick={() => install.mutate(declined)}
      >
        {t('detail.install')}
      </Button>
    </Card>
  );
}

/**
 * What a newer version asks for that the person has not allowed: the scopes it added (and any it now
 * requires that they once left out), each marked new, optional ones to untick; what they allowed before
 * listed apart, as the OAuth consent page does. Accepting installs again, leaving out every optional scope
 * the person declined before or unticks now, so an upgrade never grants what they refused.
 */
function upgradeAsks(app: AppDetail): {
  asked: AppDetail['scopes'];
  allowed: Scope[];
  declined: (unticked: Scope[]) => Scope[];
} {
  const installation = app.installation;
  if (!installation) return { asked: [], allowed: [], declined: () => [] };
  const allowed = installation.scopes.map((one) => one.scope);
  const pending = installation.pendingScopes.map((one) => one.scope);
  const asked = app.scopes.filter(
    ({ scope, optional }) => !allowed.includes(scope) && (pending.includes(scope) || !optional),
  );
  return {
    asked,
    allowed,
    declined: (unticked) =>
      app.scopes
        .filter(
          ({ scope, optional }) =>
            optional && !allowed.includes(scope) && (!pending.includes(scope) || unticked.includes(scope)),
        )
        .map((one) => one.scope),
  };
}

function PendingScopes({ app }: { app: AppDetail }) {
  const { t } = useTranslation('apps');
  const install = useInstallApp(app.id);
  const [unticked, setUnticked] = useState<Scope[]>([]);
  const { asked, allowed, declined } = upgradeAsks(app);
  if (asked.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('detail.pendingTitle', { name: app.name })}
      description={
        <>
          <Typography.Paragraph strong style={{ margin: '8px 0 0' }}>
            {t('detail.newSince')}
          </Typography.Paragraph>
          <ScopeConsent scopes={asked} declined={unticked} onChange={setUnticked} markNew />
          {allowed.length > 0 && (
            <>
              <Typography.Paragraph strong style={{ margin: '8px 0 0' }}>
                {t('detail.alreadyAllowed')}
              </Typography.Paragraph>
              <ScopeList scopes={allowed} />
            </>
          )}
          {install.isError && <ProblemAlert error={install.error} />}
          <Button
            type="primary"
            style={{ marginTop: 8 }}
            loading={install.isPending}
            onClick={() => install.mutate(declined(unticked))}
          >
            {t('detail.pendingAllow')}
          </Button>
        </>
      }
      style={{ marginBottom: 16 }}
    />
  );
}

function Installed({ app }: { app: AppDetail }) {
  const { t } = useTranslation('apps');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const rate = useRateApp(app.id);
  const installation = app.installation!;
  const version = testedVersion(useSearchParams()[0]);
  return (
    <>
      <PendingScopes app={app} />
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('detail.installedTitle')}</h2>}>
        <Space wrap style={{ marginBottom: 16 }}>
          {app.hasCanvas && (
            <Button
              type="primary"
              onClick={() => void navigate(`/play/${app.id}${version ? `?version=${version}` : ''}`)}
            >
              {version ? t('detail.openVersion', { version }) : t('detail.open')}
            </Button>
          )}
          <InviteFriends appId={app.id} name={app.name} />
          <UninstallButton appId={app.id} name={app.name} block onDone={() => void navigate('/app-center')} />
        </Space>
        <Typography.Paragraph strong style={{ marginBottom: 4 }}>
          {t('rating.mine')}
        </Typography.Paragraph>
        <StarRating
          value={installation.myRating}
          disabled={rate.isPending}
          onChange={(stars) =>
            rate.mutate(stars, {
              onSuccess: () => void message.success(t('rating.thanks', { count: stars })),
            })
          }
        />
        {rate.isError && <ProblemAlert error={rate.error} />}
        <Typography.Paragraph strong style={{ margin: '16px 0 4px' }}>
          {t('detail.allowed')}
        </Typography.Paragraph>
        {installation.scopes.length === 0 ? (
          <Typography.Text type="secondary">{t('detail.nothingAllowed')}</Typography.Text>
        ) : (
          <ScopeList scopes={installation.scopes.map((one) => one.scope)} />
        )}
      </Card>
    </>
  );
}

/** One app: what it is, who made it, what it may do; install, open, rate, invite, uninstall. */
export default function AppDetailPage() {
  const { t } = useTranslation('apps');
  const { appId = '' } = useParams();
  const detail = useAppDetail(appId);
  return (
    <div className="kj-narrow">
      <Link to="/app-center">
        <ArrowLeftOutlined aria-hidden /> {t('center.title')}
      </Link>
      <div style={{ marginTop: 12 }}>
        <QueryState query={detail}>
          {(app) => (
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <Space align="start" size={16}>
                <AppIcon iconUrl={app.iconUrl} size={64} />
                <div>
                  <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
                    {app.name}
                  </Typography.Title>
                  <RatingText rating={app.rating} />
                </div>
              </Space>
              <Typography.Paragraph style={{ margin: 0 }}>{app.description}</Typography.Paragraph>
              <Descriptions
                size="small"
                column={1}
                bordered
                items={[
                  {
                    key: 'developer',
                    label: t('detail.developer'),
                    children: <UserLink user={app.developer} />,
                  },
                  { key: 'category', label: t('detail.category'), children: t('category.' + app.category) },
                  {
                    key: 'installs',
                    label: t('detail.installs'),
                    children: t('installs', { count: app.installCount }),
                  },
                  ...(app.builtIn
                    ? [{ key: 'builtIn', label: t('detail.origin'), children: t('detail.builtIn') }]
                    : []),
                ]}
              />
              {app.installation ? <Installed app={app} /> : <InstallCard app={app} />}
            </Space>
          )}
        </QueryState>
      </div>
    </div>
  );
}
