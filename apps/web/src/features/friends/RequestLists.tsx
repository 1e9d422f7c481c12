import { QueryState } from '@kongjian/client';
import { Button, Empty, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { UserLink } from '../../components/UserAvatar';
import {
  type FriendRequest,
  type RequestDirection,
  useAnswerFriendRequest,
  useFriendRequests,
} from './queries';
import { formatDate, LoadMore, useProblemToast } from './shared';

function RequestRow({ request, direction }: { request: FriendRequest; direction: RequestDirection }) {
  const { t, i18n } = useTranslation('friends');
  const answer = useAnswerFriendRequest();
  const toast = useProblemToast();
  const other = direction === 'incoming' ? request.from : request.to;
  const respond = (kind: 'accept' | 'decline' | 'cancel') =>
    answer.mutate({ requestId: request.id, answer: kind }, { onError: toast });
  return (
    <List.Item>
      <div className="kj-friend-row">
        <Space orientation="vertical" size={2}>
          <UserLink user={other} />
          {request.note && (
            <Typography.Text className="kj-friend-note">
              {t('requests.note', { note: request.note })}
            </Typography.Text>
          )}
          <Typography.Text type="secondary">{formatDate(request.createdAt, i18n.language)}</Typography.Text>
        </Space>
        {direction === 'incoming' ? (
          <Space wrap size={4}>
            <Button
              type="primary"
              size="small"
              loading={answer.isPending}
              onClick={() => respond('accept')}
              aria-label={t('requests.acceptFrom', { name: other.nickname })}
            >
              {t('requests.accept')}
            </Button>
            <Button
              size="small"
              disabled={answer.isPending}
              onClick={() => respond('decline')}
              aria-label={t('requests.declineFrom', { name: other.nickname })}
            >
              {t('requests.decline')}
            </Button>
          </Space>
        ) : (
          <Button
            size="small"
            loading={answer.isPending}
            onClick={() => respond('cancel')}
            aria-label={t('requests.cancelTo', { name: other.nickname })}
          >
            {t('requests.cancel')}
          </Button>
        )}
      </div>
    </List.Item>
  );
}

function Requests({ direction }: { direction: RequestDirection }) {
  const { t } = useTranslation('friends');
  const requests = useFriendRequests(direction);
  return (
    <section aria-labelledby={`requests-${direction}`} style={{ marginBottom: 24 }}>
      <Typography.Title level={2} id={`requests-${direction}`} style={{ fontSize: 16 }}>
        {t(`requests.${direction}`)}
      </Typography.Title>
      <QueryState query={requests}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          if (items.length === 0) return <Empty description={t(`requests.${direction}Empty`)} />;
          return (
            <>
              <List
                dataSource={items}
                rowKey="id"
                renderItem={(request) => <RequestRow request={request} direction={direction} />}
              />
              <LoadMore query={requests} />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

/** Requests waiting for my answer, and mine waiting for theirs. */
export function RequestLists() {
  return (
    <>
      <Requests direction="incoming" />
      <Requests direction="outgoing" />
    </>
  );
}
