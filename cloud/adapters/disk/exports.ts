import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import type { ExportFiles, ExportMeta } from '../../ledger/ports'

const ID = /^[A-Za-z0-9_-]{1,64}$/

/**
 * Exported workbooks as files in a folder (the self-hosted server's data directory, `exports`): `<id>.xlsx` written
 * through a `.part` file and renamed when complete, beside `<id>.json` (its exporter, Chinese name and time). A
 * reader never sees half a file; sweep removes those created before the time it is given (by their
 * recorded time, the clock the use cases use).
 */
export function diskExports(root: string): ExportFiles & { root: string } {
  const base = path.resolve(root)
  const fileOf = (id: string, ext: string) => {
    if (!ID.test(id)) throw new Error(`invalid export id: ${JSON.stringify(id)}`)
    return path.join(base, `${id}${ext}`)
  }
  return {
    root: base,
    async create(id, meta) {
      await fsp.mkdir(base, { recursive: true })
      const part = fileOf(id, '.xlsx.part')
      const stream = fs.createWriteStream(part, { flags: 'wx' })
      return {
        id,
        stream,
        async finish() {
          const { size } = await fsp.stat(part)
          await fsp.writeFile(fileOf(id, '.json'), JSON.stringify(meta))
          await fsp.rename(part, fileOf(id, '.xlsx'))
          return size
        },
        async abort() {
          stream.destroy()
          await fsp.rm(part, { force: true })
        },
      }
    },
    async open(id) {
      if (!ID.test(id)) return null
      try {
        const meta = JSON.parse(await fsp.readFile(fileOf(id, '.json'), 'utf8')) as ExportMeta
        const file = fileOf(id, '.xlsx')
        const { size } = await fsp.stat(file)
        return { meta, path: file, bytes: size }
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw e
      }
    },
    async sweep(before) {
      let names: string[]
      try {
        names = await fsp.readdir(base)
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0
        throw e
      }
      let removed = 0
      for (const name of names) {
        // a half-written file of an export that died: by the file's own time
        if (/^[A-Za-z0-9_-]{1,64}\.xlsx\.part$/.test(name)) {
          const stat = await fsp.stat(path.join(base, name)).catch(() => null)
          if (stat && stat.mtimeMs < Date.parse(before)) await fsp.rm(path.join(base, name), { force: true })
          continue
        }
        const m = /^([A-Za-z0-9_-]{1,64})\.json$/.exec(name)
        if (!m) continue
        const meta = await fsp
          .readFile(path.join(base, name), 'utf8')
          .then((t) => JSON.parse(t) as ExportMeta)
          .catch(() => null)
        if (meta && meta.createdAt >= before) continue
        for (const ext of ['.xlsx', '.xlsx.part', '.json']) await fsp.rm(fileOf(m[1]!, ext), { force: true })
        removed++
      }
      return removed
    },
  }
}
