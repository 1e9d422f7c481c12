import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  applyDecorators,
  Body,
  Controller,
  Delete,
  Get,
  Inject,
  Param,
  Patch,
  Post,
  Put,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import {
  ApiExcludeController,
  ApiExtraModels,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthUser } from '../accounts/auth-user';
import { CurrentUser, RequireRole, SessionAuth } from '../accounts/auth.decorators';
import { Endpoint, Problem } from '../common/endpoint.decorator';
import { HOST_CONFIG, type HostConfig, DEFAULT_PLUGINS_DIR } from '../config/config';
import { OpenApiProblemFilter } from '../open-api/open-api-problem';
import { notFound } from '../common/problem';
import { Public } from '../common/public.decorator';
import { iso } from '../common/time';
import { DisablePluginRequest, PluginListResponse, PluginStatusResponse } from './dto/plugins.dto';
import type { PluginHealth } from './plugin-state.repository';
import { type LoadedPlugin, PluginsService } from './plugins.service';

const problemContent = { 'application/problem+json': { schema: { $ref: getSchemaPath(Problem) } } };

/** The documentation of one method of `/apps/{pluginId}/api/{path}`; bodies are the plugin's own JSON. */
function PluginRoute(method: string): MethodDecorator {
  const capitalized = method.charAt(0) + method.slice(1).toLowerCase();
  return applyDecorators(
    ApiExtraModels(Problem),
    ApiOperation({
      operationId: `callPluginRoute${capitalized}`,
      summary: `${method} a route of a built-in plugin (the routes its manifest declares), as the signed-in user`,
    }),
    ApiParam({ name: 'pluginId', example: 'polls' }),
    ApiParam({ name: 'path', description: 'The rest of the path, matched against the manifest routes' }),
    ...[200, 201, 202].map((status) =>
      ApiResponse({
        status,
        description: "The handler's body",
        content: { 'application/json': { schema: {} } },
      }),
    ),
    ApiResponse({ status: 204, description: 'The handler answered without a body' }),
    ...(
      [
        [401, 'Not signed in'],
        [403, 'The user has not installed the plugin'],
        [404, 'No such plugin, or no such route in its manifest'],
        [413, 'The request body is over the plugin limit'],
        [502, 'The plugin failed: it timed out, ran out of memory, crashed or returned an invalid result'],
      ] as const
    ).map(([status, description]) => ApiResponse({ status, description, content: problemContent })),
    ApiResponse({
      status: 503,
      description:
        'The circuit breaker disabled the plugin after repeated failures (plugin_disabled), or another ' +
        'call of the plugin timed out while this one ran, or this one waited too long behind others ' +
        '(plugin_unavailable, with Retry-After)',
      headers: {
        'Retry-After': {
          description: 'Seconds to wait before retrying (plugin_unavailable)',
          schema: { type: 'integer' },
        },
      },
      content: problemContent,
    }),
    ApiResponse({
      status: 'default',
      description: 'A problem the plugin answered with',
      content: problemContent,
    }),
  );
}

/** Plugin routes, called by the plugin's canvas with the user's session. */
@ApiTags('plugins')
@SessionAuth()
@UseFilters(OpenApiProblemFilter)
@Controller('apps/:pluginId/api')
export class PluginRoutesController {
  constructor(private readonly plugins: PluginsService) {}

  @Get('*path')
  @PluginRoute('GET')
  get(@CurrentUser() user: AuthUser, @Req() request: Request, @Res() response: Response): Promise<void> {
    return this.forward(user, request, response);
  }

  @Post('*path')
  @PluginRoute('POST')
  post(@CurrentUser() user: AuthUser, @Req() request: Request, @Res() response: Response): Promise<void> {
    return this.forward(user, request, response);
  }

  @Put('*path')
  @PluginRoute('PUT')
  put(@CurrentUser() user: AuthUser, @Req() request: Request, @Res() response: Response): Promise<void> {
    return this.forward(user, request, response);
  }

  @Patch('*path')
  @PluginRoute('PATCH')
  patch(@CurrentUser() user: AuthUser, @Req() request: Request, @Res() response: Response): Promise<void> {
    return this.forward(user, request, response);
  }

  @Delete('*path')
  @PluginRoute('DELETE')
  delete(@CurrentUser() user: AuthUser, @Req() request: Request, @Res() response: Response): Promise<void> {
    return this.forward(user, request, response);
  }

  private async forward(user: AuthUser, request: Request, response: Response): Promise<void> {
    const pluginId = String(request.params.pluginId);
    const prefix = `/apps/${pluginId}/api`;
    if (!request.path.startsWith(`${prefix}/`)) throw notFound('Plugin');
    const query = Object.fromEntries(
      Object.entries(request.query).map(([name, value]) => [
        name,
        String(Array.isArray(value) ? value[0] : value),
      ]),
    );
    const result = await this.plugins.handleRoute(user.id, pluginId, {
      method: request.method,
      path: request.path.slice(prefix.length),
      query,
      body: request.body,
    });
    response.status(result.status);
    if (result.body === undefined) response.end();
    else response.json(result.body);
  }
}

/**
 * The canvas kit's folder id in `/apps/<id>/`: the CSS and JS every built-in canvas shares
 * (`plugins/shared/ui/`). A plugin id starts with a letter, so none can be `_kit`.
 */
