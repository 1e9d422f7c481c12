import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The host the dev server forwards API calls to (`npm start` runs it on 3000). */
const HOST = process.env.KONGJIAN_URL ?? 'http://localhost:3000';

export default defineConfig({
  // The host serves the build at /console/ (its files under /console/assets/).
  base: '/console/',
  plugins: [react()],
  build: { outDir: 'dist' },
  server: {
    port: 5174,
    // The console's own pages and source stay here; the API (and the web app's sign-in page) is the host's.
    proxy: {
      '^/(?!console(/|$))': { target: HOST },
    },
  },
});
