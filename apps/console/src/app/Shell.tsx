import { AppstoreOutlined, AuditOutlined, HomeOutlined, LogoutOutlined } from '@ant-design/icons';
import { LanguageButton, QueryState, useAccount, useSignOut } from '@kongjian/client';
import { Button, Layout, Menu } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';

/** The web app's sign-in page, which sends people back here afterwards (a full load: it is another app). */
function useSignInRedirect(signedOut: boolean) {
  const location = useLocation();
  useEffect(() => {
    if (!signedOut) return;
    const back = `/console${location.pathname}${location.search}`;
    window.location.assign(`/login?next=${encodeURIComponent(back)}`);
  }, [signedOut, location.pathname, location.search]);
}

function Navigation({ roles }: { roles: string[] }) {
  const { t } = useTranslation('console');
  const location = useLocation();
  const items = [
    { key: '/apps', icon: <AppstoreOutlined aria-hidden />, label: <Link to="/apps">{t('nav.apps')}</Link> },
    ...(roles.includes('admin')
      ? [
          {
            key: '/review',
            icon: <AuditOutlined aria-hidden />,
            label: <Link to="/review">{t('nav.review')}</Link>,
          },
        ]
      : []),
  ];
  const selected = items.find((item) => location.pathname.startsWith(item.key))?.key;
  return (
    <nav aria-label={t('nav.label')}>
      <Menu mode="inline" selectedKeys={selected ? [selected] : []} items={items} />
    </nav>
  );
}

/** The console's frame: the platform's name, the way around by role, the language, and the way out. */
export function Shell() {
  const { t } = useTranslation('console');
  const account = useAccount();
  const signOut = useSignOut();
  useSignInRedirect(account.data === null);
  return (
    <Layout className="kj-console">
      <Layout.Header className="kj-console-header">
        <Link to="/" className="kj-console-title">
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
              <Layout.Sider breakpoint="md" collapsedWidth={0} theme="light" width={200}>
                <Navigation roles={me.roles} />
              </Layout.Sider>
              <Layout.Content>
                <main className="kj-console-main">
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
