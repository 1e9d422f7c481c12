import { ApiProperty } from '@nestjs/swagger';
import { ScopeResponse } from './app.dto';

/** An app as a user who authorized it sees it. */
export class AuthorizedAppResponse {
  @ApiProperty({ format: 'uuid' }) appId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) iconUrl!: string | null;
  @ApiProperty({ description: "The developer's name" }) developerName!: string;
  @ApiProperty({ type: [ScopeResponse], description: 'What the user allowed it' }) scopes!: ScopeResponse[];
  @ApiProperty({ format: 'date-time' }) authorizedAt!: string;
}

export class AuthorizedAppListResponse {
  @ApiProperty({ type: [AuthorizedAppResponse] }) items!: AuthorizedAppResponse[];
}
