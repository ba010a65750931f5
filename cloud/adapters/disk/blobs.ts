import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { BlobStorage } from '../../files/ports'

/** Keys are relative paths of plain segments (`ab/<id>.jpg`): no `..`, no absolute paths, no odd bytes. */
const KEY = /^[A-Za-z0-9_-]{1,64}(\/[A-Za-z0-9_-]{1,64})*\.[a-z0-9]{1,8}$/

export function isBlobKey(key: string): boolean {
  return KEY.test(key)
}

/**
 * Blobs as files in a folder (the self-hosted server's uploads). A write goes to a temp file in the same
 * folder, is fsynced, then renamed over the final name and the folder fsynced: a reader never sees half a
 * file, and an acknowledged upload survives a power cut. The folder is created on the first write.
 */
export function diskBlobs(root: string): BlobStorage & { root: string } {
  const base = path.resolve(root)
  const fileOf = (key: string) => {
    if (!isBlobKey(key)) throw new Error(`invalid blob key: ${JSON.stringify(key)}`)
    return path.join(base, ...key.split('/'))
  }
  return {
    root: base,
    async put(key, bytes) {
      const final = fileOf(key)
      const dir = path.dirname(final)
      await fs.mkdir(dir, { recursive: true })
      const tmp = path.join(dir, `.${path.basename(final)}.${randomBytes(6).toString('hex')}.tmp`)
      try {
        const fh = await fs.open(tmp, 'wx', 0o640)
        try {
          await fh.writeFile(bytes)
          await fh.sync()
        } finally {
          await fh.close()
        }
        await fs.rename(tmp, final)
      } catch (err) {
        await fs.rm(tmp, { force: true })
        throw err
      }
      await syncDir(dir)
    },
    async read(key) {
      try {
        return await fs.readFile(fileOf(key))
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw err
      }
    },
    async remove(key) {
      // force: a blob already gone is fine
      await fs.rm(fileOf(key), { force: true })
    },
    async *list() {
      // the folders put() makes hold blobs and temp files; anything else (not named like either) is not ours
      for (const rel of await walk(base)) {
        const name = path.posix.basename(rel)
        const leftover = TEMP.test(name)
        if (!leftover && !isBlobKey(rel)) continue
        let stat
        try {
          stat = await fs.stat(path.join(base, ...rel.split('/')))
        } catch {
          continue // gone meanwhile
        }
        yield { key: rel, leftover, modifiedAt: stat.mtime }
      }
    },
    async removeLeftover(rel) {
      if (!TEMP.test(path.posix.basename(rel)) || rel.split('/').some((p) => p === '..' || p === '')) {
        throw new Error(`not a leftover: ${JSON.stringify(rel)}`)
      }
      await fs.rm(path.join(base, ...rel.split('/')), { force: true })
    },
  }
}

/** put()'s temp files: `.<final name>.<12 hex>.tmp` */
const TEMP = /^\.[A-Za-z0-9_-]{1,64}\.[a-z0-9]{1,8}\.[0-9a-f]{12}\.tmp$/

/** Files under `dir` as relative paths with `/` (none when the folder does not exist yet). */
async function walk(dir: string, prefix = ''): Promise<string[]> {
  let entries
  try {
    entries = await fs.readdir(dir, { withFileTypes: true })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw err
  }
  const out: string[] = []
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name
    if (e.isDirectory()) out.push(...(await walk(path.join(dir, e.name), rel)))
    else if (e.isFile()) out.push(rel)
  }
  return out
}

/** fsync of the folder makes the rename durable; some file systems refuse it (then the rename stands as is). */
async function syncDir(dir: string): Promise<void> {
  let fh: fs.FileHandle | null = null
  try {
    fh = await fs.open(dir, 'r')
    await fh.sync()
  } catch {
    // EISDIR / EPERM / EINVAL on platforms without directory fsync
  } finally {
    await fh?.close()
  }
}
