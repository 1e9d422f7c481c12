import { ProblemException } from '../common/problem';
import {
  assertEditable,
  assertNewVersionAllowed,
  nextVersionStatus,
  type VersionAction,
  type VersionStatus,
} from './version-lifecycle';

const STATUSES: VersionStatus[] = ['draft', 'submitted', 'approved', 'rejected', 'published', 'superseded'];
const ACTIONS: VersionAction[] = ['submit', 'approve', 'reject', 'publish'];

/** The 409 a call throws, as a client reads it; undefined when it does not throw. */
function refusal(call: () => unknown): { status: number; code: string; detail?: string } | undefined {
  try {
    call();
    return undefined;
  } catch (error) {
    if (!(error instanceof ProblemException)) throw error;
    return { status: error.status, code: error.code, detail: error.detail };
  }
}

describe('the version lifecycle', () => {
  it('moves a version from draft through review to users, and nowhere else', () => {
    const moves: string[] = [];
    for (const status of STATUSES) {
      for (const action of ACTIONS) {
        if (!refusal(() => nextVersionStatus(1, status, action))) {
          moves.push(`${status} --${action}--> ${nextVersionStatus(1, status, action)}`);
        }
      }
    }
    expect(moves).toEqual([
      'draft --submit--> submitted',
      'submitted --approve--> approved',
      'submitted --reject--> rejected',
      'approved --publish--> published',
    ]);
  });

  it('refuses every other move with a 409 that says the rule', () => {
    expect(refusal(() => nextVersionStatus(3, 'approved', 'approve'))).toEqual({
      status: 409,
      code: 'app_status_conflict',
      detail: 'Version 3 is approved: only a version waiting for review can be approved',
    });
    expect(refusal(() => nextVersionStatus(2, 'rejected', 'publish'))?.detail).toBe(
      'Version 2 is rejected: only an approved version can be published',
    );
    expect(refusal(() => nextVersionStatus(4, 'published', 'submit'))?.detail).toBe(
      'Version 4 is published: only a draft can be submitted for review',
    );
  });

  it('lets only a draft change', () => {
    expect(refusal(() => assertEditable(1, 'draft'))).toBeUndefined();
    for (const status of STATUSES.filter((status) => status !== 'draft')) {
      expect(refusal(() => assertEditable(5, status))).toEqual({
        status: 409,
        code: 'app_status_conflict',
        detail: `Version 5 is ${status}; only a draft can be edited`,
      });
    }
  });

  it('starts a new version only when none is still on its way to users', () => {
    expect(refusal(() => assertNewVersionAllowed([]))).toBeUndefined();
    expect(
      refusal(() =>
        assertNewVersionAllowed([
          { number: 1, status: 'superseded' },
          { number: 2, status: 'published' },
          { number: 3, status: 'rejected' },
        ]),
      ),
    ).toBeUndefined();
    for (const status of ['draft', 'submitted', 'approved'] as const) {
      expect(
        refusal(() =>
          assertNewVersionAllowed([
            { number: 1, status: 'published' },
            { number: 2, status },
          ]),
        )?.detail,
      ).toBe(
        `Version 2 is ${status}; a new version can start only when no version is a draft, submitted or approved`,
      );
    }
  });
});
