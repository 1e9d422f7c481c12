import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { LIMITS } from '../../common/limits';
import { PageInfo, PageQuery } from '../../common/pagination';
import { STORAGE_KEY, STORAGE_KEY_RULE } from '../storage-params';
import { JSON_VALUE_SCHEMA, StorageItem } from './open-api.dto';

/** Header-sized: an ETag list is a few quoted UUIDs. */
const PRECONDITION_MAX = 1000;

export class AppWideStorageQuery extends PageQuery {
  @ApiPropertyOptional({
    maxLength: 128,
    pattern: '^[A-Za-z0-9._:-]{0,128}$',
    description: 'Only keys that start with this',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{0,128}$/, { message: 'prefix may hold only the characters of a key' })
  prefix?: string;
}

export class ListedStorageItem extends StorageItem {
  @ApiProperty({ description: 'The ETag to send as If-Match to change exactly this version' })
  etag!: string;
}

export class StorageItemPage extends PageInfo {
  @ApiProperty({ type: [ListedStorageItem], description: 'In key order' }) items!: ListedStorageItem[];
}

export const STORAGE_BATCH_OPS = ['put', 'delete'] as const;

export class StorageBatchOperation {
  @ApiProperty({ pattern: STORAGE_KEY.source, maxLength: 128 })
  @IsString()
  @Matches(STORAGE_KEY, { message: `key must be ${STORAGE_KEY_RULE}` })
  key!: string;

  @ApiProperty({ enum: STORAGE_BATCH_OPS })
  @IsIn(STORAGE_BATCH_OPS)
  op!: 'put' | 'delete';

  @ApiPropertyOptional({
    ...JSON_VALUE_SCHEMA,
    description: `The value of a put (required there, refused for a delete); at most ${LIMITS.storageValueBytes} bytes serialized`,
  })
  @ValidateBy({
    name: 'valueFitsOp',
    validator: {
      validate: (value: unknown, args) =>
        (args?.object as StorageBatchOperation).op === 'put' ? value !== undefined : value === undefined,
      defaultMessage: () => 'value is required for a put and not allowed for a delete',
    },
  })
  value?: unknown;

  @ApiPropertyOptional({ maxLength: PRECONDITION_MAX, description: 'As the If-Match header' })
  @IsOptional()
  @IsString()
  @MaxLength(PRECONDITION_MAX)
  ifMatch?: string;

  @ApiPropertyOptional({
    maxLength: PRECONDITION_MAX,
    description: 'As the If-None-Match header (`*`: create only)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(PRECONDITION_MAX)
  ifNoneMatch?: string;
}

export class StorageBatchRequest {
  @ApiProperty({
    type: [StorageBatchOperation],
    minItems: 1,
    maxItems: LIMITS.storageBatchOperationsMax,
    description: 'Applied in order, all or none; each key at most once',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMITS.storageBatchOperationsMax)
  @ValidateNested({ each: true })
  @Type(() => StorageBatchOperation)
  operations!: StorageBatchOperation[];
}

export class StorageBatchResult {
  @ApiProperty() key!: string;
  @ApiProperty({ enum: STORAGE_BATCH_OPS }) op!: 'put' | 'delete';
  @ApiProperty({ type: String, nullable: true, description: 'The new ETag of a put; null after a delete' })
  etag!: string | null;
}

export class StorageBatchResponse {
  @ApiProperty({ type: [StorageBatchResult] }) results!: StorageBatchResult[];
}
