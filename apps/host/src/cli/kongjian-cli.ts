import { AccountsService } from '../accounts/accounts.service';
import { LIMITS } from '../common/limits';
import { ConfigError, loadConfig } from '../config/config';
import { DatabaseService } from '../database/database.module';
import { createHost } from '../host';

const USAGE = `Usage: npm run kongjian -- make-admin <username> [<password>]

  make-admin   Gives an existing user the admin role, or creates an admin account
               (a new account needs a password of at least ${LIMITS.passwordMin} characters;
               it can also come from KONGJIAN_ADMIN_PASSWORD so it stays out of shell history).

Uses the same configuration as the host (DATABASE_URL, KONGJIAN_DATA_DIR).`;

async function main(argv: string[]): Promise<number> {
  const [command, username, passwordArg] = argv;
  if (command !== 'make-admin' || !username) {
    console.error(USAGE);
    return 2;
  }
  const password = passwordArg ?? process.env.KONGJIAN_ADMIN_PASSWORD ?? '';
  let config;
  try {
    config = { ...loadConfig(), demoData: false, bootstrapAdmin: undefined };
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const app = await createHost(config, { logger: { level: 'error' } });
  try {
    const accounts = app.get(AccountsService);
    const user = await app.get(DatabaseService).withContext(async () => {
      const existing = await accounts.findByUsername(username).catch(() => undefined);
      if (!existing && password.length < LIMITS.passwordMin) {
        throw new Error(`a new admin account needs a password of at least ${LIMITS.passwordMin} characters`);
      }
      return accounts.ensureAdmin(username, password);
    });
    console.log(`${user.username} is an admin (roles: ${user.roles.join(', ')})`);
    return 0;
  } catch (error) {
    console.error(`make-admin failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await app.close();
  }
}

void main(process.argv.slice(2)).then((code) => process.exit(code));
