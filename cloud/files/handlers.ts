import { filesContract } from '@/domain/files/contract'
import type { Handlers } from '../shared/handlers'
import { takeFromCloud, tempLinks, uploadTarget } from './cloudPhotos'
import type { Deps } from './ports'

export const filesHandlers: Handlers<typeof filesContract, Deps> = {
  'file.uploadTarget': uploadTarget,
  'file.fromCloud': takeFromCloud,
  'file.links': tempLinks,
}
