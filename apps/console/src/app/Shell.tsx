import {
  AppstoreOutlined,
  AuditOutlined,
  DashboardOutlined,
  HistoryOutlined,
  HomeOutlined,
  LogoutOutlined,
  SafetyOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { LanguageButton, QueryState, useAccount, useSignOut } from '@kongjian/client';
import { Button, Grid, Layout, Menu } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { SectionNav } from './SectionNav';

/** The web app's sign-in page, which sends people back here afterwards (a full load: it is another app). */
function useSignInRedirect(signedOut: boolean) {
  const location = useLocation();
  useEffect(() => {
    if (!signedOut) return;
    const back = `/console${location.pathname}${location.search}`;
    window.location.assign(`/login?next=${encodeURIComponent(back)}`);
  }, [signedOut, location.pathname, location.search]);
}

/** The pages each role has: developers' apps for everyone; review, moderation and administration for admins. */
function usePages(roles: string[]) {
  const { t } = useTranslation('console');
  return [
    { key: '/apps', icon: <AppstoreOutlined aria-hidden />, label: t('nav.apps') },
    ...(roles.includes('admin')
      ? [
          { key: '/review', icon: <AuditOutlined aria-hidden />, label: t('nav.review') },
          { key: '/moderation', icon: <SafetyOutlined aria-hidden />, label: t('nav.moderation') },
          { key: '/users', icon: <TeamOutlined aria-hidden />, label: t('nav.users') },
          { key: '/audit', icon: <HistoryOutlined aria-hidden />, label: t('nav.audit') },
          { key: '/operations', icon: <DashboardOutlined aria-hidden />, label: t('nav.operations') },
        ]
      : []),
  ];
}

/** A side menu on a laptop; on a phone the same pages as a row of links above the page. */
function Navigation({ roles, phone }: { roles: string[]; phone: boolean }) {
  const { t } = useTranslation('console');
  const location = useLocation();
  const pages = usePages(roles);
  const current = pages.find((page) => location.pathname.startsWith(page.key))?.key;
  if (phone) {
    return (
      <SectionNav
        label={t('nav.label')}
        current={current}
        replace={false}
        sections={pages.map((page) => ({ key: page.key, label: page.label, to: page.key }))}
      />
    );
  }
  return (
    <nav aria-label={t('nav.label')}>
      <Menu
        mode="inline"
        selectedKeys={current ? [current] : []}
        items={pages.map((page) => ({ ...page, label: <Link to={page.key}>{page.label}</Link> }))}
      />
    </nav>
  );
}

/** The console's frame: the platform's name, the way around by role, the language, and the way out. */
export function Shell() {
  const { t } = useTranslation('console');
  const account = useAccount();
  const signOut = useSignOut();
  // Unknown until measured: a laptop's layout, not a flash of the phone's.
  const phone = Grid.useBreakpoint().md === false;
  useSignInRedirect(account.data === null);
  return (
    <Layout className="kj-console">
      <Layout.Header className="kj-console-header">
        <Link to="/" className="kj-console-title" aria-label={t('title')}>
          <img src="/console/favicon.svg" alt="" width={24} height={24} />
          <span>{t('title')}</span>
        </Link>
        <div className="kj-console-tools">
          <LanguageButton className="kj-console-button" />
          <a href="/" className="kj-console-link" aria-label={t('backToKongjian')}>
            <HomeOutlined aria-hidden /> <span className="kj-console-wide">{t('backToKongjian')}</span>
          </a>
          {account.data && (
            <>
              <span className="kj-console-wide kj-console-user">{account.data.username}</span>
              <Button
                type="text"
                className="kj-console-button"
                icon={<LogoutOutlined aria-hidden />}
                aria-label={t('signOut')}
                onClick={() =>
                  signOut.mutate(undefined, { onSettled: () => window.location.assign('/login') })
                }
              />
            </>
          )}
        </div>
      </Layout.Header>
      <QueryState query={account}>
        {(me) =>
          me && (
            <Layout>
              {!phone && (
                <Layout.Sider theme="light" width={200}>
                  <Navigation roles={me.roles} phone={false} />
                </Layout.Sider>
              )}
              <Layout.Content>
                <main className="kj-console-main">
                  {phone && <Navigation roles={me.roles} phone />}
                  <Outlet />
                </main>
              </Layout.Content>
            </Layout>
          )
        }
      </QueryState>
    </Layout>
  );
}
