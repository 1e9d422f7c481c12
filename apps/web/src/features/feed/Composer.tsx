import { Card, Spin, Tabs } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { MoodComposer } from './MoodComposer';

// The rich-text editor is the heaviest part of the page; it loads when someone opens the blog tab.
const BlogEditor = lazy(() => import('./BlogEditor'));

/** The box at the top of the feed: a mood (说说) or a blog (日志). */
export default function Composer() {
  const { t } = useTranslation('feed');
  return (
    <Card size="small">
      <Tabs
        size="small"
        items={[
          { key: 'mood', label: t('tabMood'), children: <MoodComposer /> },
          {
            key: 'blog',
            label: t('tabBlog'),
            children: (
              <Suspense fallback={<Spin aria-label={t('common:loading')} />}>
                <BlogEditor />
              </Suspense>
            ),
          },
        ]}
      />
    </Card>
  );
}
