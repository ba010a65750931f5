import { ddl } from './migration'

/** The reminders ledger (one row per reminder key, written with its messages); messages of kind 'shift'. */
export const m006Reminders = ddl(
  6,
  'reminders ledger; messages of kind shift',
  `
CREATE TABLE reminders_sent (
  key text PRIMARY KEY,
  sent_at timestamptz NOT NULL,
  recipients integer NOT NULL
);

ALTER TABLE messages
  DROP CONSTRAINT messages_kind,
  ADD CONSTRAINT messages_kind CHECK (kind IN ('report', 'motion', 'shift'));
`,
)
