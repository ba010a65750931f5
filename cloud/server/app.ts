import cluster from 'node:cluster'
import fs from 'node:fs'
import path from 'node:path'
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import multipart from '@fastify/multipart'
import rateLimit from '@fastify/rate-limit'
import { CONTRACT, type ActionName } from '@/domain/contract'
import { AppError, statusOf } from '@/domain/shared/errors'
import { dispatch } from '../api/dispatch'
import { BODY_LIMIT } from '../api/limits'
import { configFromEnv, createDeps, dbFromEnv, type Deps, type Env, openStore, type Store } from '../compose'
import { MAX_PHOTO_BYTES, readPhoto, TOO_BIG_MESSAGE, uploadPhoto } from '../files'
import { attachmentHeader, readExport } from '../ledger'
import { DEV_LOGIN_LOCAL_ONLY, isLocalRequest } from './devLoginGuard'
import { appErrorOfHttp, clientErrorReply, envelopeOf } from './errors'
import { HTTP_LIMITS, type HttpLimits } from './limits'
import { ClusterRateStore } from './clusterRateLimit'
import { registerSecurityHeaders } from './securityHeaders'

export { BODY_LIMIT }

export interface BuildOptions {
  /** an open store, or the database to open (closed with the server): a SQLite file or a postgres:// URL; default GONGZHI_DB */
  store?: Store
  db?: string
  /** overrides on top of process.env (PORT, GONGZHI_RATE_LIMIT, NODE_ENV, WECHAT_*, …) */
  env?: Env
  deps?: Partial<Omit<Deps, 'store'>>
  /** the built H5 app; default GONGZHI_H5_DIR or dist/h5 (served only when it exists) */
  staticDir?: string
  /** pino level; default from LOG_LEVEL, 'silent' under NODE_ENV=test */
  logLevel?: string
  /** where log lines go (default stdout) */
  logStream?: { write(line: string): void }
  /** timeouts and the connection cap; default HTTP_LIMITS (tests shorten them) */
  limits?: Partial<HttpLimits>
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps
  }
}

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i

/**
 * Casting a ballot is logged without the caller (the contract marks such actions `unattributed`): who voted at
 * what time, beside a copy of the database taken while voting is open, could re-link a voter to a ballot.
 */
function unattributed(action: string | undefined): boolean {
  return !!action && Object.prototype.hasOwnProperty.call(CONTRACT, action) && CONTRACT[action as ActionName].unattributed === true
}

/**
 * The self-hosted door: POST /api → dispatch(), GET /healthz, the H5 app at /.
 * No business logic here: it only turns a bearer token into a caller and an error code into a status.
 */
