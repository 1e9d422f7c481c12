import { MODERATION_SUBJECT_TYPES } from '@kongjian/client';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PagedTable } from '../../app/PagedTable';
import { type Decision, useDecisions } from './queries';

/** Every decision, newest first: who, when, on what, from which state to which, and why; by kind of content. */
export function DecisionLog() {
  const { t, i18n } = useTranslation('moderation');
  const [subjectType, setSubjectType] = useState<Decision['subjectType']>();
  return (
    <>
      <Select<Decision['subjectType']>
        aria-label={t('decisions.filter')}
        className="kj-filters"
        style={{ minWidth: 160 }}
        allowClear
        placeholder={t('decisions.allSubjects')}
        value={subjectType}
        onChange={setSubjectType}
        options={MODERATION_SUBJECT_TYPES.map((type) => ({ value: type, label: t(`subject.${type}`) }))}
      />
      <PagedTable<Decision>
        query={useDecisions(subjectType)}
        label={t('section.decisions')}
        empty={t('decisions.empty')}
        columns={[
          {
            title: t('decisions.when'),
            render: (_, row) => new Date(row.createdAt).toLocaleString(i18n.language),
          },
          { title: t('decisions.admin'), render: (_, row) => row.admin?.username ?? '—' },
          { title: t('decisions.subject'), render: (_, row) => t(`subject.${row.subjectType}`) },
          { title: t('decisions.action'), render: (_, row) => t(`action.${row.action}`) },
          {
            title: t('decisions.change'),
            render: (_, row) => `${t(`state.${row.previousState}`)} → ${t(`state.${row.newState}`)}`,
          },
          { title: t('decisions.reason'), render: (_, row) => row.reason ?? '—' },
        ]}
      />
    </>
  );
}
