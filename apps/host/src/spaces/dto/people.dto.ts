import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { LIMITS } from '../../common/limits';
import { PageInfo, PageQuery } from '../../common/pagination';
import { PERSON_RELATIONSHIPS, type PersonRelationship } from '../../friends/friends.service';
import { UserSummary } from '../../profiles/user-directory.service';

/** The `q` of a people search: trimmed, 1 to LIMITS.peopleSearchQueryMax characters. */
export const PeopleSearchText = (options: { required: boolean }) =>
  applyDecorators(
    (options.required ? ApiProperty : ApiPropertyOptional)({
      minLength: 1,
      maxLength: LIMITS.peopleSearchQueryMax,
      description:
        'Text to find in usernames and nicknames (case-insensitive); surrounding spaces are ignored and ' +
        'at least one other character is needed',
      example: 'ming',
    }),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
    ...(options.required ? [] : [IsOptional()]),
    IsString(),
    MinLength(1),
    MaxLength(LIMITS.peopleSearchQueryMax),
    // PostgreSQL text cannot hold NUL characters.
    Matches(/^[^\0]*$/, { message: 'q must not contain NUL characters' }),
  );

export class SearchPeopleQuery extends PageQuery {
  @PeopleSearchText({ required: true })
  q!: string;
}

/** A person as the viewer finds them: their summary, and how the viewer stands to them. */
export class PersonResponse extends UserSummary {
  @ApiProperty({
    enum: PERSON_RELATIONSHIPS,
    description:
      'The viewer to this person: themselves, a friend, a pending request sent or received, someone ' +
      'the viewer blocked (only by username lookup: search leaves them out), or none of these ' +
      '(always for anonymous visitors)',
  })
  relationship!: PersonRelationship;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The pending friend request with requestSent or requestReceived (to cancel or answer it)',
  })
  friendRequestId!: string | null;
}

export class PersonPage extends PageInfo {
  @ApiProperty({ type: [PersonResponse] }) items!: PersonResponse[];
}
