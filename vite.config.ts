import preact from '@preact/preset-vite'
import { defineConfig, minifySync, type Plugin } from 'vite'
import { VitePWA, type ManifestOptions } from 'vite-plugin-pwa'

/**
 * Build-time prerender: the worker's form is rendered into index.html (so it shows before any
 * script arrives), and the entry CSS is inlined (one round trip to a styled form).
 */
function prerenderForm(): Plugin {
  return {
    name: 'yj-prerender-form',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        const { createServer } = await import('vite')
        const server = await createServer({
          configFile: false,
          root: 'client',
          logLevel: 'error',
          plugins: [preact()],
          server: { middlewareMode: true, hmr: false, ws: false },
          appType: 'custom',
        })
        try {
          const { earlyDraftScript, renderWorkerApp } = (await server.ssrLoadModule('/prerender.tsx')) as typeof import('./client/prerender')
          // The inline script rides in every first response: minified like the bundles.
          const early = minifySync('early-draft.js', earlyDraftScript())
          if (early.errors.length) throw new Error(`early-draft script: ${early.errors.map((e) => e.message).join('; ')}`)
          html = html.replace('<!--app-html-->', renderWorkerApp()).replace('<!--early-draft-->', () => `<script>${early.code.trim()}</script>`)
        } finally {
          await server.close()
        }
        for (const [fileName, asset] of Object.entries(ctx.bundle ?? {})) {
          if (asset.type !== 'asset' || !fileName.endsWith('.css')) continue
          const link = new RegExp(`<link rel="stylesheet"[^>]*href="/${fileName.replace(/[.]/g, '\\.')}"[^>]*>`)
          if (!link.test(html)) continue
          // The file stays too: a chunk loaded from another lazy chunk (the photo strip) lists it
          // among the CSS its import waits for, and a missing file would fail that import.
          html = html.replace(link, () => `<style>${String(asset.source).trim()}</style>`)
        }
        return html
      },
    },
  }
}

/** The installed app: Chinese name, standalone, opening on the form (the last QR place is remembered). */
const manifest: Partial<ManifestOptions> = {
  id: '/',
  name: '有意见码上提',
  short_name: '码上提',
  description: '扫码提意见：离线也能提交，工会跟踪办理并答复。',
  lang: 'zh-CN',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'portrait',
  background_color: '#f6f4f2',
  theme_color: '#b3261e',
  categories: ['productivity', 'business'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
}

export default defineConfig({
  root: 'client',
  publicDir: 'public',
  plugins: [
    preact(),
    prerenderForm(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: '.',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest,
      injectManifest: {
        globPatterns: ['**/*.{html,js,css,png,svg,webmanifest}'],
        // The dashboard's charts (ECharts) are for the union's officers online, never worth a
        // worker's phone downloading them with the app.
        globIgnores: ['**/dashboard-charts-*.js'],
        rollupFormat: 'iife',
      },
    }),
  ],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2020',
    modulePreload: {
      polyfill: false,
      // The bundler's shared helpers get their own chunk once ECharts needs them too; naming it in
      // the form's preload list would add bytes to the worker's first visit for nothing (the
      // chunks that use it import it themselves).
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'js' ? deps.filter((d) => !/rolldown-runtime/.test(d)) : deps),
    },
    // The prerender step starts a Vite server of its own, which the bundler reports as a slow
    // plugin on every build: noise in `npm start`'s log, not a problem to fix.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
})
