import { QueryState } from '@kongjian/client';
import { Button, Empty, Space, Spin } from 'antd';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { UserLink } from '../../components/UserAvatar';
import { PostCard } from '../posts/PostCard';
import { type FeedItem, useFeed } from '../posts/queries';
import './feed.css';

// Friends' news is what the page is for: the composer (its text area, photo uploader, privacy picker and
// their antd components are about a quarter of the page's code) loads once the first page of news is shown.
const Composer = lazy(() => import('./Composer'));

/** "Xiaoming posted a mood" / "reposted" / "commented: …" above the post it is about. */
function Headline({ item }: { item: FeedItem }) {
  const { t } = useTranslation('feed');
  const actor = <UserLink user={item.actor} avatar={false} />;
  if (item.verb === 'commented') {
    return (
      <span>
        <Trans t={t} i18nKey="verb.commented" components={{ actor }} />
        {item.comment && <q className="kj-feed-comment">{item.comment.body}</q>}
      </span>
    );
  }
  const key = item.verb === 'reposted' ? 'verb.reposted' : `verb.posted.${item.post.kind}`;
  return <Trans t={t} i18nKey={key} components={{ actor }} />;
}

/** Calls `onVisible` whenever the end of the list scrolls into view. */
function useEndOfList(onVisible: () => void) {
  const sentinel = useRef<HTMLDivElement>(null);
  const callback = useRef(onVisible);
  callback.current = onVisible;
  useEffect(() => {
    const element = sentinel.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) callback.current();
      },
      { rootMargin: '400px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  });
  return sentinel;
}

function FeedList() {
  const { t } = useTranslation('feed');
  const feed = useFeed();
  const sentinel = useEndOfList(() => {
    if (feed.hasNextPage && !feed.isFetchingNextPage && !feed.isError) void feed.fetchNextPage();
  });
  return (
    <QueryState query={feed}>
      {(data) => {
        const items = data.pages.flatMap((page) => page.items);
        if (items.length === 0) return <Empty description={t('empty')} />;
        return (
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            {items.map((item) => (
              <PostCard key={item.id} post={item.post} headline={<Headline item={item} />} />
            ))}
            <div ref={sentinel} className="kj-feed-end">
              {feed.isFetchingNextPage ? (
                <Spin aria-label={t('common:loading')} />
              ) : feed.hasNextPage ? (
                <Button onClick={() => void feed.fetchNextPage()}>{t('common:loadMore')}</Button>
              ) : (
                t('common:noMore')
              )}
            </div>
          </Space>
        );
      }}
    </QueryState>
  );
}

/** 信息中心: write a mood or a blog, and see what my friends and I did, newest first. */
export default function FeedPage() {
  const { t } = useTranslation('feed');
  const feedShown = !useFeed().isPending;
  // Asked for after the frame that shows the news has been painted, so its loading never delays it.
  const [composerWanted, setComposerWanted] = useState(false);
  useEffect(() => {
    if (!feedShown) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setComposerWanted(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [feedShown]);
  return (
    <div className="kj-page kj-feed">
      <h1 className="kj-feed-title">{t('title')}</h1>
      {/* The slot keeps the composer's height so the news does not jump down when it arrives. */}
      <div className="kj-composer-slot">
        {composerWanted && (
          <Suspense fallback={null}>
            <Composer />
          </Suspense>
        )}
      </div>
      <h2 className="kj-visually-hidden">{t('friendsActivity')}</h2>
      <FeedList />
    </div>
  );
}
