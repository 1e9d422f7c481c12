import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStorage } from './queries';

/** Bytes as people read them: 1.2 MB, 3 GB. */
export function formatBytes(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(language, { maximumFractionDigits: digits })} ${units[unit]}`;
}

/** The owner's photo storage: used of allowed, as a bar and in words. */
export function StorageMeter() {
  const { t, i18n } = useTranslation('albums');
  const storage = useStorage(true);
  if (!storage.data) return null;
  const { usedBytes, quotaBytes } = storage.data;
  const percent = quotaBytes > 0 ? Math.min(100, (usedBytes / quotaBytes) * 100) : 0;
  const label = t('storage.used', {
    used: formatBytes(usedBytes, i18n.language),
    quota: formatBytes(quotaBytes, i18n.language),
  });
  return (
    <div className="kj-storage" data-testid="storage-meter">
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Progress
        percent={Math.max(percent, usedBytes > 0 ? 1 : 0)}
        showInfo={false}
        size="small"
        aria-label={t('storage.label')}
        aria-valuetext={label}
      />
    </div>
  );
}
