import { QueryState } from '@kongjian/client';
import { Button, Card, Empty, List, Popconfirm, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { UserLink } from '../../components/UserAvatar';
import { BlockList } from './BlockList';
import './friends.css';
import { GroupsPanel } from './GroupsPanel';
import { PeopleSearch } from './PeopleSearch';
import { useFriendRequests, useFriends, useRemoveFriend } from './queries';
import { RequestLists } from './RequestLists';
import { BlockButton, formatDate, LoadMore, useProblemToast } from './shared';

const TABS = ['friends', 'find', 'requests', 'groups', 'blocks'] as const;
type Tab = (typeof TABS)[number];

function FriendList() {
  const { t, i18n } = useTranslation('friends');
  const friends = useFriends();
  const remove = useRemoveFriend();
  const toast = useProblemToast();
  return (
    <QueryState query={friends}>
      {(data) => {
        const items = data.pages.flatMap((page) => page.items);
        if (items.length === 0) return <Empty description={t('friends.empty')} />;
        return (
          <>
            <List
              aria-label={t('tabs.friends')}
              dataSource={items}
              rowKey={(friend) => friend.user.id}
              renderItem={(friend) => (
                <List.Item>
                  <div className="kj-friend-row">
                    <Space orientation="vertical" size={0}>
                      <UserLink user={friend.user} />
                      <Typography.Text type="secondary">
                        {t('friends.since', { date: formatDate(friend.since, i18n.language) })}
                      </Typography.Text>
                    </Space>
                    <Space wrap size={4}>
                      <Popconfirm
                        title={t('friends.removeConfirm', { name: friend.user.nickname })}
                        okText={t('friends.remove')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common:cancel')}
                        onConfirm={() => remove.mutateAsync(friend.user.id).catch(toast)}
                      >
                        <Button size="small">{t('friends.remove')}</Button>
                      </Popconfirm>
                      <BlockButton userId={friend.user.id} nickname={friend.user.nickname} />
                    </Space>
                  </div>
                </List.Item>
              )}
            />
            <LoadMore query={friends} />
          </>
        );
      }}
    </QueryState>
  );
}

const PANELS: Record<Tab, () => ReactNode> = {
  friends: () => <FriendList />,
  find: () => <PeopleSearch />,
  requests: () => <RequestLists />,
  groups: () => <GroupsPanel />,
  blocks: () => <BlockList />,
};

/** The friends page: my friends, finding people, requests both ways, friend groups and blocked people. */
export default function FriendsPage() {
  const { t } = useTranslation('friends');
  const [params] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = TABS.includes(requested as Tab) ? (requested as Tab) : 'friends';
  const incoming = useFriendRequests('incoming');
  const waiting = incoming.data?.pages[0]?.items.length ?? 0;

  return (
    <>
      <div className="kj-page">
        <Card>
          <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
            {t('title')}
          </Typography.Title>
          <nav className="kj-friends-tabs" aria-label={t('sections')}>
            {TABS.map((key) => (
              <Link
                key={key}
                to={key === 'friends' ? '/friends' : `/friends?tab=${key}`}
                replace
                aria-current={key === tab ? 'page' : undefined}
                className={key === tab ? 'kj-friends-tab kj-friends-tab-active' : 'kj-friends-tab'}
              >
                {t(`tabs.${key}`)}
                {key === 'requests' && waiting > 0 && <span className="kj-friends-count">{waiting}</span>}
              </Link>
            ))}
          </nav>
          <section aria-label={t(`tabs.${tab}`)}>{PANELS[tab]()}</section>
        </Card>
      </div>
    </>
  );
}
