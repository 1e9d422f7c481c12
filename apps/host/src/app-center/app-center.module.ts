import { Module } from '@nestjs/common';

/** The app center: browse, search, install, uninstall, my apps, canvas launch and invites. */
@Module({})
export class AppCenterModule {}
