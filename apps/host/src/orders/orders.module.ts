import { Module } from '@nestjs/common';

/** Orders: coins charged through apps, confirmed by users, delivered by apps. */
@Module({})
export class OrdersModule {}
