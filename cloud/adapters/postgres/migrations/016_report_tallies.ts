import { ddl } from './migration'

/**
 * Reports per grid, status and category, kept by a trigger in the report's own transaction (as SQLite's 016). A
 * report that moves takes its two tally rows' locks in key order, so two reports moving opposite ways between
 * the same two rows cannot deadlock.
 */
export const m016ReportTallies = ddl(
  16,
  'report_tallies: reports per grid, status and category, kept by triggers',
  `
CREATE TABLE report_tallies (
  grid_id text NOT NULL REFERENCES grids(id),
  status text NOT NULL,
  category text NOT NULL,
  local boolean NOT NULL,
  n integer NOT NULL CHECK (n >= 0),
  PRIMARY KEY (grid_id, status, category, local)
);

INSERT INTO report_tallies (grid_id, status, category, local, n)
  SELECT grid_id, status, category, category = 'dispute' AND max_level IN ('grid', 'community'), count(*)
  FROM reports GROUP BY 1, 2, 3, 4;

CREATE FUNCTION report_tallies_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_local boolean;
  new_local boolean;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    old_local := OLD.category = 'dispute' AND OLD.max_level IN ('grid', 'community');
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    new_local := NEW.category = 'dispute' AND NEW.max_level IN ('grid', 'community');
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF (OLD.grid_id, OLD.status, OLD.category, old_local) = (NEW.grid_id, NEW.status, NEW.category, new_local) THEN
      RETURN NULL;
    END IF;
    IF (OLD.grid_id, OLD.status, OLD.category, old_local) > (NEW.grid_id, NEW.status, NEW.category, new_local) THEN
      INSERT INTO report_tallies AS t (grid_id, status, category, local, n) VALUES (NEW.grid_id, NEW.status, NEW.category, new_local, 1)
        ON CONFLICT (grid_id, status, category, local) DO UPDATE SET n = t.n + 1;
      UPDATE report_tallies SET n = n - 1
        WHERE (grid_id, status, category, local) = (OLD.grid_id, OLD.status, OLD.category, old_local);
      RETURN NULL;
    END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE report_tallies SET n = n - 1
      WHERE (grid_id, status, category, local) = (OLD.grid_id, OLD.status, OLD.category, old_local);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO report_tallies AS t (grid_id, status, category, local, n) VALUES (NEW.grid_id, NEW.status, NEW.category, new_local, 1)
      ON CONFLICT (grid_id, status, category, local) DO UPDATE SET n = t.n + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER report_tallies AFTER INSERT OR DELETE OR UPDATE OF grid_id, status, category, max_level ON reports
  FOR EACH ROW EXECUTE FUNCTION report_tallies_apply();
`,
)
