import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Where photo files (and app icons) live, by key. The default writes under the data folder; an S3-compatible
 * implementation can replace it (bind another class to this token in the albums module).
 */
export abstract class PhotoStorage {
  abstract put(key: string, data: Buffer): Promise<void>;
  /** The file, or null when there is none. */
  abstract get(key: string): Promise<Buffer | null>;
  /** Deleting a missing file is not an error. */
  abstract delete(key: string): Promise<void>;
}

/** A photo's sizes, or an app's icon (`<appId>/icon`): ids are UUIDs, so the two never meet. */
const KEY = /^[0-9a-f-]{36}\/(original|web|thumb|icon)$/;

/** Files under one folder (`<dataDir>/photos` by default), written atomically (temp file + rename). */
export class LocalPhotoStorage extends PhotoStorage {
  readonly root: string;

  /** Without a folder (tests, generators) a fresh temporary folder is used. */
  constructor(root: string | undefined) {
    super();
    this.root =
      root ?? path.join(os.tmpdir(), `kongjian-photos-${process.pid}-${randomBytes(4).toString('hex')}`);
  }

  private file(key: string): string {
    // Keys are made by the albums and apps services; refusing anything else keeps paths inside the root.
    if (!KEY.test(key)) throw new Error(`invalid storage key ${key}`);
    return path.join(this.root, key);
  }

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temp, data);
    await rename(temp, file);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.file(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.file(key);
    await rm(file, { force: true });
    // The photo's folder goes when its last file does (rmdir refuses a folder that is not empty).
    await rmdir(path.dirname(file)).catch(() => undefined);
  }
}
