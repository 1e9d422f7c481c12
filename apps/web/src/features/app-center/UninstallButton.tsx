import { App, Button } from 'antd';
import { problemMessage } from '@kongjian/client';
import { useTranslation } from 'react-i18next';
import { useUninstallApp } from './queries';

/** Uninstalls after the person confirms; what the app keeps and loses is said in the question. */
export function UninstallButton({
  appId,
  name,
  onDone,
  block,
}: {
  appId: string;
  name: string;
  onDone?: () => void;
  block?: boolean;
}) {
  const { t } = useTranslation('apps');
  const { modal, message } = App.useApp();
  const uninstall = useUninstallApp(appId);
  return (
    <Button
      danger
      type={block ? 'default' : 'link'}
      block={block}
      loading={uninstall.isPending}
      aria-label={t('uninstall.action', { name })}
      onClick={() =>
        modal.confirm({
          title: t('uninstall.confirmTitle', { name }),
          content: t('uninstall.confirmText'),
          okText: t('uninstall.ok'),
          okButtonProps: { danger: true },
          cancelText: t('common:cancel'),
          onOk: () =>
            uninstall.mutateAsync().then(
              () => {
                void message.success(t('uninstall.done', { name }));
                onDone?.();
              },
              (error: unknown) => {
                void message.error(problemMessage(error, t));
              },
            ),
        })
      }
    >
      {t('uninstall.short')}
    </Button>
  );
}
