import { useScopeWords } from '@kongjian/client';
import { useTranslation } from 'react-i18next';
import type { VersionDiff } from './queries';

/**
 * A version's changes against the published version, in words, as the host computed them (GET …/diff):
 * scopes, events and redirect URIs added or removed, URLs changed, and listing edits since publication.
 */
export function VersionDiffList({ diff }: { diff: VersionDiff }) {
  const { t } = useTranslation('developer');
  const words = useScopeWords();
  const lines: string[] = [];
  const lists = [
    ['scopes', diff.requiredScopes, words],
    ['optionalScopes', diff.optionalScopes, words],
    ['events', diff.events, (type: string) => t(`event.${type}`)],
    ['redirectUris', diff.redirectUris, (uri: string) => uri],
  ] as const;
  for (const [kind, change, say] of lists) {
    const name = say as (item: string) => string;
    for (const item of change.added) lines.push(t(`diff.${kind}.added`, { item: name(item) }));
    for (const item of change.removed) lines.push(t(`diff.${kind}.removed`, { item: name(item) }));
  }
  for (const field of ['versionName', 'canvasUrl', 'webhookUrl'] as const) {
    const change = diff[field];
    if (change) lines.push(t(`diff.${field}`, { from: change.from ?? '—', to: change.to ?? '—' }));
  }
  // An empty description against none is no change a person would see.
  for (const change of diff.listing.filter((one) => (one.from || null) !== (one.to || null))) {
    const value = (text: string | null) =>
      !text ? '—' : change.field === 'category' ? t(`category.${text}`) : text;
    lines.push(
      change.field === 'iconUrl'
        ? t('diff.icon')
        : t('diff.listing', {
            field: t(`listing.${change.field}`),
            from: value(change.from),
            to: value(change.to),
          }),
    );
  }
  if (diff.baseVersion === null) lines.unshift(t('diff.first'));
  else if (lines.length === 0) lines.push(t('diff.none'));
  return (
    <ul className="kj-changes">
      {lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}
