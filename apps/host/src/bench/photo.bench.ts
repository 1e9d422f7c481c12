import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { HostProcess } from '@kongjian/testing';
import { positiveInteger } from './load';

/**
 * `npm run bench:photos -w apps/host`: uploads a 12-megapixel JPEG (4000 × 3000, with EXIF)
 * through the real HTTP route of the built host in a child process, which checks it, strips its
 * metadata and writes the original, a web-size copy and a thumbnail. Prints the median time per
 * upload and the host's peak resident memory. Runs on embedded PGlite (in a temporary folder), or
 * with BENCH_DATABASE_URL (an admin connection) on a fresh PostgreSQL database dropped afterwards.
 */

const WIDTH = 4000;
const HEIGHT = 3000;
const WARMUP_UPLOADS = 2;
const UPLOADS = positiveInteger('BENCH_UPLOADS', 9);

/** A photo-like 12 MP JPEG: smooth gradients plus noise, so it compresses like a real photo. */
async function twelveMegapixelJpeg(): Promise<Buffer> {
  const gradient = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
      <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
        <stop offset="0" stop-color="#1e6fd9"/><stop offset="0.5" stop-color="#f2c14e"/><stop offset="1" stop-color="#d9480f"/>
      </linearGradient></defs>
      <rect width="100%" height="100%" fill="url(#g)"/>
      <circle cx="${WIDTH * 0.3}" cy="${HEIGHT * 0.4}" r="${HEIGHT * 0.25}" fill="#ffffff" fill-opacity="0.35"/>
    </svg>`,
  );
  const noise = await sharp({
    create: {
      width: WIDTH,
      height: HEIGHT,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 18 },
    },
  })
    .png()
    .toBuffer();
  return sharp(gradient)
    .composite([{ input: noise, blend: 'soft-light' }])
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'Bench', Model: '12MP' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1' },
    })
    .toBuffer();
}

/** Peak resident memory of a process in MiB (Linux VmHWM), or null where /proc is not available. */
function peakRssMiB(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function rssMiB(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** A fresh database on the admin connection's server, and how to drop it; '' for PGlite. */
async function main(): Promise<void> {
  const jpeg = await twelveMegapixelJpeg();
  const server = process.env.BENCH_DATABASE_URL ?? '';
  const host = await HostProcess.start({}, { server });
  try {
    const pid = host.pid!;
    const idleRss = rssMiB(pid);
    const account = await fetch(`${host.baseUrl}/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: `bench_${Date.now()}`, password: 'bench-password-1' }),
    });
    const { token } = (await account.json()) as { token: string };
    const albumResponse = await fetch(`${host.baseUrl}/albums`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ title: 'bench', privacy: 'public' }),
    });
    const { id: albumId } = (await albumResponse.json()) as { id: string };

    const times: number[] = [];
    for (let run = 0; run < WARMUP_UPLOADS + UPLOADS; run++) {
      const form = new FormData();
      form.append('file', new Blob([jpeg], { type: 'image/jpeg' }), 'bench.jpg');
      const started = performance.now();
      const response = await fetch(`${host.baseUrl}/albums/${albumId}/photos`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      const body = (await response.json()) as { width?: number; detail?: string };
      const elapsed = performance.now() - started;
      if (response.status !== 201)
        throw new Error(`upload failed (${response.status}): ${JSON.stringify(body)}`);
      if (run >= WARMUP_UPLOADS) times.push(elapsed);
    }
    const peak = peakRssMiB(pid);
    console.log(
      JSON.stringify(
        {
          benchmark: 'photo upload + thumbnail + web copy, 12 MP JPEG, through POST /albums/{id}/photos',
          database: server ? 'postgresql' : 'pglite',
          image: { width: WIDTH, height: HEIGHT, bytes: jpeg.length },
          uploads: UPLOADS,
          medianMs: Math.round(median(times)),
          minMs: Math.round(Math.min(...times)),
          maxMs: Math.round(Math.max(...times)),
          hostIdleRssMiB: idleRss === null ? null : Math.round(idleRss),
          hostPeakRssMiB: peak === null ? null : Math.round(peak),
          cpus: os.cpus().length,
          cpuModel: os.cpus()[0]?.model,
          node: process.version,
        },
        null,
        2,
      ),
    );
  } catch (error) {
    console.error(host.recentOutput());
    throw error;
  } finally {
    await host.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
