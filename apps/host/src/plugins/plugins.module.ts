import { Module } from '@nestjs/common';

/** Built-in apps as sandboxed plugins: the supervisor, its worker processes and plugin routes. */
@Module({})
export class PluginsModule {}
