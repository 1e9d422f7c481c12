import { problemMessage, QueryState } from '@kongjian/client';
import { Button, Card, Empty, Form, Input, List, Modal, Popconfirm, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserLink } from '../../components/UserAvatar';
import {
  type FriendGroup,
  useAddGroupMember,
  useCreateGroup,
  useDeleteGroup,
  useFriendGroups,
  useFriends,
  useRemoveGroupMember,
  useRenameGroup,
} from './queries';
import { useProblemToast } from './shared';

const NAME_MAX = 40;

function CreateGroup() {
  const { t } = useTranslation('friends');
  const [name, setName] = useState('');
  const create = useCreateGroup();
  const submit = () => {
    const text = name.trim();
    if (text) create.mutate(text, { onSuccess: () => setName('') });
  };
  return (
    <Form layout="vertical" onFinish={submit} style={{ marginBottom: 16 }}>
      <Form.Item
        label={t('groups.newName')}
        htmlFor="new-group-name"
        validateStatus={create.isError ? 'error' : undefined}
        help={create.isError ? problemMessage(create.error, t) : undefined}
        style={{ marginBottom: 0 }}
      >
        <Space.Compact style={{ width: '100%', maxWidth: 420 }}>
          <Input
            id="new-group-name"
            value={name}
            maxLength={NAME_MAX}
            placeholder={t('groups.namePlaceholder')}
            onChange={(event) => setName(event.target.value)}
          />
          <Button type="primary" htmlType="submit" loading={create.isPending} disabled={!name.trim()}>
            {t('groups.create')}
          </Button>
        </Space.Compact>
      </Form.Item>
    </Form>
  );
}

function RenameDialog({ group, onClose }: { group: FriendGroup | null; onClose: () => void }) {
  const { t } = useTranslation('friends');
  const [name, setName] = useState(group?.name ?? '');
  const rename = useRenameGroup();
  const submit = () => {
    const text = name.trim();
    if (group && text) rename.mutate({ groupId: group.id, name: text }, { onSuccess: onClose });
  };
  return (
    <Modal
      open={group !== null}
      title={t('groups.renameTitle')}
      okText={t('common:save')}
      cancelText={t('common:cancel')}
      confirmLoading={rename.isPending}
      okButtonProps={{ disabled: !name.trim() }}
      onOk={submit}
      onCancel={onClose}
    >
      <Form layout="vertical" onFinish={submit}>
        <Form.Item
          label={t('groups.name')}
          htmlFor="rename-group-name"
          validateStatus={rename.isError ? 'error' : undefined}
          help={rename.isError ? problemMessage(rename.error, t) : undefined}
        >
          <Input
            id="rename-group-name"
            value={name}
            maxLength={NAME_MAX}
            onChange={(event) => setName(event.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AddMember({ group }: { group: FriendGroup }) {
  const { t } = useTranslation('friends');
  const friends = useFriends();
  const add = useAddGroupMember();
  const toast = useProblemToast();
  const [chosen, setChosen] = useState<string | undefined>();
  const inGroup = new Set(group.members.map((member) => member.id));
  const candidates = (friends.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (friend) => !inGroup.has(friend.user.id),
  );
  const submit = () => {
    const friend = candidates.find((candidate) => candidate.user.id === chosen);
    if (!friend) return;
    add.mutate(
      { groupId: group.id, user: friend.user },
      { onSuccess: () => setChosen(undefined), onError: toast },
    );
  };
  return (
    <Space.Compact style={{ width: '100%', maxWidth: 420 }}>
      <Select<string>
        aria-label={t('groups.addMemberTo', { group: group.name })}
        placeholder={t('groups.pickFriend')}
        style={{ flex: 1, minWidth: 0 }}
        loading={friends.isPending}
        value={chosen}
        onChange={setChosen}
        showSearch={{ optionFilterProp: 'label' }}
        notFoundContent={t('groups.noCandidates')}
        options={candidates.map((friend) => ({ value: friend.user.id, label: friend.user.nickname }))}
      />
      <Button onClick={submit} disabled={!chosen} loading={add.isPending}>
        {t('groups.addMember')}
      </Button>
    </Space.Compact>
  );
}

function GroupCard({ group, onRename }: { group: FriendGroup; onRename: (group: FriendGroup) => void }) {
  const { t } = useTranslation('friends');
  const remove = useDeleteGroup();
  const removeMember = useRemoveGroupMember();
  const toast = useProblemToast();
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('groups.heading', { name: group.name, count: group.members.length })}
        </Typography.Title>
      }
      extra={
        <Space size={4} wrap>
          <Button
            size="small"
            onClick={() => onRename(group)}
            aria-label={t('groups.renameNamed', { name: group.name })}
          >
            {t('groups.rename')}
          </Button>
          <Popconfirm
            title={t('groups.deleteConfirm', { name: group.name })}
            description={t('groups.deleteText')}
            okText={t('common:delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('common:cancel')}
            onConfirm={() => remove.mutateAsync({ groupId: group.id }).catch(toast)}
          >
            <Button size="small" danger aria-label={t('groups.deleteNamed', { name: group.name })}>
              {t('common:delete')}
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      {group.members.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('groups.noMembers')}</Typography.Paragraph>
      ) : (
        <List
          size="small"
          dataSource={group.members}
          rowKey="id"
          renderItem={(member) => (
            <List.Item>
              <div className="kj-friend-row">
                <UserLink user={member} />
                <Button
                  size="small"
                  type="text"
                  onClick={() =>
                    removeMember.mutate({ groupId: group.id, userId: member.id }, { onError: toast })
                  }
                  aria-label={t('groups.removeMemberNamed', { name: member.nickname, group: group.name })}
                >
                  {t('groups.removeMember')}
                </Button>
              </div>
            </List.Item>
          )}
        />
      )}
      <div style={{ marginTop: 8 }}>
        <AddMember group={group} />
      </div>
    </Card>
  );
}

/** My friend groups (who sees "some friends" posts): create, rename, delete, and put friends in them. */
export function GroupsPanel() {
  const { t } = useTranslation('friends');
  const groups = useFriendGroups();
  const [renaming, setRenaming] = useState<FriendGroup | null>(null);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('groups.intro')}</Typography.Paragraph>
      <CreateGroup />
      <QueryState query={groups}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty description={t('groups.empty')} />
          ) : (
            data.items.map((group) => <GroupCard key={group.id} group={group} onRename={setRenaming} />)
          )
        }
      </QueryState>
      {/* Keyed so the name field starts from the group being renamed. */}
      <RenameDialog key={renaming?.id ?? 'none'} group={renaming} onClose={() => setRenaming(null)} />
    </>
  );
}
