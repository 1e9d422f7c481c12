import type { UseMutationResult } from '@tanstack/react-query';
import { Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';

/** Replaces a secret after asking: the old one stops working at once, so a slip must not do it. */
export function RotateButton({
  label,
  confirm,
  rotate,
}: {
  label: string;
  confirm: string;
  rotate: Pick<UseMutationResult<unknown, unknown, void>, 'mutate' | 'isPending'>;
}) {
  const { t } = useTranslation();
  return (
    <Popconfirm
      title={confirm}
      okText={label}
      cancelText={t('common:cancel')}
      onConfirm={() => rotate.mutate()}
    >
      <Button danger loading={rotate.isPending}>
        {label}
      </Button>
    </Popconfirm>
  );
}
