import { Body, Controller, Delete, Get, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser, RequireRole, SessionAuth } from '../accounts/auth.decorators';
import { Endpoint } from '../common/endpoint.decorator';
import { ParseIdPipe } from '../common/id.pipe';
import { decodeCursor, PageQuery, pageSize, toPage } from '../common/pagination';
import { iso } from '../common/time';
import {
  CheckTextRequest,
  CreateKeywordRuleRequest,
  KeywordRulePage,
  KeywordRuleResponse,
  TextCheckResponse,
  UpdateKeywordRuleRequest,
} from './dto/moderation.dto';
import type { KeywordRuleRow } from './keyword-rules.repository';
import { KeywordRulesService } from './keyword-rules.service';

function ruleResponse(row: KeywordRuleRow): KeywordRuleResponse {
  return {
    id: row.id,
    phrase: row.phrase,
    action: row.action,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** Admins keep the keyword rules that screen content: list, add, try, change, delete. */
@ApiTags('moderation')
@SessionAuth()
@RequireRole('admin')
@Controller('admin/moderation')
export class KeywordRulesController {
  constructor(private readonly rules: KeywordRulesService) {}

  @Get('rules')
  @Endpoint({
    operationId: 'listKeywordRules',
    summary: 'Keyword rules, newest first (admins only)',
    response: KeywordRulePage,
    problems: [403],
  })
  async listRules(@Query() query: PageQuery): Promise<KeywordRulePage> {
    const limit = pageSize(query);
    const rows = await this.rules.list(limit, decodeCursor(query.cursor));
    return toPage(rows, limit, ruleResponse);
  }

  @Post('rules')
  @Endpoint({
    operationId: 'createKeywordRule',
    summary: 'Add a keyword rule (admins only)',
    response: KeywordRuleResponse,
    status: HttpStatus.CREATED,
    problems: [403, 409],
  })
  async createRule(
    @CurrentUser() admin: AuthUser,
    @Body() body: CreateKeywordRuleRequest,
  ): Promise<KeywordRuleResponse> {
    return ruleResponse(await this.rules.create(admin.id, body.phrase, body.action));
  }

  @Post('rules/check')
  @Endpoint({
    operationId: 'checkTextAgainstRules',
    summary: 'Try a text against the keyword rules: which match, and what posting it would do (admins only)',
    response: TextCheckResponse,
    problems: [403],
  })
  checkText(@Body() body: CheckTextRequest): Promise<TextCheckResponse> {
    return this.rules.verdict([body.text]);
  }

  @Patch('rules/:ruleId')
  @Endpoint({
    operationId: 'updateKeywordRule',
    summary: "Change a keyword rule's action (admins only)",
    response: KeywordRuleResponse,
    problems: [403, 404],
  })
  async updateRule(
    @CurrentUser() admin: AuthUser,
    @Param('ruleId', ParseIdPipe) ruleId: string,
    @Body() body: UpdateKeywordRuleRequest,
  ): Promise<KeywordRuleResponse> {
    return ruleResponse(await this.rules.update(admin.id, ruleId, body.action));
  }

  @Delete('rules/:ruleId')
  @Endpoint({
    operationId: 'deleteKeywordRule',
    summary: 'Delete a keyword rule (admins only)',
    problems: [403, 404],
  })
  async deleteRule(
    @CurrentUser() admin: AuthUser,
    @Param('ruleId', ParseIdPipe) ruleId: string,
  ): Promise<void> {
    await this.rules.delete(admin.id, ruleId);
  }
}
