/**
 * The web build: the same renderer as the Electron app, into dist-web/, with the Engine on Web Workers
 * (the renderer picks that host itself when the preload API is absent). Relative base so the folder
 * can be served from anywhere.
 */
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist-web'),
    emptyOutDir: true,
    target: 'es2022',
    // three.js, React and the core numerics in one chunk is expected for a desktop app.
    chunkSizeWarningLimit: 4096,
  },
  worker: { format: 'es' },
});
