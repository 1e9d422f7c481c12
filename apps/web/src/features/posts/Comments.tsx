import { problemMessage, QueryState, useAccount } from '@kongjian/client';
import { Alert, Button, Empty, Input, Popconfirm, Space } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModerationTag } from '../../components/ModerationTag';
import { ReportButton } from '../../components/ReportButton';
import { UserLink } from '../../components/UserAvatar';
import { type Post, type PostComment, useAddComment, useComments, useDeleteComment } from './queries';
import { fullTime, relativeTime } from './time';

/** A text box and "send" that keeps the text when sending fails, and says why. */
function CommentForm({
  postId,
  parentId,
  label,
  onDone,
}: {
  postId: string;
  parentId?: string;
  label: string;
  onDone?: () => void;
}) {
  const { t } = useTranslation('posts');
  const id = useId();
  const [body, setBody] = useState('');
  const add = useAddComment(postId);
  const send = () => {
    const text = body.trim();
    if (!text) return;
    add.mutate(
      { body: text, parentId },
      {
        onSuccess: () => {
          setBody('');
          onDone?.();
        },
      },
    );
  };
  return (
    <div style={{ marginTop: 8 }}>
      <label htmlFor={id} className="kj-visually-hidden">
        {label}
      </label>
      <Space.Compact style={{ width: '100%' }}>
        <Input.TextArea
          id={id}
          value={body}
          placeholder={label}
          maxLength={1000}
          autoSize={{ minRows: 1, maxRows: 5 }}
          onChange={(event) => setBody(event.target.value)}
        />
        <Button type="primary" loading={add.isPending} disabled={!body.trim()} onClick={send}>
          {t('send')}
        </Button>
      </Space.Compact>
      {add.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 6 }}
          title={problemMessage(add.error, t)}
        />
      )}
    </div>
  );
}

function CommentLine({ comment, post, onReply }: { comment: PostComment; post: Post; onReply?: () => void }) {
  const { t, i18n } = useTranslation('posts');
  const account = useAccount();
  const remove = useDeleteComment(post.id);
  const myId = account.data?.id;
  const mayDelete = myId !== undefined && (comment.author.id === myId || post.author.id === myId);
  return (
    <div className="kj-comment" aria-label={t('commentBy', { name: comment.author.nickname })} role="article">
      <Space size={6} wrap>
        <UserLink user={comment.author} avatar={false} />
        <time
          className="kj-post-meta"
          dateTime={comment.createdAt}
          title={fullTime(comment.createdAt, i18n.language)}
        >
          {relativeTime(comment.createdAt, i18n.language)}
        </time>
        <ModerationTag moderation={comment.moderation} />
      </Space>
      <div className="kj-comment-body">{comment.body}</div>
      <Space size={0} wrap>
        {onReply && (
          <Button type="link" size="small" onClick={onReply}>
            {t('reply')}
          </Button>
        )}
        {mayDelete && (
          <Popconfirm
            title={t('deleteCommentConfirm')}
            okText={t('common:delete')}
            cancelText={t('common:cancel')}
            onConfirm={() => remove.mutate(comment.id)}
          >
            <Button type="link" size="small" loading={remove.isPending}>
              {t('common:delete')}
            </Button>
          </Popconfirm>
        )}
        {comment.author.id !== myId && <ReportButton subjectType="comment" subjectId={comment.id} />}
      </Space>
      {remove.isError && <Alert type="error" showIcon role="alert" title={problemMessage(remove.error, t)} />}
    </div>
  );
}

/** A post's comments with one level of replies, and a box to add one. */
export default function Comments({ post }: { post: Post }) {
  const { t } = useTranslation('posts');
  const comments = useComments(post.id);
  const [replyTo, setReplyTo] = useState<string | null>(null);
  return (
    <section className="kj-comments" aria-label={t('commentsOf', { name: post.author.nickname })}>
      <QueryState query={comments}>
        {(data) => {
          const all = data.pages.flatMap((page) => page.items);
          // The host lists newest first; conversations read better oldest first.
          const ordered = [...all].reverse();
          const topLevel = ordered.filter((comment) => !comment.parentId);
          return (
            <>
              {topLevel.length === 0 && (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noComments')} />
              )}
              {comments.hasNextPage && (
                <Button
                  type="link"
                  loading={comments.isFetchingNextPage}
                  onClick={() => void comments.fetchNextPage()}
                >
                  {t('olderComments')}
                </Button>
              )}
              {topLevel.map((comment) => (
                <div key={comment.id}>
                  <CommentLine comment={comment} post={post} onReply={() => setReplyTo(comment.id)} />
                  <div className="kj-comment-replies">
                    {ordered
                      .filter((reply) => reply.parentId === comment.id)
                      .map((reply) => (
                        <CommentLine key={reply.id} comment={reply} post={post} />
                      ))}
                    {replyTo === comment.id && (
                      <CommentForm
                        postId={post.id}
                        parentId={comment.id}
                        label={t('replyTo', { name: comment.author.nickname })}
                        onDone={() => setReplyTo(null)}
                      />
                    )}
                  </div>
                </div>
              ))}
            </>
          );
        }}
      </QueryState>
      <CommentForm postId={post.id} label={t('writeComment')} />
    </section>
  );
}
