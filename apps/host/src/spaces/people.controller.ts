import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser, SessionAuth, Viewer } from '../accounts/auth.decorators';
import { Endpoint } from '../common/endpoint.decorator';
import { pageSize } from '../common/pagination';
import { Public } from '../common/public.decorator';
import { PersonPage, PersonResponse, SearchPeopleQuery } from './dto/people.dto';
import { PeopleService, type Person } from './people.service';

function personResponse(person: Person): PersonResponse {
  return {
    ...person.summary,
    relationship: person.relation.relationship,
    friendRequestId: person.relation.friendRequestId,
  };
}

@ApiTags('people')
@SessionAuth()
@Controller('users')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @Endpoint({
    operationId: 'searchUsers',
    summary: 'Find people by username or nickname, best matches first',
    response: PersonPage,
  })
  async search(@CurrentUser() viewer: AuthUser, @Query() query: SearchPeopleQuery): Promise<PersonPage> {
    const page = await this.people.search(viewer.id, query.q, pageSize(query), query.cursor);
    return { items: page.items.map(personResponse), nextCursor: page.nextCursor };
  }

  // Public like getSpace, which a username usually leads to.
  @Get('by-username/:username')
  @Public()
  @Endpoint({
    operationId: 'getUserByUsername',
    summary: 'Find a user by username (in any letter case)',
    response: PersonResponse,
    problems: [404],
  })
  async byUsername(
    @Viewer() viewer: AuthUser | null,
    @Param('username') username: string,
  ): Promise<PersonResponse> {
    return personResponse(await this.people.byUsername(viewer?.id ?? null, username));
  }
}
