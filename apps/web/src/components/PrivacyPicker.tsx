import { GlobalOutlined, LockOutlined, TeamOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { api, call, type HostComponents } from '@kongjian/client';
import { useQuery } from '@tanstack/react-query';
import { Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';

export type PrivacyLevel = HostComponents['schemas']['CreateMoodRequest']['privacy'];
export interface Audience {
  privacy: PrivacyLevel;
  groupIds?: string[];
}

export const FRIEND_GROUPS_KEY = ['friend-groups'] as const;

const ICONS: Record<PrivacyLevel, React.ReactNode> = {
  public: <GlobalOutlined />,
  friends: <TeamOutlined />,
  groups: <UsergroupAddOutlined />,
  private: <LockOutlined />,
};

/**
 * Who may see what I post: public, friends, chosen friend groups (picked from mine), or only me. Used by the
 * mood and blog composers, albums and the default in settings; the host enforces it on every read.
 */
export function PrivacyPicker({
  value,
  onChange,
  id,
}: {
  value: Audience;
  onChange: (audience: Audience) => void;
  id?: string;
}) {
  const { t } = useTranslation('common');
  const groups = useQuery({
    queryKey: FRIEND_GROUPS_KEY,
    queryFn: () => call(api.GET('/friend-groups')),
    enabled: value.privacy === 'groups',
  });
  return (
    <Space wrap>
      <Select<PrivacyLevel>
        id={id}
        aria-label={t('privacy.label')}
        value={value.privacy}
        style={{ minWidth: 150 }}
        onChange={(privacy) => onChange({ privacy, groupIds: privacy === 'groups' ? [] : undefined })}
        options={(['public', 'friends', 'groups', 'private'] as const).map((level) => ({
          value: level,
          label: (
            <Space size={6}>
              {ICONS[level]}
              {t(`privacy.${level}`)}
            </Space>
          ),
        }))}
      />
      {value.privacy === 'groups' && (
        <Select<string[]>
          mode="multiple"
          aria-label={t('privacy.groups')}
          placeholder={t('privacy.pickGroups')}
          style={{ minWidth: 200 }}
          loading={groups.isPending}
          value={value.groupIds ?? []}
          onChange={(groupIds) => onChange({ privacy: 'groups', groupIds })}
          options={groups.data?.items.map((group) => ({ value: group.id, label: group.name })) ?? []}
          notFoundContent={t('privacy.noGroups')}
        />
      )}
    </Space>
  );
}
