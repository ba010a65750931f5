import type { Me } from '@/domain/auth'
import type { ReportCategory, ReportView } from '@/domain/reports'
import type { ReportFormValues as Form } from '../../reportForm'

export interface ReportFormProps {
  me: Me
  /** edit mode: the reporter's own report */
  editId?: string
  /** a tile of the tab chose it */
  presetCategory?: ReportCategory
  onSaved: (report: ReportView) => void
  /** 我也遇到 on a nearby report: go to it */
  onOpenReport: (id: string) => void
  onInvalid?: () => void
}

export type SetField = <K extends keyof Form>(key: K, value: Form[K]) => void
