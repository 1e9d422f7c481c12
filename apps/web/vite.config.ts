import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The host the dev server forwards API calls to (`npm start` runs it on 3000). */
const HOST = process.env.KONGJIAN_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
  },
  server: {
    port: 5173,
    // Everything that is not the app's own source goes to the host; a page navigation stays with the app.
    proxy: {
      '^/(?!@|src/|node_modules/|assets/|favicon)': {
        target: HOST,
        bypass: (request) => (request.headers.accept?.includes('text/html') ? '/index.html' : undefined),
      },
    },
  },
});
