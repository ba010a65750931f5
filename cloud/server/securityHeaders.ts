import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'

/**
 * The inline scripts of the built app's index.html (Taro's H5 build inlines its rem sizing script), as CSP
 * hashes: the app runs under a script-src without 'unsafe-inline', and a rebuild that changes them is picked up
 * at the next start (the server reads the app once at start anyway).
 */
export function inlineScriptHashes(indexHtml: string): string[] {
  const hashes: string[] = []
  for (const m of indexHtml.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(m[1] ?? '') || !m[2]) continue
    hashes.push(`'sha256-${createHash('sha256').update(m[2]).digest('base64')}'`)
  }
  return hashes
}

/**
 * Security headers on every reply (issue 16, finding 5), with @fastify/helmet: a CSP the H5 build works under
 * (scripts from the origin and the index's own inline script by hash; styles may be inline — Taro and NutUI set
 * style attributes; images from the origin, data: and blob: for previews; API calls to the origin, and blob: for the upload), no framing
 * (frame-ancestors 'none', X-Frame-Options DENY), nosniff, no referrer. No upgrade-insecure-requests: the server
 * is also reached over plain HTTP on a LAN during development; HTTPS is the proxy's (README). Routes that set
 * their own CSP (GET /files) keep it.
 */
export async function registerSecurityHeaders(app: FastifyInstance, staticDir: string): Promise<void> {
  const index = path.join(staticDir, 'index.html')
  const inline = fs.existsSync(index) ? inlineScriptHashes(fs.readFileSync(index, 'utf8')) : []
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inline],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        // blob: — Taro's H5 uploadFile reads the compressed photo (a blob: URL) with an XHR before sending it
        connectSrc: ["'self'", 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  })
}
