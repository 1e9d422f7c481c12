import { type Account, useAccount } from '@kongjian/client';
import type { Audience } from '../../components/PrivacyPicker';

/** The audience preselected for a new post: my default from settings (public until I choose one). */
export function defaultAudience(account: Account | null | undefined): Audience {
  if (!account) return { privacy: 'public' };
  return account.defaultPrivacy === 'groups'
    ? { privacy: 'groups', groupIds: account.defaultGroupIds }
    : { privacy: account.defaultPrivacy };
}

/** The chosen audience, or my default until I pick one. */
export function useAudience(chosen: Audience | null): Audience {
  const account = useAccount();
  return chosen ?? defaultAudience(account.data);
}
