import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { AuditService } from '../audit/audit.service';
import { Keyset } from '../common/pagination';
import { badRequest } from '../common/problem';
import { UserDirectoryService } from '../profiles/user-directory.service';
import type { CoinTransactionResponse } from './dto/economy.dto';
import { SYSTEM_ACCOUNTS } from './economy.rules';
import type { WalletEntryRow } from './ledger.repository';
import { LedgerService, PostedTransaction } from './ledger.service';

export interface CoinMove {
  amount: number;
  memo?: string;
  idempotencyKey: string;
}

/** Trimmed memo, or null when nothing is left. */
export function memoText(memo: string | undefined): string | null {
  const trimmed = memo?.trim() ?? '';
  return trimmed.length > 0 ? trimmed : null;
}

/** Wallets: admin grants (the stand-in for top-up), transfers between users, and the ledger view. */
@Injectable()
export class CoinsService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly accounts: AccountsService,
    private readonly directory: UserDirectoryService,
    private readonly audit: AuditService,
  ) {}

  async transactionResponse(
    posted: PostedTransaction,
    amount: number,
    fromId: string | null,
    toId: string | null,
    memo: string | null,
  ): Promise<CoinTransactionResponse> {
    const people = await this.directory.summaries([fromId, toId].filter((id): id is string => id !== null));
    return {
      id: posted.id,
      kind: posted.kind,
      amount,
      from: fromId ? people.get(fromId)! : null,
      to: toId ? people.get(toId)! : null,
      memo,
      createdAt: posted.createdAt.toISOString(),
    };
  }

  /** An admin grants a user new coins, from the system's issuance account; the audit log records it. */
  grant(adminId: string, userId: string, move: CoinMove): Promise<CoinTransactionResponse> {
    return this.issue(adminId, userId, move, true);
  }

  /** Demo coins: no admin grants them, so they are the receiver's own doing and not audited. */
  seed(userId: string, move: CoinMove): Promise<CoinTransactionResponse> {
    return this.issue(userId, userId, move, false);
  }

  private async issue(
    actorId: string,
    userId: string,
    move: CoinMove,
    audited: boolean,
  ): Promise<CoinTransactionResponse> {
    await this.accounts.getUser(userId);
    const memo = memoText(move.memo);
    return this.ledger.idempotent(
      actorId,
      move.idempotencyKey,
      ['grant', userId, move.amount, memo],
      async () => {
        const wallet = await this.ledger.walletOf(userId);
        const posted = await this.ledger.post('grant', actorId, memo, [
          { accountId: SYSTEM_ACCOUNTS.issuance, amount: -move.amount },
          { accountId: wallet, amount: move.amount },
        ]);
        if (audited) {
          await this.audit.record({
            actorId,
            action: 'coins.grant',
            subject: { type: 'user', id: userId },
            reason: memo,
            details: { amount: move.amount, transactionId: posted.id },
          });
        }
        return {
          response: await this.transactionResponse(posted, move.amount, null, userId, memo),
          transactionId: posted.id,
        };
      },
    );
  }

  async transfer(fromId: string, toId: string, move: CoinMove): Promise<CoinTransactionResponse> {
    if (fromId === toId) throw badRequest('cannot_target_self', 'You cannot send coins to yourself');
    await this.accounts.presentTo(fromId, toId);
    const memo = memoText(move.memo);
    return this.ledger.idempotent(
      fromId,
      move.idempotencyKey,
      ['transfer', toId, move.amount, memo],
      async () => {
        const wallets = await this.ledger.lockWallets([fromId, toId]);
        await this.ledger.requireFunds(wallets.get(fromId)!, move.amount);
        const posted = await this.ledger.post('transfer', fromId, memo, [
          { accountId: wallets.get(fromId)!, amount: -move.amount },
          { accountId: wallets.get(toId)!, amount: move.amount },
        ]);
        return {
          response: await this.transactionResponse(posted, move.amount, fromId, toId, memo),
          transactionId: posted.id,
        };
      },
    );
  }

  balance(userId: string): Promise<number> {
    return this.ledger.balanceOf(userId);
  }

  entries(userId: string, limit: number, after?: Keyset): Promise<WalletEntryRow[]> {
    return this.ledger.entries(userId, limit, after);
  }
}
