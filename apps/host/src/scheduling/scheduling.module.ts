import { Module } from '@nestjs/common';
import { TaskLeaseRepository } from './task-lease.repository';

/** Periodic work: the leases that let one instance at a time run a sweep (see PeriodicTask). */
@Module({ providers: [TaskLeaseRepository], exports: [TaskLeaseRepository] })
export class SchedulingModule {}
