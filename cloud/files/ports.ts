/** Uploaded photos (issue 4): their rows, where their bytes live, and their signed addresses. */
import type * as shared from '../shared/context'
import type { NewMessage } from '../messages'
import type { ReportRepo } from '../reports'
import type { FileUrls, LeaseRepo, UserRepo } from '../shared/ports'

export type { FileUrls } from '../shared/ports'

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp'

/**
 * WeChat's image check of a photo (migration 020): 'none' where no check runs (the self-hosted default), 'pending'
 * from the upload until WeChat's answer, then its verdict. Other residents see a photo only when 'none' or 'pass'
 * (photoShownToOthers); its uploader and the staff handling the report see it at once.
 */
export type PhotoCheck = 'none' | 'pending' | 'pass' | 'review' | 'risky'
export type PhotoVerdict = Extract<PhotoCheck, 'pass' | 'review' | 'risky'>

/** A message to a photo's uploader about its check (its userId and target are the store's: owner, report). */
export type PhotoCheckNotice = Omit<NewMessage, 'userId' | 'target'>

export interface FileRecord {
  id: string
  ownerId: string
  mime: ImageMime
  bytes: number
  width: number
  height: number
  sha256: string
  /** where the blob lives: a key of the BlobStorage (or a cloud file id) */
  path: string
  createdAt: string
  check: PhotoCheck
}

export interface FileRepo {
  create(file: FileRecord): Promise<FileRecord>
  /**
   * Stores the file only while its owner holds fewer than `max` unattached files created at or after
   * `since` (count and insert in one write transaction); null, and nothing stored, when the cap is reached.
   */
  createWithinCap(file: FileRecord, cap: { max: number; since: string }): Promise<FileRecord | null>
  get(id: string): Promise<FileRecord | null>
  /** The report a file is attached to (as the report's photo or a step's), null when unattached. */
  reportOf(fileId: string): Promise<string | null>
  /** Unattached files created before `before`, oldest first, after the cursor (created_at, id) when given. */
  listUnattached(before: string, limit: number, after?: { createdAt: string; id: string }): Promise<FileRecord[]>
  /** Deletes the row only if it is still unattached and created before `before`; true when deleted. */
  deleteIfUnattached(id: string, before: string): Promise<boolean>
  /**
   * The check of a pending photo was asked for at `at`: with WeChat's trace id (kept beside the earlier ones, so
   * the answer to any ask counts), or null when the ask failed (the sweep then waits before the next try). False
   * when the file is not pending.
   */
  checkAsked(id: string, traceId: string | null, at: string): Promise<boolean>
  /**
   * WeChat's answer for a trace: the pending photo it names takes the verdict and label, and with `notice` its
   * uploader gets that message (about the report that holds the photo, if any), in one transaction. Null when no
   * pending photo has the trace (unknown, or answered already: a repeated push changes nothing).
   */
  checkAnswered(traceId: string, verdict: PhotoVerdict, label: string | null, notice: PhotoCheckNotice | null): Promise<FileRecord | null>
  /**
   * Photos still pending, uploaded at or after `since`, last asked (or, never asked, uploaded) before `before`:
   * least recently tried first.
   */
  listPendingChecks(before: string, since: string, limit: number): Promise<FileRecord[]>
}

/** What a blob store holds: a blob under its key, or the leftover of a write that never finished (a temp file). */
export interface BlobEntry {
  /** the blob's key; for a leftover, its path in the store */
  key: string
  leftover: boolean
  modifiedAt: Date
}

/** Where uploaded bytes live: a folder on the self-hosted server, cloud storage on WeChat cloud. */
export interface BlobStorage {
  /**
   * Stores the blob under `key`. A store that names its blobs itself (cloud storage: a fileID) returns that name,
   * and the file's row keeps it as its path; the others keep the key.
   */
  put(key: string, bytes: Buffer): Promise<string | void>
  /** The blob at a path put() gave (the key, or the name put() returned); null when it is gone. */
  read(path: string): Promise<Buffer | null>
  /** Removes the blob; a path that is already gone is not an error. */
  remove(path: string): Promise<void>
  /** Everything in the store (for the sweep to reconcile it with the rows); stores that cannot list omit it. */
  list?(): AsyncIterable<BlobEntry>
  /** Removes a leftover that list() gave. */
  removeLeftover?(key: string): Promise<void>
}

/**
 * WeChat 云开发's cloud storage as the cloud function sees it (wx-server-sdk), beside its BlobStorage: the files
 * clients upload with Taro.cloud.uploadFile, and temporary download URLs. Only the cloud function has one.
 */
export interface CloudFiles {
  /** The path inside this environment's storage of a fileID a client sent; null when it is not one of its files. */
  pathOf(fileID: string): string | null
  /** A client's uploaded file; null when there is none under that fileID. */
  download(fileID: string): Promise<Buffer | null>
  /** Removes files; ones already gone are not an error. */
  remove(fileIDs: string[]): Promise<void>
  /** Temporary download URLs for stored photos (the paths BlobStorage.put returned), in order; null where refused. */
  tempUrls(fileIDs: string[], maxAgeSeconds: number): Promise<(string | null)[]>
}

// ---------- what this feature's use cases receive ----------

/** The repositories the photo use cases use. */
export interface FilesStore {
  files: FileRepo
  users: UserRepo
  /** a photo's URL is signed for its report's audience (reports' photoScope), checked again at read */
  reports: Pick<ReportRepo, 'get'>
  /** the sweep runs in one process at a time */
  leases: LeaseRepo
}

/** WeChat's asynchronous image check (security.mediaCheckAsync): asked for here, answered later by a push. */
export interface ImageCheck {
  /**
   * Asks for the check of the photo stored under `path` (the adapter hands WeChat an address it can fetch), for the
   * uploader's openid; WeChat's trace id. Throws when the check cannot be asked for (the photo stays pending).
   */
  ask(req: { path: string; openid: string }): Promise<{ traceId: string }>
}

export interface Deps extends shared.Deps<FilesStore> {
  /** WeChat's image check on the cloud; null where none runs (photos are shown as before) */
  imageCheck: ImageCheck | null
  /** where uploaded photos' bytes live */
  blobs: BlobStorage
  /** signed, short-lived photo addresses */
  fileUrls: FileUrls
  /** cloud storage, in the cloud function only (null at the HTTP door, which serves /upload and /files itself) */
  cloudFiles: CloudFiles | null
}
export type Ctx = shared.Ctx<Deps>
export type UserCtx = shared.UserCtx<Deps>
