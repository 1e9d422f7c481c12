import type { HostComponents } from '@kongjian/client';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

type Moderation = HostComponents['schemas']['ModerationStatus'];

/**
 * What moderation did to something of mine (a post, comment, message, album or photo), with the reviewer's
 * reason when there is one; nothing once it is published. The host shows it only to its author.
 */
export function ModerationTag({ moderation }: { moderation: Moderation | null | undefined }) {
  const { t } = useTranslation();
  if (!moderation || moderation.state === 'published') return null;
  const state = t(`common:moderation.${moderation.state}`);
  return (
    <Tag color="warning">
      {moderation.reason ? t('common:moderation.withReason', { state, reason: moderation.reason }) : state}
    </Tag>
  );
}
