import { MODERATION_DECISION_ACTIONS, MODERATION_SUBJECT_TYPES } from '@kongjian/client';
import { Button, Form, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { dayStart, DayFilter, type SetFilter } from '../../app/day-filter';
import { PagedTable } from '../../app/PagedTable';
import { type Decision, type DecisionFilter, useDecisions } from './queries';

/** The filters live in the address (beside the section), so a filtered log can be reloaded and shared. */
function useFilter(): [DecisionFilter, Record<string, string>, SetFilter] {
  const [params, setParams] = useSearchParams();
  const raw = Object.fromEntries(params);
  const filter: DecisionFilter = {
    subjectType: MODERATION_SUBJECT_TYPES.find((known) => known === raw.subjectType),
    action: MODERATION_DECISION_ACTIONS.find((known) => known === raw.action),
    adminId: raw.adminId || undefined,
    from: raw.from ? dayStart(raw.from) : undefined,
    // The last day picked counts whole: the host's bound is exclusive.
    to: raw.to ? dayStart(raw.to, 1) : undefined,
  };
  const set = (key: string, value?: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return [filter, raw, set];
}

function Filters({ raw, set }: { raw: Record<string, string>; set: SetFilter }) {
  const { t } = useTranslation('moderation');
  const choice = (
    name: 'subjectType' | 'action',
    label: string,
    any: string,
    choices: readonly string[],
    word: (value: string) => string,
  ) => (
    <Form.Item label={label} htmlFor={`decisions-${name}`}>
      <Select<string>
        id={`decisions-${name}`}
        allowClear
        placeholder={any}
        value={choices.find((known) => known === raw[name])}
        options={choices.map((value) => ({ value, label: word(value) }))}
        popupMatchSelectWidth={false}
        style={{ minWidth: 140 }}
        onChange={(value) => set(name, value)}
      />
    </Form.Item>
  );
  return (
    <Form layout="inline" colon={false} className="kj-filters" aria-label={t('decisions.filters')}>
      {choice(
        'subjectType',
        t('decisions.filter'),
        t('decisions.allSubjects'),
        MODERATION_SUBJECT_TYPES,
        (type) => t(`subject.${type}`),
      )}
      {choice(
        'action',
        t('decisions.byAction'),
        t('decisions.anyAction'),
        MODERATION_DECISION_ACTIONS,
        (action) => t(`action.${action}`),
      )}
      <DayFilter idPrefix="decisions" name="from" label={t('decisions.from')} raw={raw} set={set} />
      <DayFilter idPrefix="decisions" name="to" label={t('decisions.to')} raw={raw} set={set} />
    </Form>
  );
}

/**
 * Every decision, newest first: who, when, on what, from which state to which, and why; filtered by kind
 * of content, decision, admin (picked from a row) and days.
 */
export function DecisionLog() {
  const { t, i18n } = useTranslation('moderation');
  const [filter, raw, set] = useFilter();
  const decisions = useDecisions(filter);
  const first = decisions.data?.pages[0]?.items[0];
  return (
    <>
      <Filters raw={raw} set={set} />
      {filter.adminId && (
        <Space wrap size={4} style={{ marginBottom: 12 }}>
          <Tag color="blue">
            {t('decisions.onlyAdmin', { name: first?.admin?.username ?? t('decisions.goneAdmin') })}
          </Tag>
          <Button type="link" size="small" onClick={() => set('adminId')}>
            {t('decisions.allAdmins')}
          </Button>
        </Space>
      )}
      <PagedTable<Decision>
        query={decisions}
        label={t('section.decisions')}
        empty={t('decisions.empty')}
        columns={[
          {
            title: t('decisions.when'),
            className: 'kj-nowrap',
            render: (_, row) => new Date(row.createdAt).toLocaleString(i18n.language),
          },
          {
            title: t('decisions.admin'),
            render: (_, row) =>
              row.admin ? (
                <Button
                  type="link"
                  size="small"
                  className="kj-inline-link"
                  title={t('decisions.byAdmin')}
                  onClick={() => set('adminId', row.admin!.id)}
                >
                  {row.admin.username}
                </Button>
              ) : (
                '—'
              ),
          },
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
