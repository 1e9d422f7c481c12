import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, useLanguage } from './i18n';

/** One button to the other language (there are two); its label is that language's own name. */
export function LanguageButton({ className }: { className?: string }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  const other = LANGUAGES.find((choice) => choice !== language)!;
  return (
    <Button
      type="text"
      className={className}
      lang={other}
      aria-label={t(`common:languageName.${other}`)}
      title={t('common:language')}
      onClick={() => setLanguage(other)}
    >
      {other === 'en' ? 'EN' : '中文'}
    </Button>
  );
}
