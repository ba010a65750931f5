export { ReportForm } from './ReportForm'
