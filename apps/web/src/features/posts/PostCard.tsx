import {
  AppstoreOutlined,
  DeleteOutlined,
  GlobalOutlined,
  HeartFilled,
  HeartOutlined,
  LockOutlined,
  MessageOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { type HostComponents, problemMessage, useAccount } from '@kongjian/client';
import { Alert, App, Button, Popconfirm, Space, Spin, Tooltip } from 'antd';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ModerationTag } from '../../components/ModerationTag';
import { ReportButton } from '../../components/ReportButton';
import { UserAvatar, UserLink } from '../../components/UserAvatar';
import { PhotoGrid } from './PhotoGrid';
import { type Post, useDeletePost, useLike } from './queries';
import { RepostButton } from './RepostButton';
import { fullTime, relativeTime } from './time';
import './posts.css';

// A post's comments (with their text boxes) load when someone opens them.
const Comments = lazy(() => import('./Comments'));

type Original = HostComponents['schemas']['OriginalPostResponse'];
type PostApp = HostComponents['schemas']['PostApp'];

const PRIVACY_ICONS: Record<Post['privacy'], ReactNode> = {
  public: <GlobalOutlined />,
  friends: <TeamOutlined />,
  groups: <UsergroupAddOutlined />,
  private: <LockOutlined />,
};

function When({ iso, postId }: { iso: string; postId: string }) {
  const { i18n } = useTranslation();
  return (
    <Link to={`/posts/${postId}`} className="kj-post-meta">
      <time dateTime={iso} title={fullTime(iso, i18n.language)}>
        {relativeTime(iso, i18n.language)}
      </time>
    </Link>
  );
}

function StoryApp({ app }: { app: PostApp | null }) {
  const { t } = useTranslation('posts');
  if (!app) return <span className="kj-post-meta">{t('appGone')}</span>;
  return (
    <Link to={`/play/${app.id}`} className="kj-story-app" aria-label={t('openApp', { name: app.name })}>
      {app.iconUrl ? <img src={app.iconUrl} alt="" /> : <AppstoreOutlined aria-hidden />}
      <span>{app.name}</span>
    </Link>
  );
}

/** What a post says: a mood's text, a blog's title and (host-sanitized) HTML, or an app's story. */
function Content({ post }: { post: Post | Original }) {
  const { t } = useTranslation('posts');
  if (post.kind === 'blog') {
    return (
      <>
        <h2 className="kj-blog-title">
          <Link to={`/posts/${post.id}`}>{post.title}</Link>
        </h2>
        {/* The host sanitizes blog HTML on save (allow-list), so it is shown as the author formatted it. */}
        <div className="kj-blog-body" dangerouslySetInnerHTML={{ __html: post.body }} />
      </>
    );
  }
  if (post.kind === 'story') {
    return (
      <>
        <div className="kj-post-meta">
          {t('viaApp')} <StoryApp app={post.app} />
        </div>
        <p className="kj-post-text">{post.body}</p>
        {post.imageUrl && <img className="kj-story-image" src={post.imageUrl} alt={t('storyImage')} />}
        {post.app && (
          <div>
            <Link to={`/play/${post.app.id}`}>{t('playApp', { name: post.app.name })}</Link>
          </div>
        )}
      </>
    );
  }
  return post.body ? <p className="kj-post-text">{post.body}</p> : null;
}

/**
 * One post as every list shows it: who and when, what it says (mood, blog, repost, app story), photos, and
 * what one can do with it (like, comment, repost, report, delete my own).
 */
export function PostCard({
  post,
  headline,
  commentsOpen = false,
}: {
  post: Post;
  headline?: ReactNode;
  commentsOpen?: boolean;
}) {
  const { t } = useTranslation('posts');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const account = useAccount();
  const mine = account.data?.id === post.author.id;
  const like = useLike(post.id);
  const remove = useDeletePost(post.id);
  const [showComments, setShowComments] = useState(commentsOpen);

  return (
    // A plain <article> with the card look: antd's Card brings its Tabs along, the feed needs neither.
    <article className="kj-post-card" aria-label={t('postBy', { name: post.author.nickname })}>
      {headline && (
        <div className="kj-post-meta" style={{ marginBottom: 8 }}>
          {headline}
        </div>
      )}
      <div className="kj-post-header">
        <UserAvatar user={post.author} size={36} />
        <div style={{ minWidth: 0 }}>
          <UserLink user={post.author} avatar={false} />
          <div>
            <Space size={6} wrap>
              <When iso={post.createdAt} postId={post.id} />
              {mine && (
                <Tooltip title={t(`common:privacy.${post.privacy}`)}>
                  <span className="kj-post-meta" role="img" aria-label={t(`common:privacy.${post.privacy}`)}>
                    {PRIVACY_ICONS[post.privacy]}
                  </span>
                </Tooltip>
              )}
              <ModerationTag moderation={post.moderation} />
            </Space>
          </div>
        </div>
      </div>

      <Content post={post} />
      {post.kind === 'mood' && <PhotoGrid photos={post.photos} />}
      {post.kind === 'repost' && (
        <div className="kj-original">
          {post.original ? (
            <>
              <Space size={6} wrap>
                <UserLink user={post.original.author} avatar={false} />
                <When iso={post.original.createdAt} postId={post.original.id} />
              </Space>
              <Content post={post.original} />
            </>
          ) : (
            <span className="kj-post-meta">{t('originalUnavailable')}</span>
          )}
        </div>
      )}

      <div className="kj-post-actions">
        <Button
          type="text"
          size="small"
          aria-pressed={post.likedByMe}
          icon={
            post.likedByMe ? (
              <HeartFilled aria-hidden style={{ color: '#d4380d' }} />
            ) : (
              <HeartOutlined aria-hidden />
            )
          }
          onClick={() => like.mutate(!post.likedByMe)}
        >
          {t('like', { count: post.likeCount })}
        </Button>
        <Button
          type="text"
          size="small"
          icon={<MessageOutlined aria-hidden />}
          aria-expanded={showComments}
          onClick={() => setShowComments((shown) => !shown)}
        >
          {t('comments', { count: post.commentCount })}
        </Button>
        <RepostButton post={post} />
        {!mine && <ReportButton subjectType="post" subjectId={post.id} />}
        {mine && (
          <Popconfirm
            title={t('deleteConfirm')}
            okText={t('common:delete')}
            cancelText={t('common:cancel')}
            onConfirm={() =>
              remove.mutate(undefined, {
                onSuccess: () => {
                  void message.success(t('deleted'));
                  if (commentsOpen) void navigate('/');
                },
              })
            }
          >
            <Button type="text" size="small" icon={<DeleteOutlined aria-hidden />} loading={remove.isPending}>
              {t('common:delete')}
            </Button>
          </Popconfirm>
        )}
      </div>
      {like.isError && <Alert type="error" showIcon role="alert" title={problemMessage(like.error, t)} />}
      {remove.isError && <Alert type="error" showIcon role="alert" title={problemMessage(remove.error, t)} />}
      {showComments && (
        <Suspense fallback={<Spin aria-label={t('common:loading')} />}>
          <Comments post={post} />
        </Suspense>
      )}
    </article>
  );
}
