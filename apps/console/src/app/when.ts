import { useTranslation } from 'react-i18next';

/** Formats a time from the API in the person's language; a time that is not set shows as a dash. */
export function useWhen(): (iso: string | null) => string {
  const { i18n } = useTranslation();
  return (iso) => (iso ? new Date(iso).toLocaleString(i18n.language) : '—');
}
