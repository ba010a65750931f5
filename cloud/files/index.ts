/**
 * The public entry of files (uploaded photos): the upload and the signed read the HTTP door serves, the sweep of
 * photos no report took, signed addresses (reports sign their photos' in their views), and the storage ports.
 */
export { MAX_PHOTO_BYTES, TOO_BIG_MESSAGE, uploadPhoto } from './uploadPhoto'
export { readPhoto } from './readPhoto'
export { scheduleOrphanSweep, sweepOrphanPhotos } from './sweepOrphanPhotos'
export { createFileUrls } from './fileUrls'
export { askImageCheck, IMAGE_CHECK_GIVE_UP_MS, IMAGE_CHECK_RETRY_MS, sweepImageChecks } from './askImageCheck'
export { isImageCheckPush, photoShownToOthers, recordImageCheck, RISKY_PHOTO_TITLE } from './recordImageCheck'
export type { BlobStorage, CloudFiles, FileRecord, FileRepo, FilesStore, FileUrls, ImageCheck, ImageMime, PhotoCheck } from './ports'
