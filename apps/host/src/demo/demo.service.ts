import { Injectable, Logger } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import type { User } from '../accounts/user.entity';
import { AlbumsService } from '../albums/albums.service';
import { PhotosService } from '../albums/photos.service';
import { AppCenterService } from '../app-center/app-center.service';
import { AppDevelopersService } from '../apps/app-developers.service';
import { AppReviewService } from '../apps/app-review.service';
import { AppVersionsService } from '../apps/app-versions.service';
import { AppsService } from '../apps/apps.service';
import { MetaRepository } from '../database/meta.repository';
import { CoinsService } from '../economy/coins.service';
import { ShopService } from '../economy/shop.service';
import { VipService } from '../economy/vip.service';
import { FriendGroupsService } from '../friends/friend-groups.service';
import { FriendRequestsService } from '../friends/friend-requests.service';
import { PostsService } from '../posts/posts.service';
import { SpacesService } from '../spaces/spaces.service';
import { loadSharp } from '../images/sharp';

/** Every demo account signs in with this password; it is printed at start. */
export const DEMO_PASSWORD = 'kongjian-demo';
const SEEDED_KEY = 'demo_seeded';
const DEMO_APP_KEY = 'demo_app';
const DEMO_PLUGIN_INSTALLS_KEY = 'demo_plugin_installs';

/** The built-in plugins every demo person has installed, so their canvases open straight from "my apps". */
const DEMO_PLUGINS = ['gifts', 'polls', 'farm'];

/** Where examples/lucky-draw listens by default; loopback, so any port works too (RFC 8252). */
export const DEMO_APP_REDIRECT_URIS = ['http://127.0.0.1:4000/callback', 'http://localhost:4000/callback'];

export interface DemoAppCredentials {
  clientId: string;
  clientSecret: string;
}

const PEOPLE = [
  { username: 'xiaoming', nickname: '小明', signature: '每天都是新的一天', location: '北京', gender: 'male' },
  { username: 'xiaohong', nickname: '小红', signature: '喜欢摄影和旅行', location: '上海', gender: 'female' },
  {
    username: 'lilei',
    nickname: '李雷',
    signature: 'How are you? Fine, thank you.',
    location: '广州',
    gender: 'male',
  },
  {
    username: 'hanmeimei',
    nickname: '韩梅梅',
    signature: '读书、跑步、做饭',
    location: '杭州',
    gender: 'female',
  },
  { username: 'zhangwei', nickname: '张伟', signature: '程序员，不修电脑', location: '深圳', gender: 'male' },
] as const;

/**
 * Seeds a small living platform on first start: people with profiles, friendships and groups, and
 * posts of every privacy level with comments, likes, a repost, board messages and visits.
 * It goes through the same services as the API, so demo data obeys every rule real data does.
 */
