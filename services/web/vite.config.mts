import { defineConfig } from 'vite';

/** `npm run dev -w @parley/web` serves the app with the API of a gateway on :45000 (`npm start`). */
const gateway = process.env.PARLEY_GATEWAY_URL ?? 'http://127.0.0.1:45000';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
  server: {
    proxy: {
      '/api': gateway,
      '/uploads': gateway,
      '/socket.io': { target: gateway, ws: true },
    },
  },
});
