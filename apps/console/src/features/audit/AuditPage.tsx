import { AUDIT_ACTIONS, AUDIT_SUBJECT_TYPES } from '@kongjian/client';
import { Button, Form, Select, Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { dayStart, DayFilter, type SetFilter } from '../../app/day-filter';
import { PagedTable } from '../../app/PagedTable';
import { type AuditEntry, type AuditFilter, useAuditLog } from './queries';

/** The filters live in the address, so a filtered log can be reloaded, shared, and linked to. */
function useFilter(): [AuditFilter, Record<string, string>, SetFilter] {
  const [params, setParams] = useSearchParams();
  const raw = Object.fromEntries(params);
  const action = AUDIT_ACTIONS.find((known) => known === raw.action);
  const subjectType = AUDIT_SUBJECT_TYPES.find((known) => known === raw.subjectType);
  const filter: AuditFilter = {
    actorId: raw.actorId || undefined,
    action,
    subjectType,
    subjectId: (subjectType && raw.subjectId) || undefined,
    from: raw.from ? dayStart(raw.from) : undefined,
    // The last day picked counts whole: the host's bound is exclusive.
    to: raw.to ? dayStart(raw.to, 1) : undefined,
  };
  const set = (key: string, value?: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    // Another kind of subject makes a chosen subject meaningless.
    if (key === 'subjectType') next.delete('subjectId');
    setParams(next, { replace: true });
  };
  return [filter, raw, set];
}

/** What an admin did, in a sentence, from the action's code and the facts the host recorded. */
function describe(entry: AuditEntry, t: TFunction): string {
  const details = entry.details as Record<string, unknown>;
  const roles = (value: unknown) =>
    Array.isArray(value)
      ? value.map((role) => t(`users:role.${String(role)}`)).join(t('problem:list_separator'))
      : '';
  return t(`what.${entry.action}`, {
    version: details.version,
    amount: details.amount,
    phrase: details.phrase,
    rule: details.action ? t(`moderation:keywordAction.${String(details.action)}`) : '',
    roles: roles(details.roles),
    previousRoles: roles(details.previousRoles),
  });
}

/** What the action was done to, linked where the console has a page for it. */
function Target({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('audit');
  const name = (entry.details as { name?: unknown }).name;
  if (entry.subjectType === 'user') {
    return (
      <Link to={`/users/${entry.subjectId}`}>
        {entry.subjectUser
          ? `${entry.subjectUser.nickname} @${entry.subjectUser.username}`
          : t('subject.user')}
      </Link>
    );
  }
  if (entry.subjectType === 'app') {
    return (
      <Link to={`/review/apps/${entry.subjectId}`}>{typeof name === 'string' ? name : t('subject.app')}</Link>
    );
  }
  if (entry.subjectType === 'plugin') return <Link to="/operations">{entry.subjectId}</Link>;
  return <>{t(`subject.${entry.subjectType}`)}</>;
}

/** One of a fixed set of codes (the host's), shown in words; cleared for "any". */
function ChoiceFilter({
  name,
  label,
  choices,
  word,
  raw,
  set,
}: {
  name: 'action' | 'subjectType';
  label: string;
  choices: readonly string[];
  word: (choice: string) => string;
  raw: Record<string, string>;
  set: SetFilter;
}) {
  const { t } = useTranslation('audit');
  return (
    <Form.Item label={label} htmlFor={`audit-${name}`}>
      <Select<string>
        id={`audit-${name}`}
        allowClear
        placeholder={t('filter.any')}
        value={choices.find((known) => known === raw[name])}
        options={choices.map((choice) => ({ value: choice, label: word(choice) }))}
        popupMatchSelectWidth={false}
        style={{ minWidth: 160 }}
        onChange={(value) => set(name, value)}
      />
    </Form.Item>
  );
}

/** The filters the host offers that a person picks from; the admin and the subject are picked from rows. */
function Filters({ raw, set }: { raw: Record<string, string>; set: SetFilter }) {
  const { t } = useTranslation('audit');
  return (
    <Form layout="inline" colon={false} className="kj-filters" aria-label={t('filter.label')}>
      <ChoiceFilter
        name="action"
        label={t('filter.action')}
        choices={AUDIT_ACTIONS}
        word={(action) => t(`action.${action}`)}
        raw={raw}
        set={set}
      />
      <ChoiceFilter
        name="subjectType"
        label={t('filter.subjectType')}
        choices={AUDIT_SUBJECT_TYPES}
        word={(type) => t(`subject.${type}`)}
        raw={raw}
        set={set}
      />
      <DayFilter idPrefix="audit" name="from" label={t('filter.from')} raw={raw} set={set} />
      <DayFilter idPrefix="audit" name="to" label={t('filter.to')} raw={raw} set={set} />
    </Form>
  );
}

/**
 * The filters set from a row or another page (this admin, this user), named after the first entry shown:
 * every entry shown has the same admin, or the same subject.
 */
function ActiveFilters({
  filter,
  first,
  set,
}: {
  filter: AuditFilter;
  first: AuditEntry | undefined;
  set: SetFilter;
}) {
  const { t } = useTranslation('audit');
  if (!filter.actorId && !filter.subjectId) return null;
  const subject = first?.subjectUser ? `@${first.subjectUser.username}` : t(`subject.${filter.subjectType}`);
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {filter.actorId && (
        <Space size={4}>
          <Tag color="blue">{t('filter.onlyAdmin', { name: first?.actor?.username ?? t('goneAdmin') })}</Tag>
          <Button type="link" size="small" onClick={() => set('actorId')}>
            {t('filter.allAdmins')}
          </Button>
        </Space>
      )}
      {filter.subjectId && (
        <Space size={4}>
          <Tag color="blue">{t('filter.onlySubject', { name: subject })}</Tag>
          <Button type="link" size="small" onClick={() => set('subjectId')}>
            {t('filter.allSubjects')}
          </Button>
        </Space>
      )}
    </Space>
  );
}

/** 操作记录: every admin action, newest first: who, what, to what, when and why; filtered and paged. */
export default function AuditPage() {
  const { t, i18n } = useTranslation('audit');
  const [filter, raw, set] = useFilter();
  const log = useAuditLog(filter);
  return (
    <>
      <Typography.Title level={1}>{t('title')}</Typography.Title>
      <Filters raw={raw} set={set} />
      <ActiveFilters filter={filter} first={log.data?.pages[0]?.items[0]} set={set} />
      <PagedTable<AuditEntry>
        query={log}
        label={t('title')}
        empty={t('empty')}
        columns={[
          {
            title: t('column.when'),
            className: 'kj-nowrap',
            render: (_, entry) => new Date(entry.createdAt).toLocaleString(i18n.language),
          },
          {
            title: t('column.admin'),
            render: (_, entry) => (
              <Button
                type="link"
                size="small"
                className="kj-inline-link"
                title={t('filter.byAdmin')}
                onClick={() => set('actorId', entry.actorId)}
              >
                {entry.actor?.username ?? t('goneAdmin')}
              </Button>
            ),
          },
          {
            title: t('column.what'),
            render: (_, entry) => <div className="kj-cell-text">{describe(entry, t)}</div>,
          },
          { title: t('column.target'), render: (_, entry) => <Target entry={entry} /> },
          {
            title: t('column.reason'),
            render: (_, entry) => <div className="kj-cell-text kj-long-text">{entry.reason ?? '—'}</div>,
          },
        ]}
      />
    </>
  );
}
