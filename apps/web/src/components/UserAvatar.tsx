import { UserOutlined } from '@ant-design/icons';
import type { HostComponents } from '@kongjian/client';
import { Avatar, Space } from 'antd';
import { Link } from 'react-router';

export type UserSummary = HostComponents['schemas']['UserSummary'];

/** A person's head portrait, or a silhouette when they have none. */
export function UserAvatar({ user, size = 40 }: { user: UserSummary; size?: number }) {
  return (
    <Avatar
      size={size}
      src={user.avatarUrl ?? undefined}
      icon={<UserOutlined aria-hidden />}
      alt={user.nickname}
    />
  );
}

/** A person as every list shows them: head portrait and nickname, linking to their space. */
export function UserLink({ user, avatar = true }: { user: UserSummary; avatar?: boolean }) {
  return (
    <Link to={`/u/${encodeURIComponent(user.username)}`}>
      <Space size={8}>
        {avatar && <UserAvatar user={user} size={32} />}
        <span>{user.nickname}</span>
      </Space>
    </Link>
  );
}
