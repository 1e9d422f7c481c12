import { ProblemAlert, problemOf, QueryState } from '@kongjian/client';
import { Alert, Button, Checkbox, Empty, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserAvatar } from '../../components/UserAvatar';
import { type InviteResult, useFriendsToInvite, useInviteFriends } from './queries';

/** What an invite did: who was invited now, and who was not invited again (invited before, or using the app). */
function InviteOutcome({ outcome }: { outcome: InviteResult }) {
  const { t } = useTranslation('apps');
  const skipped = [
    ...(outcome.alreadyInvited.length > 0
      ? [t('invite.alreadyInvited', { count: outcome.alreadyInvited.length })]
      : []),
    ...(outcome.alreadyInstalled.length > 0
      ? [t('invite.alreadyInstalled', { count: outcome.alreadyInstalled.length })]
      : []),
  ];
  return (
    <Alert
      type={outcome.invited.length > 0 ? 'success' : 'info'}
      showIcon
      title={
        outcome.invited.length > 0
          ? t('invite.sent', { count: outcome.invited.length, remaining: outcome.remainingToday })
          : t('invite.noneSent', { remaining: outcome.remainingToday })
      }
      description={skipped.length > 0 ? skipped.join(' ') : undefined}
      style={{ marginBottom: 12 }}
    />
  );
}

/**
 * Picks friends who do not use the app (up to 20 at once, the host's limit) and sends each an invite; a friend
 * already invited is marked and cannot be picked, since asking again would send nothing.
 */
export function InviteFriends({ appId, name }: { appId: string; name: string }) {
  const { t } = useTranslation('apps');
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const friends = useFriendsToInvite(appId, open);
  const invite = useInviteFriends(appId);
  const close = () => {
    setOpen(false);
    invite.reset();
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('invite.action')}</Button>
      <Modal
        open={open}
        title={t('invite.title', { name })}
        onCancel={close}
        okText={t('invite.send', { count: chosen.length })}
        cancelText={t('common:close')}
        okButtonProps={{ disabled: chosen.length === 0 || chosen.length > 20, loading: invite.isPending }}
        onOk={() => invite.mutate(chosen, { onSuccess: () => setChosen([]) })}
      >
        {invite.isError &&
          // The shared words for quota_exceeded speak of photo storage; this quota is the day's invites.
          (problemOf(invite.error)?.code === 'quota_exceeded' ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={t('invite.quotaSpent')}
              style={{ marginBottom: 12 }}
            />
          ) : (
            <ProblemAlert error={invite.error} />
          ))}
        {invite.isSuccess && <InviteOutcome outcome={invite.data} />}
        <QueryState query={friends}>
          {(data) => {
            const items = data.pages.flatMap((page) => page.items);
            if (items.length === 0) return <Empty description={t('invite.noFriends')} />;
            return (
              <Checkbox.Group
                value={chosen}
                onChange={(values) => setChosen(values)}
                style={{ width: '100%' }}
                aria-label={t('invite.pick')}
              >
                <Space direction="vertical" style={{ width: '100%' }}>
                  {items.map(({ user, invited }) => (
                    <Checkbox key={user.id} value={user.id} disabled={invited}>
                      <Space size={8}>
                        <UserAvatar user={user} size={24} />
                        {user.nickname}
                        {invited && <Tag>{t('invite.pending')}</Tag>}
                      </Space>
                    </Checkbox>
                  ))}
                  {friends.hasNextPage && (
                    <Button
                      type="link"
                      loading={friends.isFetchingNextPage}
                      onClick={() => void friends.fetchNextPage()}
                    >
                      {t('common:loadMore')}
                    </Button>
                  )}
                </Space>
              </Checkbox.Group>
            );
          }}
        </QueryState>
        {chosen.length > 20 && <Typography.Text type="danger">{t('invite.tooMany')}</Typography.Text>}
      </Modal>
    </>
  );
}
