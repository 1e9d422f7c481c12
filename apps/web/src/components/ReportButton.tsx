import { FlagOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OnceOpened } from './OnceOpened';

export type ReportSubject = 'post' | 'comment' | 'photo';

const ReportDialog = lazy(() => import('./ReportDialog'));

/** "Report" on a post, comment or photo; the dialog that asks why loads on the first click. */
export function ReportButton({ subjectType, subjectId }: { subjectType: ReportSubject; subjectId: string }) {
  const { t } = useTranslation('common');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="text" size="small" icon={<FlagOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('report.action')}
      </Button>
      <OnceOpened open={open}>
        <ReportDialog
          subjectType={subjectType}
          subjectId={subjectId}
          open={open}
          onClose={() => setOpen(false)}
        />
      </OnceOpened>
    </>
  );
}
