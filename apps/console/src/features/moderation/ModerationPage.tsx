import { QueryState } from '@kongjian/client';
import { Button, Empty, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SectionNav } from '../../app/SectionNav';
import { CaseCard } from './CaseCard';
import { DecisionLog } from './DecisionLog';
import { useCases } from './queries';
import { RulesPanel } from './RulesPanel';

const SECTIONS = ['cases', 'decisions', 'rules'] as const;
type Section = (typeof SECTIONS)[number];

function OpenCases() {
  const { t } = useTranslation('moderation');
  const cases = useCases('open');
  return (
    <QueryState query={cases}>
      {(data) => {
        const items = data.pages.flatMap((page) => page.items);
        if (items.length === 0) return <Empty description={t('cases.empty')} />;
        return (
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            {items.map((item) => (
              <CaseCard key={item.id} item={item} />
            ))}
            {cases.hasNextPage && (
              <Button loading={cases.isFetchingNextPage} onClick={() => void cases.fetchNextPage()}>
                {t('common:loadMore')}
              </Button>
            )}
          </Space>
        );
      }}
    </QueryState>
  );
}

/** 内容审核: the open cases with each item in context, the decisions taken, and the keyword rules. */
export default function ModerationPage() {
  const { t } = useTranslation('moderation');
  const [params] = useSearchParams();
  const section: Section = SECTIONS.includes(params.get('section') as Section)
    ? (params.get('section') as Section)
    : 'cases';
  return (
    <>
      <Typography.Title level={1}>{t('title')}</Typography.Title>
      <SectionNav
        label={t('sections')}
        current={section}
        sections={SECTIONS.map((key) => ({ key, label: t(`section.${key}`), to: `?section=${key}` }))}
      />
      {section === 'cases' && <OpenCases />}
      {section === 'decisions' && <DecisionLog />}
      {section === 'rules' && <RulesPanel />}
    </>
  );
}
