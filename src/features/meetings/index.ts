// 联席会议: the screens and hooks pages compose (the report detail, the work desk).
export { useMeetings, useMyMeetingTasks } from './useMeetings'
export { useRecordMeeting } from './useRecordMeeting'
export { MeetingScreen } from './ui/MeetingScreen'
export { MeetingsCard } from './ui/MeetingsCard'
export { MyMeetingTasks } from './ui/MyMeetingTasks'
export { ReportMeetings } from './ui/ReportMeetings'
export { DeskMeetingTasks } from './ui/DeskMeetingTasks'
export { DisputeFiguresCard } from './ui/DisputeFiguresCard'
