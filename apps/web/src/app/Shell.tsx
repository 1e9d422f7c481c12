import {
  AppstoreOutlined,
  BellOutlined,
  HomeOutlined,
  LogoutOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { LanguageButton, useAccount, useSignOut } from '@kongjian/client';
import { Badge, Button, Popover } from 'antd';
import { type ReactNode, useState } from 'react';
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

/**
 * Wallet, settings and sign out behind the account button. A disclosure rather than antd's Dropdown, whose
 * menu library would double the code of every first load; the panel follows the button in the page, so the
 * Tab key goes from the button into it.
 */
function AccountMenu({ username }: { username: string }) {
  const { t } = useTranslation('shell');
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  const panel = (
    <ul className="kj-account-menu">
      <li>
        <Link to="/wallet" onClick={close}>
          <WalletOutlined aria-hidden /> {t('wallet')}
        </Link>
      </li>
      <li>
        <Link to="/settings" onClick={close}>
          <SettingOutlined aria-hidden /> {t('settings')}
        </Link>
      </li>
      <li>
        <button
          type="button"
          onClick={() => {
            close();
            signOut.mutate(undefined, { onSettled: () => void navigate('/login') });
          }}
        >
          <LogoutOutlined aria-hidden /> {t('signOut')}
        </button>
      </li>
    </ul>
  );
  return (
    <Popover
      content={panel}
      trigger="click"
      placement="bottomRight"
      arrow={false}
      open={open}
      onOpenChange={setOpen}
      getPopupContainer={(button) => button.parentElement ?? document.body}
    >
      <Button
        type="text"
        className="kj-header-button kj-account-button"
        aria-label={t('accountMenu')}
        aria-expanded={open}
      >
        <UserOutlined aria-hidden className="kj-account-icon" />
        <span className="kj-account-name">{username}</span>
      </Button>
    </Popover>
  );
}

function SignedInNav({ username }: { username: string }) {
  const { t } = useTranslation('shell');
  const unread = useUnreadCount();
  return (
    <>
      <nav className="kj-nav" aria-label={t('mainNav')}>
        <NavItem to="/" icon={<HomeOutlined aria-hidden />} label={t('feed')} />
        <NavItem
          to={`/u/${encodeURIComponent(username)}`}
          icon={<UserOutlined aria-hidden />}
          label={t('mySpace')}
        />
        <NavItem to="/friends" icon={<TeamOutlined aria-hidden />} label={t('friends')} />
        <NavItem to="/app-center" icon={<AppstoreOutlined aria-hidden />} label={t('apps')} />
        <NavItem
          to="/notifications"
          icon={<BellOutlined aria-hidden />}
          label={t('notifications')}
          badge={unread}
        />
      </nav>
      <div className="kj-header-tools">
        <LanguageButton className="kj-header-button" />
        <AccountMenu username={username} />
      </div>
    </>
  );
}

/** The frame of every page: the sky-blue bar with the way around, the page below it. */
export function Shell() {
  const { t } = useTranslation('shell');
  const account = useAccount();
  return (
    <div className="kj-layout">
      <header className="kj-header">
        <Link to="/" className="kj-logo" aria-label={t('common:appName')}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{t('common:appName')}</span>
        </Link>
        {account.data ? (
          <SignedInNav username={account.data.username} />
        ) : (
          <div className="kj-header-tools">
            <LanguageButton className="kj-header-button" />
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
          </div>
        )}
      </header>
      <main>
        <Outlet />
      </main>
    </div>
  );
}
