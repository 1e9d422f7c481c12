import { performance } from 'node:perf_hooks';
import { EntityManager } from '@mikro-orm/core';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { AuditAction, AuditDetail } from '../audit/audit-actions';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { LIMITS } from '../common/limits';
import type { Keyset } from '../common/pagination';
import { badRequest, conflict, notFound, ProblemException } from '../common/problem';
import { KeywordMatcher, normalizeForMatching } from './keyword-matcher';
import { type KeywordRuleRow, KeywordRulesRepository } from './keyword-rules.repository';
import { ACTION_STRENGTH, type KeywordAction } from './moderation-state';
import { Signals } from '../shared-store/signals';

interface RuleHit {
  phrase: string;
  action: KeywordAction;
}

/** What screening decided for a piece of content that was not blocked. */
export interface Verdict {
  action: 'hold' | 'flag' | null;
  /** The phrases of the rules that matched (for reviewers only, never for the author). */
  keywords: string[];
}

interface CachedMatcher {
  version: string;
  matcher: KeywordMatcher<RuleHit>;
  /** When this host last confirmed the version, on the monotonic clock. */
  checkedAt: number;
}

/** The error a blocked text gets: it must not tell which rule matched, or authors could probe. */
export const contentBlocked = () =>
  new ProblemException(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'content_blocked',
    'This content cannot be published because it breaks the community rules',
  );

/**
 * Keyword rules and the automaton built from them. Every host instance keeps its own automaton and
 * checks a rules version in the database at most once per `keywordRulesTtlMs`, so a rule changed on
 * one instance applies on all of them within that time (at once on the instance that changed it).
 */
@Injectable()
export class KeywordRulesService {
  private cached: CachedMatcher | undefined;
  private loading: Promise<CachedMatcher> | undefined;

  constructor(
    private readonly em: EntityManager,
    private readonly repository: KeywordRulesRepository,
    private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    private readonly signals: Signals,
  ) {
    // Another instance changed the rules: the next screening here reads them again.
    signals.on('moderation-rules', () => this.invalidate());
  }

  // ── screening ────────────────────────────────────────────────────────────

  /**
   * What the rules say of the parts of one item of content (e.g. a blog's title and text): the strongest
   * matching action (block > hold > flag), or null, and the phrases that matched.
   */
  async verdict(parts: readonly string[]): Promise<{ action: KeywordAction | null; keywords: string[] }> {
    const { matcher } = await this.current();
    if (matcher.size === 0) return { action: null, keywords: [] };
    const hits = new Map<string, RuleHit>();
    for (const part of parts) {
      for (const hit of matcher.findAll(part)) hits.set(hit.phrase, hit);
    }
    let strongest: KeywordAction | null = null;
    for (const hit of hits.values()) {
      if (strongest === null || ACTION_STRENGTH[hit.action] > ACTION_STRENGTH[strongest])
        strongest = hit.action;
    }
    return { action: strongest, keywords: [...hits.keys()].sort() };
  }

  /** Screens content before it is saved: a `block` rule throws `content_blocked`. */
  async screen(parts: readonly string[]): Promise<Verdict> {
    const { action, keywords } = await this.verdict(parts);
    if (action === 'block') throw contentBlocked();
    return { action, keywords };
  }

  private async current(): Promise<CachedMatcher> {
    const cached = this.cached;
    if (cached && performance.now() - cached.checkedAt < LIMITS.keywordRulesTtlMs) return cached;
    this.loading ??= this.refresh(cached).finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  /** Rebuilds the automaton if the rules version moved; rules and version are read in one statement. */
  private async refresh(cached: CachedMatcher | undefined): Promise<CachedMatcher> {
    const version = await this.repository.version();
    if (cached && cached.version === version) {
      cached.checkedAt = performance.now();
      return cached;
    }
    const current = await this.repository.rulesWithVersion();
    const matcher = KeywordMatcher.build(
      current.rules.map((rule) => ({ pattern: rule.phrase, value: rule })),
    );
    this.cached = { version: current.version, matcher, checkedAt: performance.now() };
    return this.cached;
  }

  /** Makes the next screening on this instance re-read the rules (every instance hears a change, committed). */
  private invalidate(): void {
    if (this.cached) this.cached.checkedAt = -Infinity;
  }

  // ── managing rules ───────────────────────────────────────────────────────

  list(limit: number, after: Keyset | undefined): Promise<KeywordRuleRow[]> {
    return this.repository.list(limit, after);
  }

  async create(adminId: string, phrase: string, action: KeywordAction): Promise<KeywordRuleRow> {
    const trimmed = phrase.trim();
    const normalized = normalizeForMatching(trimmed);
    if (normalized.length === 0) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, 'validation_failed', 'phrase must not be blank', [
        { field: 'phrase', message: 'phrase must not be blank' },
      ]);
    }
    const rule = await this.em.transactional(async () => {
      if ((await this.repository.count()) >= LIMITS.keywordRulesMax) {
        throw badRequest('validation_failed', `There can be at most ${LIMITS.keywordRulesMax} keyword rules`);
      }
      const inserted = await this.repository.insert({
        id: newId(),
        phrase: trimmed,
        normalized,
        action,
        createdBy: adminId,
        createdAt: this.clock.now(),
      });
      if (!inserted) throw conflict('rule_exists', 'A rule for this phrase already exists');
      await this.changed(adminId, 'keyword_rule.create', inserted, { phrase: trimmed, action });
      return inserted;
    });
    this.signals.publish('moderation-rules', '');
    return rule;
  }

  async update(adminId: string, ruleId: string, action: KeywordAction): Promise<KeywordRuleRow> {
    const rule = await this.em.transactional(async () => {
      const previousAction = await this.repository.lockAction(ruleId);
      if (!previousAction) throw notFound('Keyword rule');
      const updated = await this.repository.updateAction(ruleId, action, this.clock.now());
      await this.changed(adminId, 'keyword_rule.update', updated, {
        phrase: updated.phrase,
        action,
        previousAction,
      });
      return updated;
    });
    this.signals.publish('moderation-rules', '');
    return rule;
  }

  async delete(adminId: string, ruleId: string): Promise<void> {
    await this.em.transactional(async () => {
      const removed = await this.repository.delete(ruleId);
      if (!removed) throw notFound('Keyword rule');
      await this.changed(adminId, 'keyword_rule.delete', removed, {
        phrase: removed.phrase,
        action: removed.action,
      });
    });
    this.signals.publish('moderation-rules', '');
  }

  /**
   * After a rule changed, in its transaction: the version moves (an instance that missed the signal sees it
   * within LIMITS.keywordRulesTtlMs); the admin is recorded.
   */
  private async changed(
    adminId: string,
    action: Extract<AuditAction, `keyword_rule.${string}`>,
    rule: Pick<KeywordRuleRow, 'id'>,
    details: Record<string, AuditDetail>,
  ): Promise<void> {
    await this.repository.bumpVersion();
    await this.audit.record({
      actorId: adminId,
      action,
      subject: { type: 'keyword_rule', id: rule.id },
      details,
    });
  }
}