export async function buildServer(opts: BuildOptions = {}): Promise<FastifyInstance> {
  const config = configFromEnv({ ...process.env, ...opts.env })
  const ownStore = !opts.store
  const store = opts.store ?? (await openStore(opts.db ? dbFromEnv({ GONGZHI_DB: opts.db, GONGZHI_DB_POOL: process.env.GONGZHI_DB_POOL }) : config.db))
  const limits: HttpLimits = { ...HTTP_LIMITS, ...opts.limits }
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    connectionTimeout: limits.idleMs,
    keepAliveTimeout: limits.keepAliveMs,
    requestTimeout: limits.requestMs,
    http: { headersTimeout: limits.headersMs, connectionsCheckingInterval: limits.checkEveryMs },
    // Node's own answer to a request it cannot parse (a bad Content-Length, a header over the limit, a
    // timeout) is replaced by the API's envelope
    clientErrorHandler: clientErrorReply,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // one line per request, written by the onResponse hook below
    logController: new LogController({ disableRequestLogging: true }),
    logger: {
      level: opts.logLevel ?? config.logLevel,
      // never log tokens or bodies: requests are logged by the onResponse hook below, fields chosen by hand
      redact: ['req.headers.authorization', 'headers.authorization'],
      ...(opts.logStream ? { stream: opts.logStream } : {}),
    },
  })
  const deps = await createDeps(store, config, {
    log: { error: (o, m) => app.log.error(o, m), warn: (o, m) => app.log.warn(o, m) },
    ...opts.deps,
  })
  app.server.maxConnections = limits.maxConnections
  app.decorate('deps', deps)
  if (ownStore) app.addHook('onClose', async () => store.close())

  // the caller of a request, from its bearer token; null when absent, malformed, forged or expired
  const callers = new WeakMap<FastifyRequest, string | null>()
  async function callerOf(req: FastifyRequest): Promise<string | null> {
    if (callers.has(req)) return callers.get(req) ?? null
    const m = BEARER.exec(req.headers.authorization ?? '')
    const userId = m?.[1] ? await deps.tokens.verify(m[1]) : null
    callers.set(req, userId)
    return userId
  }
  const actions = new WeakMap<FastifyRequest, string>()

  app.addHook('onResponse', async (req, reply) => {
    const action = actions.get(req)
    req.log.info(
      {
        method: req.method,
        url: req.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        user: unattributed(action) ? undefined : (callers.get(req) ?? undefined),
        action,
      },
      'request',
    )
  })

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const unavailable = store.unavailable(err)
    const { error, unexpected } = unavailable ? { error: new AppError('UNAVAILABLE'), unexpected: false } : appErrorOfHttp(err)
    if (unavailable) req.log.warn({ err }, 'database unavailable')
    if (unexpected) req.log.error({ err }, 'unhandled error')
    const { status, body } = envelopeOf(error)
    void reply.status(status).header('cache-control', 'no-store').send(body)
  })

  app.setNotFoundHandler((_req, reply) => {
    const { status, body } = envelopeOf(new AppError('NOT_FOUND', '页面不存在'))
    void reply.status(status).send(body)
  })

  const staticDir = path.resolve(opts.staticDir ?? config.h5Dir)
  await registerSecurityHeaders(app, staticDir)

  if (config.rateLimit !== 'off') {
    await app.register(rateLimit, {
      global: false,
      max: config.rateLimit,
      timeWindow: 60_000,
      // a worker of GONGZHI_PROCESSES > 1 counts in the primary, so that the limit is per user across processes
      ...(cluster.isWorker ? { store: ClusterRateStore } : {}),
      keyGenerator: async (req) => {
        const userId = await callerOf(req)
        return userId ? `user:${userId}` : `ip:${req.ip}`
      },
      errorResponseBuilder: (_req, ctx) => ({
        statusCode: ctx.statusCode,
        gongzhiCode: 'RATE_LIMITED',
        message: `rate limited, retry in ${ctx.after}`,
      }),
    })
  }

  app.post(
    '/api',
    { config: config.rateLimit === 'off' ? {} : { rateLimit: { max: config.rateLimit, timeWindow: 60_000 } } },
    async (req, reply) => {
      const body = req.body as { action?: unknown } | undefined
      if (body && typeof body.action === 'string') actions.set(req, body.action.slice(0, 64))
      // dev login mints a session of any role: from this machine only, unless the operator said otherwise
      if (body?.action === 'auth.devLogin' && deps.devLogin && !config.devLoginRemote && !isLocalRequest(req.socket.remoteAddress, req.headers)) {
        return replyError(reply, new AppError('FORBIDDEN', DEV_LOGIN_LOCAL_ONLY))
      }
      const userId = await callerOf(req)
      const result = await dispatch(req.body, userId ? { userId } : null, deps)
      void reply.header('cache-control', 'no-store')
      return reply.status(result.ok ? 200 : statusOf(result.error.code)).send(result)
    },
  )

  // photos (issue 4): multipart is parsed only where a handler asks for it (req.parts below)
  await app.register(multipart, {
    limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 12, headerPairs: 50 },
  })

  /** Replies with the API's error envelope for an AppError; anything else goes to the error handler (500). */
  function replyError(reply: FastifyReply, e: unknown) {
    if (!(e instanceof AppError)) throw e
    const { status, body } = envelopeOf(e)
    return reply.status(status).header('cache-control', 'no-store').send(body)
  }

  app.post(
    '/upload',
    { config: config.rateLimit === 'off' ? {} : { rateLimit: { max: config.rateLimit, timeWindow: 60_000 } } },
    async (req, reply) => {
      actions.set(req, 'upload')
      try {
        const { fileId } = await uploadPhoto(deps, await callerOf(req), () => readOnePhoto(req))
        return reply.header('cache-control', 'no-store').send({ ok: true, data: { fileId } })
      } catch (e) {
        return replyError(reply, e)
      }
    },
  )

  // the per-minute limit on every route that does work: photos (a disk read each) and /healthz (a store query)
  const limited: { rateLimit?: { max: number; timeWindow: number } } =
    config.rateLimit === 'off' ? {} : { rateLimit: { max: config.rateLimit, timeWindow: 60_000 } }

  app.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>('/files/:id', { config: limited }, async (req, reply) => {
    try {
      const { mime, bytes } = await readPhoto(deps, req.params.id, req.query.e, req.query.s)
      return reply
        .header('content-type', mime)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=3600')
        .header('content-disposition', 'inline')
        .header('content-security-policy', "default-src 'none'")
        .send(bytes)
    } catch (e) {
      return replyError(reply, e)
    }
  })

  // exported workbooks (台账导出, issue 19): for their exporter only, by a signed short-lived address
  app.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>('/exports/:id', { config: limited }, async (req, reply) => {
    try {
      const file = await readExport(deps, await callerOf(req), req.params.id, req.query.e, req.query.s)
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-length', String(file.bytes))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', attachmentHeader(file.fileName))
        .send(fs.createReadStream(file.path))
    } catch (e) {
      return replyError(reply, e)
    }
  })

  app.get('/healthz', { config: limited }, async (_req, reply) => {
    try {
      await store.ping()
      return { ok: true, db: 'ok' }
    } catch (err) {
      app.log.error({ err }, 'health check failed')
      return reply.status(503).send({ ok: false, db: 'error' })
    }
  })

  if (fs.existsSync(path.join(staticDir, 'index.html'))) {
    // the SPA uses hash routing, so only real files are served; index.html is never cached.
    // Loaded lazily: @fastify/static pulls an ESM-only dependency that jest's CommonJS runtime cannot load,
    // and servers without a built H5 app do not need it.
    const { default: fastifyStatic } = await import('@fastify/static')
    await app.register(fastifyStatic, {
      root: staticDir,
      prefix: '/',
      index: ['index.html'],
      wildcard: true,
      setHeaders: (res, file) => {
        if (file.endsWith('.html')) void res.header('cache-control', 'no-cache')
      },
    })
  } else {
    // checked once at start: `npm start` builds first; after `npm run build:h5` restart the server
    app.get('/', async (_req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(`<!doctype html><meta charset="utf-8"><title>共治</title><p>H5 页面尚未构建：请运行 <code>npm run build:h5</code> 后重启服务（API 在 <code>POST /api</code>）。</p>`),
    )
  }

  return app
}

/**
 * The one image of an upload: the multipart field `file`. The size limit is the parser's (the rest of an
 * oversized file is read and dropped, so the client gets the 413 reply); a second file, another field name
 * or a malformed body is INVALID_INPUT.
 */
async function readOnePhoto(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) throw new AppError('INVALID_INPUT', '请以 multipart/form-data 上传图片（字段名 file）')
  let bytes: Buffer | null = null
  try {
    for await (const part of req.parts()) {
      if (part.type !== 'file') continue
      if (part.fieldname !== 'file') throw new AppError('INVALID_INPUT', '请以字段名 file 上传图片')
      bytes = await part.toBuffer()
    }
  } catch (e) {
    if (e instanceof AppError) throw e
    const code = (e as { code?: unknown }).code
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', TOO_BIG_MESSAGE)
    if (code === 'FST_FILES_LIMIT') throw new AppError('INVALID_INPUT', '一次只能上传一张图片')
    throw new AppError('INVALID_INPUT', '上传的内容格式不正确，请重新选择图片')
  }
  if (!bytes) throw new AppError('INVALID_INPUT', '请选择一张图片')
  return bytes
}
