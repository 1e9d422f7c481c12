import { Body, Get, HttpStatus, Param, Post } from '@nestjs/common';
import { Endpoint } from '../common/endpoint.decorator';
import { ParseIdPipe } from '../common/id.pipe';
import type { AccessContext } from '../access-context/access-context';
import { CreateStoryRequest, StoryResponse } from './dto/open-api.dto';
import { Access, OpenApiController, openApiProblems, RequireScope } from './open-api.decorators';
import { StoriesService } from './stories.service';

@OpenApiController('feed/stories', 'feed')
export class StoriesController {
  constructor(private readonly stories: StoriesService) {}

  @Post()
  @RequireScope('feed:write')
  @Endpoint({
    operationId: 'createStory',
    summary:
      "Post a story to the user's space and friends' feeds, attributed to this app (a daily quota per user; " +
      'moderation rules apply: a blocked story is refused, a held one waits for review)',
    response: StoryResponse,
    status: HttpStatus.CREATED,
    problems: openApiProblems(422),
  })
  createStory(@Access() access: AccessContext, @Body() body: CreateStoryRequest): Promise<StoryResponse> {
    return this.stories.create(access, body);
  }

  @Get(':storyId')
  @RequireScope('feed:write')
  @Endpoint({
    operationId: 'getStory',
    summary:
      'A story this app posted for the user, with what moderation made of it (published, held, rejected, ' +
      'unpublished); 404 once deleted, or for anyone else’s',
    response: StoryResponse,
    problems: openApiProblems(404),
  })
  getStory(
    @Access() access: AccessContext,
    @Param('storyId', ParseIdPipe) storyId: string,
  ): Promise<StoryResponse> {
    return this.stories.get(access, storyId);
  }
}
