import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** A page that failed to load its code (an old tab after a deploy, or the network): offer a reload. */
export function RouteError() {
  const { t } = useTranslation('shell');
  return (
    <Result
      status="warning"
      title={t('routeError')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common:retry')}
        </Button>
      }
    />
  );
}
