import {
  AppstoreOutlined,
  BellOutlined,
  HomeOutlined,
  TeamOutlined,
  UserOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { LANGUAGES, useAccount, useLanguage, useSignOut } from '@kongjian/client';
import { Badge, Button, Dropdown, Layout, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { useUnreadCount } from '../features/notifications/unread';
import './shell.css';

function NavItem({ to, icon, label, badge }: { to: string; icon: ReactNode; label: string; badge?: number }) {
  return (
    <NavLink to={to} end className="kj-nav-item" aria-label={label} title={label}>
      <Badge count={badge} size="small" offset={[4, -2]}>
        <span className="kj-nav-icon">{icon}</span>
      </Badge>
      <span className="kj-nav-label">{label}</span>
    </NavLink>
  );
}

function LanguageSwitch() {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  return (
    <Dropdown
      menu={{
        items: LANGUAGES.map((choice) => ({ key: choice, label: t(`common:languageName.${choice}`) })),
        selectedKeys: [language],
        onClick: ({ key }) => setLanguage(key as (typeof LANGUAGES)[number]),
      }}
    >
      <Button type="text" className="kj-header-button" aria-label={t('common:language')}>
        {language === 'en' ? 'EN' : '中'}
      </Button>
    </Dropdown>
  );
}

function SignedInNav({ username }: { username: string }) {
  const { t } = useTranslation('shell');
  const unread = useUnreadCount();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <>
      <nav className="kj-nav" aria-label={t('mainNav')}>
        <NavItem to="/" icon={<HomeOutlined />} label={t('feed')} />
        <NavItem to={`/u/${encodeURIComponent(username)}`} icon={<UserOutlined />} label={t('mySpace')} />
        <NavItem to="/friends" icon={<TeamOutlined />} label={t('friends')} />
        <NavItem to="/app-center" icon={<AppstoreOutlined />} label={t('apps')} />
        <NavItem to="/notifications" icon={<BellOutlined />} label={t('notifications')} badge={unread} />
      </nav>
      <Space size={4}>
        <LanguageSwitch />
        <Dropdown
          menu={{
            items: [
              { key: 'wallet', icon: <WalletOutlined />, label: t('wallet') },
              { key: 'settings', label: t('settings') },
              { type: 'divider' },
              { key: 'signOut', label: t('signOut') },
            ],
            onClick: ({ key }) => {
              if (key === 'signOut') signOut.mutate(undefined, { onSettled: () => void navigate('/login') });
              else void navigate(`/${key}`);
            },
          }}
        >
          <Button type="text" className="kj-header-button kj-account-button" aria-label={t('accountMenu')}>
            <UserOutlined aria-hidden className="kj-account-icon" />
            <span className="kj-account-name">{username}</span>
          </Button>
        </Dropdown>
      </Space>
    </>
  );
}

/** The frame of every page: the sky-blue bar with the way around, the page below it. */
export function Shell() {
  const { t } = useTranslation('shell');
  const account = useAccount();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="kj-header">
        <Link to="/" className="kj-logo" aria-label={t('common:appName')}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{t('common:appName')}</span>
        </Link>
        {account.data ? (
          <SignedInNav username={account.data.username} />
        ) : (
          <Space size={4}>
            <LanguageSwitch />
            {account.data === null && (
              <>
                <Link to="/login" className="kj-header-link">
                  {t('signIn')}
                </Link>
                <Link to="/signup" className="kj-header-link">
                  {t('signUp')}
                </Link>
              </>
            )}
          </Space>
        )}
      </Layout.Header>
      <Layout.Content>
        <main>
          <Outlet />
        </main>
      </Layout.Content>
    </Layout>
  );
}
