import { AppstoreOutlined, BellOutlined } from '@ant-design/icons';
import { type Account, problemMessage, QueryState, useAccount } from '@kongjian/client';
import { App, Avatar, Badge, Button, Card, Empty, List, Space, Typography } from 'antd';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { UserAvatar } from '../../components/UserAvatar';
import { consoleTargetOf, describe, targetOf } from './describe';
import { type Notification, useMarkRead, useNotifications, usePhoto } from './queries';
import './notifications.css';

/** A photo's page: the mood it belongs to, or its album (under my space when it is mine). */
function usePhotoTarget(notification: Notification, me: Account): string | null {
  const isPhoto = !notification.postId && notification.photoId !== null;
  const photo = usePhoto(isPhoto ? notification.photoId : null);
  if (!isPhoto || !photo.data) return null;
  if (photo.data.postId) return `/posts/${photo.data.postId}`;
  if (!photo.data.albumId) return null;
  return photo.data.ownerId === me.id
    ? `/u/${encodeURIComponent(me.username)}/albums/${photo.data.albumId}`
    : `/albums/${photo.data.albumId}`;
}

function NotificationItem({ notification, me }: { notification: Notification; me: Account }) {
  const { t, i18n } = useTranslation('notifications');
  const markRead = useMarkRead();
  const photoTarget = usePhotoTarget(notification, me);
  const consoleTarget = consoleTargetOf(notification);
  const target = photoTarget ?? targetOf(notification, me);
  const sentence = describe(notification, t);
  const open = () => {
    if (!notification.read) markRead.mutate([notification.id]);
  };
  /** Leaving the app would cancel the request that marks it read, so the page changes once it is done. */
  const openInConsole = (event: MouseEvent<HTMLAnchorElement>) => {
    const newTab = event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
    if (notification.read || newTab) return open();
    event.preventDefault();
    markRead.mutate([notification.id], { onSettled: () => window.location.assign(consoleTarget!) });
  };
  const avatar = notification.actor ? (
    <UserAvatar user={notification.actor} size={40} />
  ) : (
    <Avatar
      size={40}
      src={notification.app?.iconUrl ?? undefined}
      icon={notification.app ? <AppstoreOutlined aria-hidden /> : <BellOutlined aria-hidden />}
      alt={notification.app?.name ?? ''}
    />
  );
  return (
    <List.Item className={notification.read ? 'kj-notification' : 'kj-notification kj-notification-unread'}>
      <div className="kj-notification-row">
        <Badge dot={!notification.read} offset={[-4, 4]}>
          {avatar}
        </Badge>
        <div className="kj-notification-body">
          {consoleTarget ? (
            <a href={consoleTarget} onClick={openInConsole} className="kj-notification-link">
              {sentence}
            </a>
          ) : target ? (
            <Link to={target} onClick={open} className="kj-notification-link">
              {sentence}
            </Link>
          ) : (
            <Typography.Text>{sentence}</Typography.Text>
          )}
          <Space size={12} wrap>
            <Typography.Text type="secondary">
              <time dateTime={notification.createdAt}>
                {new Date(notification.createdAt).toLocaleString(i18n.language, {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                })}
              </time>
            </Typography.Text>
            {!notification.read && <span className="kj-visually-hidden">{t('unread')}</span>}
            {notification.link && (
              <a href={notification.link} target="_blank" rel="noopener noreferrer" onClick={open}>
                {t('openAppLink')}
              </a>
            )}
            {!notification.read && !target && !consoleTarget && (
              <Button size="small" type="link" onClick={open}>
                {t('markOneRead')}
              </Button>
            )}
          </Space>
        </div>
      </div>
    </List.Item>
  );
}

/** The notification center: what happened to me, newest first, each linking to where it happened. */
export default function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const me = useAccount().data;
  const notifications = useNotifications();
  const markAll = useMarkRead();
  const { message } = App.useApp();
  const anyUnread = notifications.data?.pages.some((page) => page.items.some((item) => !item.read)) ?? false;
  return (
    <div className="kj-narrow" style={{ maxWidth: 760 }}>
      <Card>
        <div className="kj-notifications-head">
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {t('title')}
          </Typography.Title>
          <Button
            disabled={!anyUnread}
            loading={markAll.isPending}
            onClick={() =>
              markAll.mutate(undefined, { onError: (error) => void message.error(problemMessage(error, t)) })
            }
          >
            {t('markAllRead')}
          </Button>
        </div>
        {me && (
          <QueryState query={notifications}>
            {(data) => {
              const items = data.pages.flatMap((page) => page.items);
              if (items.length === 0) return <Empty description={t('empty')} />;
              return (
                <>
                  <List
                    aria-label={t('title')}
                    dataSource={items}
                    rowKey="id"
                    renderItem={(notification) => <NotificationItem notification={notification} me={me} />}
                  />
                  {notifications.hasNextPage && (
                    <Button
                      block
                      loading={notifications.isFetchingNextPage}
                      onClick={() => void notifications.fetchNextPage()}
                    >
                      {t('common:loadMore')}
                    </Button>
                  )}
                </>
              );
            }}
          </QueryState>
        )}
      </Card>
    </div>
  );
}
