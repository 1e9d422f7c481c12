import { AppstoreOutlined } from '@ant-design/icons';
import { Avatar } from 'antd';

/** An app's icon, or a generic tile when it has none. Decorative: the app's name is always written next to it. */
export function AppIcon({ iconUrl, size = 48 }: { iconUrl: string | null; size?: number }) {
  return (
    <Avatar
      shape="square"
      size={size}
      src={iconUrl ?? undefined}
      icon={<AppstoreOutlined aria-hidden />}
      alt=""
      style={{ flex: 'none', background: iconUrl ? 'transparent' : undefined }}
    />
  );
}
