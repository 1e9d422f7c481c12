import { ProblemAlert, QueryState } from '@kongjian/client';
import { Alert, Button, Checkbox, Empty, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserAvatar } from '../../components/UserAvatar';
import { useInviteFriends, useMyFriends } from './queries';

/** Picks friends (up to 20 at once, the host's limit) and sends each an invite to the app. */
export function InviteFriends({ appId, name }: { appId: string; name: string }) {
  const { t } = useTranslation('apps');
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const friends = useMyFriends(open);
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
        {invite.isError && <ProblemAlert error={invite.error} />}
        {invite.isSuccess && (
          <Alert
            type="success"
            showIcon
            title={t('invite.sent', {
              count: invite.data.invited.length,
              remaining: invite.data.remainingToday,
            })}
            description={
              invite.data.alreadyInstalled.length > 0
                ? t('invite.alreadyInstalled', { count: invite.data.alreadyInstalled.length })
                : undefined
            }
            style={{ marginBottom: 12 }}
          />
        )}
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
                  {items.map(({ user }) => (
                    <Checkbox key={user.id} value={user.id}>
                      <Space size={8}>
                        <UserAvatar user={user} size={24} />
                        {user.nickname}
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
