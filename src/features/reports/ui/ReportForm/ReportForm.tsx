import { CreateForm } from './CreateForm'
import { EditForm } from './EditForm'
import type { ReportFormProps } from './types'
import './ReportForm.scss'

/** 随手拍: what, photos, where, who sees it; nearby reports offered first; a draft that survives anything. */
export function ReportForm(props: ReportFormProps) {
  return props.editId ? <EditForm {...props} editId={props.editId} /> : <CreateForm {...props} />
}
