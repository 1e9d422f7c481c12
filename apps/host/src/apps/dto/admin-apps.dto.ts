import { PageInfo } from '../../common/pagination';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { AppStatus } from '../registered-app';
import { APP_STATUSES, AppResponse } from './app.dto';
import { AppStatusChangeResponse, AppVersionResponse } from './app-version.dto';

export class SubmittedVersionResponse {
  @ApiProperty({ type: AppResponse }) app!: AppResponse;
  @ApiProperty({ type: AppVersionResponse }) version!: AppVersionResponse;
}

export class SubmittedVersionListResponse extends PageInfo {
  @ApiProperty({ type: [SubmittedVersionResponse] }) items!: SubmittedVersionResponse[];
}

export class AdminAppResponse {
  @ApiProperty({ type: AppResponse }) app!: AppResponse;
  @ApiProperty({ type: [AppVersionResponse], description: 'Newest first' }) versions!: AppVersionResponse[];
  @ApiProperty({ type: [AppStatusChangeResponse] }) history!: AppStatusChangeResponse[];
}

export class AdminAppQuery {
  @ApiPropertyOptional({ enum: APP_STATUSES })
  @IsOptional()
  @IsIn(APP_STATUSES)
  status?: AppStatus;
}
