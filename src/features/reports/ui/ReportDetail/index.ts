export { ReportDetail } from './ReportDetail'
