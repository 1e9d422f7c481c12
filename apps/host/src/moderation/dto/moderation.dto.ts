import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { InstantParam } from '../../common/instant-param';
import { LIMITS } from '../../common/limits';
import { PageInfo, PageQuery } from '../../common/pagination';
import { PRIVACY_LEVELS, type PrivacyLevel } from '../../common/privacy-level';
import { UserSummary } from '../../profiles/user-directory.service';
import {
  KEYWORD_ACTIONS,
  type KeywordAction,
  MODERATION_STATES,
  type ModerationState,
} from '../moderation-state';
import {
  REPORTABLE_TYPES,
  REVIEW_IMAGE_SIZES,
  type ReportableType,
  type ReviewImageSize,
  SUBJECT_TYPES,
  type SubjectType,
} from '../moderation-subjects';
import { CASE_STATUSES, type CaseStatus, DECISION_ACTIONS, type DecisionAction } from '../moderation.service';

/** Shown to the author of content that is not published; nobody else sees such content at all. */
export class ModerationStatus {
  @ApiProperty({
    enum: MODERATION_STATES,
    description: 'held: under review; rejected: refused by a reviewer; unpublished: taken down by a reviewer',
  })
  state!: ModerationState;
  @ApiProperty({ type: String, nullable: true, description: "The reviewer's reason, if any" })
  reason!: string | null;
}

/**
 * The `moderation` property of a content response: there for the content's `whose` (its author, or the
 * owner of an album or photo) while `what` (the content) is not published, absent for everyone else.
 */
export const ModerationStatusProperty = (whose: 'author' | 'owner', what?: string) =>
  ApiPropertyOptional({
    type: ModerationStatus,
    description: `Shown to the ${whose} only, while ${what ? `${what} is ` : ''}not published`,
  });

// ── keyword rules ──────────────────────────────────────────────────────────

export class CreateKeywordRuleRequest {
  @ApiProperty({
    minLength: 1,
    maxLength: LIMITS.keywordPhraseMax,
    description: 'A word or phrase, matched anywhere in the text, ignoring case and full-width forms',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.keywordPhraseMax)
  phrase!: string;

  @ApiProperty({
    enum: KEYWORD_ACTIONS,
    description: 'block: refuse to publish; hold: author-only until reviewed; flag: publish and queue',
  })
  @IsIn(KEYWORD_ACTIONS)
  action!: KeywordAction;
}

export class CheckTextRequest {
  @ApiProperty({
    minLength: 1,
    maxLength: LIMITS.blogBodyMax,
    description: 'A text as an author would post it',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.blogBodyMax)
  text!: string;
}

export class TextCheckResponse {
  @ApiProperty({
    enum: KEYWORD_ACTIONS,
    nullable: true,
    description:
      'What posting it would do: block (refused), hold (author-only until reviewed), flag (published and queued), or null (published)',
  })
  action!: KeywordAction | null;
  @ApiProperty({ type: [String], description: 'The phrases of the rules that match' })
  keywords!: string[];
}

export class UpdateKeywordRuleRequest {
  @ApiProperty({ enum: KEYWORD_ACTIONS })
  @IsIn(KEYWORD_ACTIONS)
  action!: KeywordAction;
}

export class KeywordRuleResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() phrase!: string;
  @ApiProperty({ enum: KEYWORD_ACTIONS }) action!: KeywordAction;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class KeywordRulePage extends PageInfo {
  @ApiProperty({ type: [KeywordRuleResponse] }) items!: KeywordRuleResponse[];
}

// ── the review queue ───────────────────────────────────────────────────────

export class ModerationCaseQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;
}

/** The post a moderated comment is on, as a reviewer sees it whatever its state or privacy. */
export class ModeratedPostContext {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: UserSummary }) author!: UserSummary;
  @ApiProperty({ enum: MODERATION_STATES }) state!: ModerationState;
  @ApiProperty({ enum: PRIVACY_LEVELS, description: 'Who the post is shared with' })
  privacy!: PrivacyLevel;
  @ApiProperty({ description: 'Its text (a blog: its title and its text without markup)' })
  text!: string;
}

