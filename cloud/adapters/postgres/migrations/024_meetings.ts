import { ddl } from './migration'

/** 联席会议, their follow-up tasks and 包保 responsibles (as SQLite's 024). */
export const m024Meetings = ddl(
  24,
  'meetings: joint meetings on disputes, their follow-up tasks, 包保 responsibles',
  `
CREATE TABLE meetings (
  id text PRIMARY KEY,
  report_id text NOT NULL REFERENCES reports(id),
  held_on date NOT NULL,
  place text NOT NULL,
  departments text NOT NULL,
  attendees text NOT NULL,
  decision text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('agreed', 'partly', 'notAgreed')),
  recorded_by text NOT NULL REFERENCES users(id),
  recorded_at timestamptz NOT NULL
);
CREATE INDEX meetings_report ON meetings(report_id, recorded_at);
CREATE TABLE meeting_tasks (
  id text PRIMARY KEY,
  meeting_id text NOT NULL REFERENCES meetings(id),
  report_id text NOT NULL REFERENCES reports(id),
  position integer NOT NULL,
  owner_id text NOT NULL REFERENCES users(id),
  task text NOT NULL,
  due_on date NOT NULL,
  done_at timestamptz,
  done_note text
);
CREATE INDEX meeting_tasks_meeting ON meeting_tasks(meeting_id, position);
CREATE INDEX meeting_tasks_open ON meeting_tasks(owner_id, due_on) WHERE done_at IS NULL;
CREATE TABLE dispute_responsibles (
  report_id text PRIMARY KEY REFERENCES reports(id),
  user_id text NOT NULL REFERENCES users(id),
  assigned_by text NOT NULL REFERENCES users(id),
  assigned_at timestamptz NOT NULL
);
CREATE INDEX dispute_responsibles_user ON dispute_responsibles(user_id);
`,
)
