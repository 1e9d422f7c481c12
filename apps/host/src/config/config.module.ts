import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from '../common/clock';
import { HOST_CONFIG, HostConfig } from './config';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: HostConfig, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: HOST_CONFIG, useValue: config },
        { provide: Clock, useValue: clock },
      ],
      exports: [HOST_CONFIG, Clock],
    };
  }
}
