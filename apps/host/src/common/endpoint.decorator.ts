import { applyDecorators, HttpCode, HttpStatus, Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';

class ProblemFieldError {
  @ApiProperty() field!: string;
  @ApiProperty() message!: string;
}

/** RFC 9457 problem details, as every error of the host is reported. */
export class Problem {
  @ApiProperty({ example: 'urn:kongjian:problem:not_found' }) type!: string;
  @ApiProperty() title!: string;
  @ApiProperty() status!: number;
  @ApiProperty({ description: 'Stable machine-readable error code' }) code!: string;
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional() instance?: string;
  @ApiPropertyOptional({ type: [ProblemFieldError] }) errors?: ProblemFieldError[];
}

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is not valid',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found, or not visible to the viewer',
  409: 'Conflicts with the current state',
  422: 'The content cannot be published',
  429: 'Too many attempts',
};

export interface EndpointOptions {
  /** Stable, descriptive operation id: SDK method names come from it. */
  operationId: string;
  summary: string;
  /** The response body type; omitted for 204 responses. */
  response?: Type<unknown>;
  status?: HttpStatus;
  /** Error statuses this operation documents besides 400 (always possible) and 401. */
  problems?: number[];
  /** What a problem status means for this operation, where the shared wording would mislead. */
  problemDescriptions?: Record<number, string>;
  /**
   * A success body that is not JSON (e.g. `text/event-stream`), documented as text of that media
   * type; the route writes it itself.
   */
  stream?: { mediaType: string; description: string };
}

/** OpenAPI documentation and status code of one route, in one decorator. */
export function Endpoint(options: EndpointOptions): MethodDecorator {
  const status =
    options.status ?? (options.response || options.stream ? HttpStatus.OK : HttpStatus.NO_CONTENT);
  const problems = [...new Set([400, 401, ...(options.problems ?? [])])].sort();
  return applyDecorators(
    ApiExtraModels(Problem),
    ApiOperation({ operationId: options.operationId, summary: options.summary }),
    HttpCode(status),
    options.stream
      ? ApiResponse({
          status,
          description: options.stream.description,
          content: { [options.stream.mediaType]: { schema: { type: 'string' } } },
        })
      : options.response
        ? ApiResponse({ status, type: options.response, description: 'Success' })
        : ApiResponse({ status, description: 'Done' }),
    ...problems.map((problemStatus) =>
      ApiResponse({
        status: problemStatus,
        description:
          options.problemDescriptions?.[problemStatus] ?? PROBLEM_DESCRIPTIONS[problemStatus] ?? 'Error',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(Problem) } } },
      }),
    ),
  );
}