@Injectable()
export class DemoService {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly meta: MetaRepository,
    private readonly accounts: AccountsService,
    private readonly friendRequests: FriendRequestsService,
    private readonly friendGroups: FriendGroupsService,
    private readonly posts: PostsService,
    private readonly spaces: SpacesService,
    private readonly coins: CoinsService,
    private readonly vip: VipService,
    private readonly shop: ShopService,
    private readonly albums: AlbumsService,
    private readonly photos: PhotosService,
    private readonly apps: AppsService,
    private readonly developers: AppDevelopersService,
    private readonly versions: AppVersionsService,
    private readonly review: AppReviewService,
    private readonly appCenter: AppCenterService,
  ) {}

  /** Seeds once, into an installation without users; later starts and non-empty databases are left alone. */
  async seedIfEmpty(): Promise<void> {
    if ((await this.seeded()) || (await this.accounts.hasPeople())) return;
    await this.seed();
    await this.meta.add(SEEDED_KEY, { at: new Date().toISOString() });
    this.logger.log({
      message: `demo data seeded: sign in as ${PEOPLE.map((person) => person.username).join(', ')} with password "${DEMO_PASSWORD}"`,
    });
  }

  /**
   * The demo third-party app (examples/lucky-draw), registered by the demo developer zhangwei and
   * approved. Its credentials are kept so every start can print them: like the demo password they are
   * demo data, not secrets. Only installations that were seeded with demo people get it.
   */
  async ensureDemoApp(): Promise<DemoAppCredentials | null> {
    const existing = await this.meta.get<DemoAppCredentials>(DEMO_APP_KEY);
    if (existing) return existing;
    if (!(await this.seeded())) return null;
    const developer = await this.accounts.findByUsername('zhangwei');
    await this.developers.registerDeveloper(developer.id);
    const { app, clientSecret } = await this.developers.create(
      developer.id,
      {
        name: 'Lucky Draw 幸运抽奖',
        description: 'Draws a random friend who also plays, and tells everyone in a story.',
        iconUrl: null,
        category: 'games',
        redirectUris: DEMO_APP_REDIRECT_URIS,
        scopes: ['profile:read', 'friends:read', 'feed:write', 'storage'],
        optionalScopes: ['storage'],
        events: [],
        canvasUrl: null,
        webhookUrl: null,
        versionName: '1.0.0',
      },
      'confidential',
    );
    await this.versions.developerMove(developer.id, app.id, 1, 'submit');
    await this.review.review(null, app.id, 1, 'approve', 'Demo app, approved by the demo seed');
    await this.versions.developerMove(developer.id, app.id, 1, 'publish');
    const credentials: DemoAppCredentials = { clientId: app.clientId, clientSecret: clientSecret! };
    await this.meta.add(DEMO_APP_KEY, credentials);
    return credentials;
  }

  /**
   * Installs the built-in plugins for every demo person, once per plugin: a plugin that was not running
   * at an earlier start (or is new) is installed at the first start that has it.
   */
  async ensureDemoPluginInstalls(): Promise<void> {
    if (!(await this.seeded())) return;
    const done = new Set((await this.meta.get<string[]>(DEMO_PLUGIN_INSTALLS_KEY)) ?? []);
    for (const pluginId of DEMO_PLUGINS.filter((id) => !done.has(id))) {
      const app = await this.apps.findByPluginId(pluginId);
      if (!app) continue;
      for (const person of PEOPLE) {
        const user = await this.accounts.findByUsername(person.username);
        await this.appCenter.install(user.id, app.id, []);
      }
      done.add(pluginId);
    }
    await this.meta.put(DEMO_PLUGIN_INSTALLS_KEY, [...done]);
  }

  private async seeded(): Promise<boolean> {
    return (await this.meta.get(SEEDED_KEY)) !== undefined;
  }

  /** Prints how to run examples/lucky-draw against this host, on every start with demo data. */
  async announceDemoApp(publicUrl: string): Promise<void> {
    const credentials = await this.ensureDemoApp();
    if (!credentials) return;
    this.logger.log({
      message:
        `demo app "Lucky Draw": client_id ${credentials.clientId}, client_secret ${credentials.clientSecret}; ` +
        `run it with KONGJIAN_URL=${publicUrl} CLIENT_ID=${credentials.clientId} ` +
        `CLIENT_SECRET=${credentials.clientSecret} npm start -w examples/lucky-draw`,
    });
  }

  private async seed(): Promise<void> {
    const users: Record<string, User> = {};
    for (const person of PEOPLE) {
      const user = await this.accounts.createUser(person.username, DEMO_PASSWORD, ['user']);
      users[person.username] = user;
      await this.spaces.updateProfile(user.id, {
        nickname: person.nickname,
        signature: person.signature,
        location: person.location,
        gender: person.gender,
      });
    }
    const { xiaoming, xiaohong, lilei, hanmeimei, zhangwei } = users;
    await this.spaces.updateDecoration(xiaohong.id, { themeId: 'sakura', boardAccess: 'everyone' });

    for (const [a, b] of [
      [xiaoming, xiaohong],
      [xiaoming, lilei],
      [xiaoming, hanmeimei],
      [lilei, hanmeimei],
      [xiaohong, hanmeimei],
    ]) {
      const request = await this.friendRequests.sendRequest(a.id, b.id, '我们是同学，加个好友吧');
      await this.friendRequests.accept(b.id, request.id);
    }
    await this.friendRequests.sendRequest(zhangwei.id, xiaoming.id, '你好，我是张伟');

    const classmates = await this.friendGroups.createGroup(xiaoming.id, '同学');
    await this.friendGroups.addMember(xiaoming.id, classmates.id, lilei.id);
    await this.friendGroups.addMember(xiaoming.id, classmates.id, hanmeimei.id);
    const family = await this.friendGroups.createGroup(xiaoming.id, '家人');
    await this.friendGroups.addMember(xiaoming.id, family.id, xiaohong.id);

    const hello = await this.posts.createMood(xiaoming.id, '大家好，这是我在空间的第一条说说！', {
      privacy: 'public',
    });
    await this.posts.createMood(xiaoming.id, '周末一起去爬山吗？', { privacy: 'friends' });
    await this.posts.createMood(xiaoming.id, '明天的班会别忘了带作业。', {
      privacy: 'groups',
      groupIds: [classmates.id],
    });
    await this.posts.createMood(xiaoming.id, '今天有点累，早点睡。', { privacy: 'private' });
    const trip = await this.posts.createBlog(
      xiaohong.id,
      '西湖游记',
      '<h2>第一天</h2><p>早上坐高铁到了<b>杭州</b>，湖边的柳树真美。</p><p>推荐：<a href="https://en.wikipedia.org/wiki/West_Lake">西湖</a></p>',
      { privacy: 'public' },
    );
    await this.posts.createMood(lilei.id, '新买的篮球到了 🏀', { privacy: 'friends' });
    await this.posts.createMood(hanmeimei.id, '读完了《平凡的世界》，推荐给大家。', { privacy: 'public' });
    await this.posts.createMood(zhangwei.id, '代码写完了，测试全绿。', { privacy: 'public' });

    const comment = await this.posts.addComment(xiaohong.id, hello.id, '欢迎欢迎！', undefined);
    await this.posts.addComment(xiaoming.id, hello.id, '谢谢小红～', comment.id);
    await this.posts.addComment(hanmeimei.id, trip.id, '照片呢？想看！', undefined);
    await this.posts.like(lilei.id, hello.id);
    await this.posts.like(hanmeimei.id, hello.id);
    await this.posts.like(xiaoming.id, trip.id);
    await this.posts.repost(xiaoming.id, trip.id, '写得真好，下次一起去', { privacy: 'public' });

    await this.spaces.leaveMessage(lilei.id, xiaoming.id, '明天打球记得叫我！');
    await this.spaces.leaveMessage(zhangwei.id, xiaohong.id, '路过，踩一踩～');
    await this.spaces.view(hanmeimei.id, xiaoming.id);
    await this.spaces.view(xiaohong.id, xiaoming.id);

    await this.seedEconomy(xiaoming, xiaohong, lilei);
    await this.seedAlbums(xiaoming, xiaohong);
  }

  /** Two albums and a mood with photos, the images drawn here (gradients and shapes, no text). */
  private async seedAlbums(xiaoming: User, xiaohong: User): Promise<void> {
    const lake = await this.albums.createAlbum(xiaohong.id, {
      title: '西湖',
      description: '杭州三日',
      privacy: 'public',
    });
    for (const [index, colors] of [
      ['#5b8def', '#b5e3f5', '#2f6f4f'],
      ['#f6a04d', '#fde6b8', '#8c3b1f'],
      ['#7b5ea7', '#f0c9e4', '#274060'],
    ].entries()) {
      await this.photos.upload(xiaohong.id, lake, await demoImage(colors, index), {
        title: `西湖 ${index + 1}`,
      });
    }
    const court = await this.albums.createAlbum(xiaoming.id, { title: '篮球', privacy: 'friends' });
    await this.photos.upload(xiaoming.id, court, await demoImage(['#e85d04', '#ffe8d6', '#370617'], 3), {});
    const photoIds: string[] = [];
    for (const index of [4, 5]) {
      photoIds.push(
        await this.photos.upload(
          xiaohong.id,
          null,
          await demoImage(['#2a9d8f', '#e9c46a', '#264653'], index),
          {},
        ),
      );
    }
    await this.posts.createMood(xiaohong.id, '今天的晚霞 🌇', { privacy: 'public' }, photoIds);
  }

  /** Coins for two people, a yellow-diamond member with a premium theme, an owned theme, a transfer. */
  private async seedEconomy(xiaoming: User, xiaohong: User, lilei: User): Promise<void> {
    const grant = (user: User, amount: number) =>
      this.coins.seed(user.id, { amount, idempotencyKey: 'demo-grant', memo: 'Demo coins' });
    await grant(xiaoming, 1000);
    await grant(xiaohong, 2000);
    await this.vip.purchase(xiaohong.id, 3, 'demo-vip');
    const items = await this.shop.catalog(xiaohong.id);
    const itemId = (code: string) => items.find((item) => item.code === code)!.id;
    await this.shop.purchase(xiaohong.id, itemId('golden-dragon'), 'demo-theme');
    await this.spaces.updateDecoration(xiaohong.id, { themeId: 'golden-dragon' });
    await this.shop.purchase(xiaoming.id, itemId('jade-garden'), 'demo-theme');
    await this.shop.purchase(xiaoming.id, itemId('moonlight'), 'demo-music');
    await this.spaces.updateDecoration(xiaoming.id, { themeId: 'jade-garden' });
    await this.coins.transfer(xiaoming.id, lilei.id, {
      amount: 50,
      idempotencyKey: 'demo-transfer',
      memo: '请你喝奶茶',
    });
  }
}

/** A demo photo: a diagonal gradient with a few soft circles, placed by `seed`. */
async function demoImage([from, to, accent]: string[], seed: number): Promise<Buffer> {
  const circles = [0, 1, 2]
    .map((n) => {
      const x = 120 + ((seed * 211 + n * 257) % 560);
      const y = 100 + ((seed * 137 + n * 173) % 400);
      return `<circle cx="${x}" cy="${y}" r="${60 + n * 30}" fill="${accent}" fill-opacity="0.35"/>`;
    })
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
    <rect width="800" height="600" fill="url(#g)"/>${circles}</svg>`;
  const sharp = await loadSharp();
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}
