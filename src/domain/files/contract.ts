import { read, write } from '../shared/contract'
import { emptySchema } from '../shared/text'
import { fromCloudSchema, linksSchema, type TempLinks, type UploadTarget } from '.'

/** Photos through 云开发's cloud storage: only the cloud function's door serves these (FORBIDDEN over HTTP). */
export const filesContract = {
  'file.uploadTarget': read(emptySchema).returns<UploadTarget>(),
  'file.fromCloud': write(fromCloudSchema).returns<{ fileId: string }>(),
  'file.links': read(linksSchema).returns<TempLinks>(),
}