export const CANVAS_KIT_ID = '_kit';

/**
 * A plugin's canvas: `ui/` served as plain files, `/apps/<id>/` being its canvas page, and the canvas
 * kit under `/apps/_kit/`. Public, like any app's canvas page: the page then calls the plugin's routes
 * with the user's session.
 */
@ApiExcludeController()
@Public()
@Controller('apps/:pluginId')
export class PluginCanvasController {
  private readonly kitDir: string;

  constructor(
    private readonly plugins: PluginsService,
    @Inject(HOST_CONFIG) config: HostConfig,
  ) {
    this.kitDir = path.join(config.plugins?.dir ?? DEFAULT_PLUGINS_DIR, 'shared', 'ui');
  }

  @Get()
  async canvas(@Req() request: Request, @Res() response: Response): Promise<void> {
    const plugin = this.plugins.get(String(request.params.pluginId));
    // Relative links in the page resolve against the folder only with the trailing slash.
    if (!request.path.endsWith('/')) {
      const queryAt = request.originalUrl.indexOf('?');
      response.redirect(301, `${request.path}/${queryAt === -1 ? '' : request.originalUrl.slice(queryAt)}`);
      return;
    }
    await sendFile(plugin.package.uiDir, plugin.package.manifest.canvas.slice('ui/'.length), response);
  }

  @Get('*file')
  async file(@Req() request: Request, @Res() response: Response): Promise<void> {
    const pluginId = String(request.params.pluginId);
    const root = pluginId === CANVAS_KIT_ID ? this.kitDir : this.plugins.get(pluginId).package.uiDir;
    const relative = request.path.slice(`/apps/${pluginId}/`.length);
    let decoded: string;
    try {
      decoded = decodeURIComponent(relative);
    } catch {
      throw notFound('File');
    }
    await sendFile(root, decoded, response);
  }
}

/**
 * A file under `root`; anything outside it, hidden, or missing is a 404. Symlinks are followed before the
 * check, so a link in `ui/` to `/etc/passwd` or to `../..` leads nowhere.
 */
async function sendFile(root: string, relative: string, response: Response): Promise<void> {
  const hidden = relative.split(/[\\/]/).some((segment) => segment.startsWith('.'));
  if (hidden) throw notFound('File');
  const [realRoot, file] = await Promise.all([
    realpath(root),
    realpath(path.resolve(root, relative)).catch(() => null),
  ]);
  if (!file?.startsWith(`${realRoot}${path.sep}`)) throw notFound('File');
  const stats = await stat(file).catch(() => null);
  if (!stats?.isFile()) throw notFound('File');
  response.setHeader('Cache-Control', 'no-cache');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.type(path.extname(file) || 'application/octet-stream').send(await readFile(file));
}

function toStatus(plugin: LoadedPlugin, health: PluginHealth): PluginStatusResponse {
  const { manifest } = plugin.package;
  return {
    id: manifest.id,
    name: manifest.name,
    version: manifest.version,
    appId: plugin.appId,
    status: health.disabledAt ? 'disabled' : 'enabled',
    consecutiveFailures: health.consecutiveFailures,
    recentFailures: health.recentFailures,
    lastError: health.lastError,
    lastFailureAt: health.lastFailureAt && iso(health.lastFailureAt),
    disabledAt: health.disabledAt && iso(health.disabledAt),
    disabledBy: health.disabledBy,
    disabledReason: health.disabledReason,
  };
}

@ApiTags('admin')
@SessionAuth()
@Controller('admin/plugins')
export class AdminPluginsController {
  constructor(private readonly plugins: PluginsService) {}

  @Get()
  @RequireRole('admin')
  @Endpoint({
    operationId: 'listPlugins',
    summary: 'Built-in plugins with their circuit breaker: status, recent failures and the last error',
    response: PluginListResponse,
    problems: [403],
  })
  list(): PluginListResponse {
    return { items: this.plugins.list().map(({ plugin, health }) => toStatus(plugin, health)) };
  }

  @Post(':pluginId/enable')
  @RequireRole('admin')
  @Endpoint({
    operationId: 'enablePlugin',
    summary:
      'Enable a disabled plugin (by its circuit breaker or an admin) on every instance; its failure count starts again from zero',
    response: PluginStatusResponse,
    problems: [403, 404],
  })
  async enable(
    @CurrentUser() admin: AuthUser,
    @Param('pluginId') pluginId: string,
  ): Promise<PluginStatusResponse> {
    const health = await this.plugins.enable(admin.id, pluginId);
    return toStatus(this.plugins.get(pluginId), health);
  }

  @Post(':pluginId/disable')
  @RequireRole('admin')
  @Endpoint({
    operationId: 'disablePlugin',
    summary:
      'Take a plugin out of service on every instance at once, with a reason: its routes answer 503 and its events are retried on the outbox schedule. A plugin already disabled stays as it was.',
    response: PluginStatusResponse,
    problems: [400, 403, 404],
  })
  async disable(
    @CurrentUser() admin: AuthUser,
    @Param('pluginId') pluginId: string,
    @Body() body: DisablePluginRequest,
  ): Promise<PluginStatusResponse> {
    const health = await this.plugins.disable(admin.id, pluginId, body.reason.trim());
    return toStatus(this.plugins.get(pluginId), health);
  }
}