export class ModeratedContent {
  @ApiProperty({ type: UserSummary }) author!: UserSummary;
  @ApiProperty({ enum: MODERATION_STATES }) state!: ModerationState;
  @ApiProperty({ type: String, nullable: true, description: 'The reason its author was given' })
  reason!: string | null;
  @ApiProperty({ description: 'The screened text (a blog: its title and its text without markup)' })
  text!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'For comments: their post' })
  postId!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'For board messages: whose space',
  })
  spaceOwnerId!: string | null;

  @ApiProperty({
    type: UserSummary,
    nullable: true,
    description: 'For board messages: the owner of the space the message is on',
  })
  spaceOwner!: UserSummary | null;

  @ApiProperty({
    type: String,
    enum: PRIVACY_LEVELS,
    nullable: true,
    description: 'For posts: who the post is shared with',
  })
  privacy!: PrivacyLevel | null;

  @ApiProperty({
    type: ModeratedPostContext,
    nullable: true,
    description: 'For comments on a post: that post; null for other content, or once the post is deleted',
  })
  post!: ModeratedPostContext | null;
}

export class ModerationCaseResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SUBJECT_TYPES }) subjectType!: SubjectType;
  @ApiProperty({ format: 'uuid' }) subjectId!: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({
    type: String,
    enum: ['hold', 'flag'],
    nullable: true,
    description: 'What keyword rules did',
  })
  keywordAction!: 'hold' | 'flag' | null;
  @ApiProperty({ type: [String], description: 'The phrases of the rules that matched' })
  keywords!: string[];
  @ApiProperty() reportCount!: number;
  @ApiProperty({ type: [String], description: 'The newest reasons users gave in their reports' })
  reportReasons!: string[];
  @ApiProperty({ type: ModeratedContent, nullable: true, description: 'null once the content is deleted' })
  content!: ModeratedContent | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
}

export class ModerationCasePage extends PageInfo {
  @ApiProperty({ type: [ModerationCaseResponse] }) items!: ModerationCaseResponse[];
}

// ── decisions ──────────────────────────────────────────────────────────────

export class OptionalReasonRequest {
  @ApiPropertyOptional({ maxLength: LIMITS.moderationReasonMax, description: 'Recorded with the decision' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.moderationReasonMax)
  reason?: string;
}

export class ReasonRequest {
  @ApiProperty({
    minLength: 1,
    maxLength: LIMITS.moderationReasonMax,
    description: 'Recorded with the decision and shown to the author',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.moderationReasonMax)
  reason!: string;
}

export class ModerationDecisionQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SUBJECT_TYPES })
  @IsOptional()
  @IsIn(SUBJECT_TYPES)
  subjectType?: SubjectType;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  subjectId?: string;

  @ApiPropertyOptional({ enum: DECISION_ACTIONS, description: 'Only decisions of this kind' })
  @IsOptional()
  @IsIn(DECISION_ACTIONS)
  action?: DecisionAction;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only decisions of this admin' })
  @IsOptional()
  @IsUUID()
  adminId?: string;

  @InstantParam('Only decisions at or after this time')
  from?: string;

  @InstantParam('Only decisions before this time')
  to?: string;
}

export class ReviewImageQuery {
  @ApiPropertyOptional({ enum: REVIEW_IMAGE_SIZES, default: 'thumb' })
  @IsOptional()
  @IsIn(REVIEW_IMAGE_SIZES)
  size?: ReviewImageSize;
}

export class ModerationDecisionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SUBJECT_TYPES }) subjectType!: SubjectType;
  @ApiProperty({ format: 'uuid' }) subjectId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseId!: string | null;
  @ApiProperty({ enum: DECISION_ACTIONS }) action!: DecisionAction;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: UserSummary, nullable: true, description: 'The reviewer; null if since deleted' })
  admin!: UserSummary | null;
  @ApiProperty({ enum: MODERATION_STATES }) previousState!: ModerationState;
  @ApiProperty({ enum: MODERATION_STATES }) newState!: ModerationState;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ModerationDecisionPage extends PageInfo {
  @ApiProperty({ type: [ModerationDecisionResponse] }) items!: ModerationDecisionResponse[];
}

// ── reports ────────────────────────────────────────────────────────────────

export class CreateReportRequest {
  @ApiProperty({ enum: REPORTABLE_TYPES })
  @IsIn(REPORTABLE_TYPES)
  subjectType!: ReportableType;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  subjectId!: string;

  @ApiProperty({ minLength: 1, maxLength: LIMITS.reportReasonMax, description: 'What is wrong with it' })
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.reportReasonMax)
  reason!: string;
}

export class ReportResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REPORTABLE_TYPES }) subjectType!: ReportableType;
  @ApiProperty({ format: 'uuid' }) subjectId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
