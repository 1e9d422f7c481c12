import { HttpStatus, Injectable } from '@nestjs/common';
import { ProblemException } from '../common/problem';
import { sizeText } from '../common/text';
import { EconomyService } from '../economy/economy.service';
import { StorageUsageRepository } from './storage-usage.repository';

const quotaExceeded = (quota: number) =>
  new ProblemException(
    HttpStatus.PAYLOAD_TOO_LARGE,
    'quota_exceeded',
    `This upload would exceed your storage quota of ${sizeText(quota)}; delete photos or become a VIP for more`,
  );

/**
 * What each user's photos take up against the quota of their VIP level. The usage row also serializes
 * a user's album and photo changes: whoever changes them locks it first, so limits hold under races.
 */
@Injectable()
export class StorageQuotaService {
  constructor(
    private readonly repository: StorageUsageRepository,
    private readonly economy: EconomyService,
  ) {}

  async usage(userId: string): Promise<{ usedBytes: number; quotaBytes: number }> {
    return {
      usedBytes: await this.repository.usedBytes(userId),
      quotaBytes: await this.economy.storageQuotaBytes(userId),
    };
  }

  /** The user's quota now; refuses, without locking anything, when `bytes` more would not fit in it. */
  async precheck(userId: string, bytes: number): Promise<number> {
    const quota = await this.economy.storageQuotaBytes(userId);
    if ((await this.repository.usedBytes(userId)) + bytes > quota) throw quotaExceeded(quota);
    return quota;
  }

  /**
   * Locks the user's usage until the transaction ends (see the class) and, given a `quota`, refuses when
   * `bytes` more would not fit in it.
   */
  async lock(userId: string, check?: { bytes: number; quota: number }): Promise<void> {
    const used = await this.repository.lock(userId);
    if (check && used + check.bytes > check.quota) throw quotaExceeded(check.quota);
  }

  /** Counts (or, negative, frees) bytes of the user's, under the lock. */
  add(userId: string, bytes: number): Promise<void> {
    return this.repository.add(userId, bytes);
  }

  /** Frees the bytes of photos that were deleted. */
  free(userId: string, photos: readonly { bytes: string | number }[]): Promise<void> {
    return this.repository.add(userId, -photos.reduce((sum, photo) => sum + Number(photo.bytes), 0));
  }
}
