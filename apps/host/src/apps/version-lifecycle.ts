import { conflict } from '../common/problem';

/** Where a version of an app stands on its way from the developer's draft to users. */
export type VersionStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'published' | 'superseded';

/** Which action moves a version from which status, and where to. Every other move is a 409. */
const VERSION_TRANSITIONS = {
  submit: { from: 'draft', to: 'submitted', rule: 'only a draft can be submitted for review' },
  approve: { from: 'submitted', to: 'approved', rule: 'only a version waiting for review can be approved' },
  reject: { from: 'submitted', to: 'rejected', rule: 'only a version waiting for review can be rejected' },
  publish: { from: 'approved', to: 'published', rule: 'only an approved version can be published' },
} as const satisfies Record<string, { from: VersionStatus; to: VersionStatus; rule: string }>;

export type VersionAction = keyof typeof VERSION_TRANSITIONS;

/** Versions still on their way to users: an app has at most one at a time. */
const OPEN_VERSION_STATUSES: readonly VersionStatus[] = ['draft', 'submitted', 'approved'];

/** The status `action` moves version `number` to from `status`; a 409 saying the rule when it cannot. */
export function nextVersionStatus(
  number: number,
  status: VersionStatus,
  action: VersionAction,
): VersionStatus {
  const transition = VERSION_TRANSITIONS[action];
  if (status !== transition.from) {
    throw conflict('app_status_conflict', `Version ${number} is ${status}: ${transition.rule}`);
  }
  return transition.to;
}

/** A 409 unless version `number` may still change (what was reviewed stays what was reviewed). */
export function assertEditable(number: number, status: VersionStatus): void {
  if (status !== 'draft') {
    throw conflict('app_status_conflict', `Version ${number} is ${status}; only a draft can be edited`);
  }
}

/** A 409 while one of the app's versions is still on its way to users: a new one waits for it. */
export function assertNewVersionAllowed(
  versions: readonly { number: number; status: VersionStatus }[],
): void {
  const open = versions.find((version) => OPEN_VERSION_STATUSES.includes(version.status));
  if (open) {
    throw conflict(
      'app_status_conflict',
      `Version ${open.number} is ${open.status}; a new version can start only when no version is a draft, submitted or approved`,
    );
  }
}
