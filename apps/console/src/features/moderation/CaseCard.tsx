import { App as AntApp, Button, Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../../app/ReasonDialog';
import { type DecisionAction, type ModerationCase, useDecide } from './queries';

/** What a reviewer may do with an item in each state. */
const ACTIONS: Record<string, DecisionAction[]> = {
  held: ['approve', 'reject'],
  published: ['dismiss', 'unpublish'],
  rejected: ['approve'],
  unpublished: ['approve'],
};

/**
 * Where the item lives in the web app, for the reviewer to see it as readers do: only for a post (a
 * comment: its post) that is published and public, since the web app shows an admin nothing else.
 */
function contextLink(item: ModerationCase): string | null {
  const content = item.content;
  if (!content) return null;
  const post =
    item.subjectType === 'post'
      ? { id: item.subjectId, state: content.state, privacy: content.privacy }
      : content.post;
  if (!post || post.state !== 'published' || post.privacy !== 'public') return null;
  return `/posts/${post.id}`;
}

const personName = (person: { nickname: string; username: string }) =>
  `${person.nickname} @${person.username}`;

/** The post a comment is on, quoted above it: the comment is judged in that context. */
function PostContext({ post }: { post: NonNullable<NonNullable<ModerationCase['content']>['post']> }) {
  const { t } = useTranslation('moderation');
  return (
    <figure className="kj-case-context">
      <figcaption>
        <Space wrap size={4}>
          <span>{t('cases.onPost', { name: personName(post.author) })}</span>
          <Tag>{t(`privacy.${post.privacy}`)}</Tag>
          {post.state !== 'published' && <Tag>{t(`state.${post.state}`)}</Tag>}
        </Space>
      </figcaption>
      <blockquote className="kj-long-text">{post.text}</blockquote>
    </figure>
  );
}

/** One open case: the item as its readers see it, why it is here (rules, reports), and the decisions. */
export function CaseCard({ item }: { item: ModerationCase }) {
  const { t, i18n } = useTranslation('moderation');
  const { message } = AntApp.useApp();
  const decide = useDecide();
  const [deciding, setDeciding] = useState<DecisionAction | null>(null);
  const state = item.content?.state ?? 'published';
  const link = contextLink(item);
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <span>{t(`subject.${item.subjectType}`)}</span>
          <Tag>{t(`state.${state}`)}</Tag>
          {item.content?.privacy && <Tag color="blue">{t(`privacy.${item.content.privacy}`)}</Tag>}
          {item.keywordAction && <Tag color="warning">{t(`keywordAction.${item.keywordAction}`)}</Tag>}
          {item.reportCount > 0 && <Tag color="error">{t('cases.reports', { count: item.reportCount })}</Tag>}
        </Space>
      }
    >
      {item.content ? (
        <>
          {item.content.post && <PostContext post={item.content.post} />}
          {item.content.postId && !item.content.post && (
            <Typography.Paragraph type="secondary">{t('cases.postGone')}</Typography.Paragraph>
          )}
          {item.content.spaceOwner && (
            <Typography.Paragraph type="secondary">
              {t('cases.onBoard', { name: personName(item.content.spaceOwner) })}
            </Typography.Paragraph>
          )}
          <Typography.Paragraph className="kj-long-text">{item.content.text}</Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('cases.by', {
              name: personName(item.content.author),
              when: new Date(item.createdAt).toLocaleString(i18n.language),
            })}
          </Typography.Text>
        </>
      ) : (
        <Typography.Paragraph type="secondary">{t('cases.gone')}</Typography.Paragraph>
      )}
      {item.subjectType === 'photo' && (
        <img
          className="kj-case-photo"
          src={`/admin/moderation/photos/${item.subjectId}/file?size=thumb`}
          alt={t('cases.photo')}
        />
      )}
      {item.keywords.length > 0 && <div>{t('cases.keywords', { keywords: item.keywords.join('、') })}</div>}
      {item.reportReasons.length > 0 && (
        <ul className="kj-changes" aria-label={t('cases.reportReasons')}>
          {item.reportReasons.map((reason, index) => (
            <li key={index}>{reason}</li>
          ))}
        </ul>
      )}
      <Space wrap style={{ marginTop: 8 }}>
        {link && (
          <a href={link} target="_blank" rel="noreferrer">
            {t('cases.open')}
          </a>
        )}
        {(ACTIONS[state] ?? []).map((action) => (
          <Button
            key={action}
            danger={action === 'reject' || action === 'unpublish'}
            type={action === 'approve' ? 'primary' : 'default'}
            onClick={() => setDeciding(action)}
          >
            {t(`action.${action}`)}
          </Button>
        ))}
      </Space>
      {deciding && (
        <ReasonDialog
          title={t(`action.${deciding}`)}
          ok={t(`action.${deciding}`)}
          required={deciding === 'reject' || deciding === 'unpublish'}
          pending={decide.isPending}
          error={decide.error}
          onDecide={(reason) =>
            decide.mutate(
              { action: deciding, subjectType: item.subjectType, subjectId: item.subjectId, reason },
              {
                onSuccess: () => {
                  void message.success(t(`done.${deciding}`));
                  setDeciding(null);
                },
              },
            )
          }
          onClose={() => setDeciding(null)}
        />
      )}
    </Card>
  );
}
