import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { App, AppVersion } from './queries';

const COLORS: Record<string, string> = {
  development: 'blue',
  published: 'success',
  suspended: 'error',
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
  superseded: 'default',
};

/** An app's or a version's state, in words, coloured as everywhere in the console. */
export function StatusTag({ status }: { status: App['status'] | AppVersion['status'] }) {
  const { t } = useTranslation('developer');
  return <Tag color={COLORS[status]}>{t(`status.${status}`)}</Tag>;
}
