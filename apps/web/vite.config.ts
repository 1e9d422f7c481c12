import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The host the dev server forwards API calls to (`npm start` runs it on 3000). */
const HOST = process.env.KONGJIAN_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    rolldownOptions: {
      treeshake: {
        // antd's input components import one context from @rc-component/form, whose package does not say it
        // is free of side effects, so the whole form library and its validator came along on every page.
        moduleSideEffects: [
          { test: /\/node_modules\/@rc-component\/(form|async-validator)\//, sideEffects: false },
        ],
      },
    },
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
