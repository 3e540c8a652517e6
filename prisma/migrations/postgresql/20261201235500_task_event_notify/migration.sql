-- Push of task changes (lib/videos/task-push.ts): every row added to a task's timeline announces
-- its task on the channel "studio_task_changes" as "<teamId>:<taskId>". Done by the database in
-- the writer's own statement, so an event costs one round trip instead of two (issue 12: the
-- engine at 500 jobs is bound by round trips). Like any NOTIFY, it is delivered after commit and
-- never for a rollback, and the same payload twice in one transaction is delivered once.
CREATE FUNCTION studio_announce_task_event() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  team_id TEXT;
BEGIN
  SELECT "teamId" INTO team_id FROM "VideoTask" WHERE "id" = NEW."taskId";
  IF team_id IS NOT NULL THEN
    PERFORM pg_notify('studio_task_changes', team_id || ':' || NEW."taskId");
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "VideoTaskEvent_announce"
AFTER INSERT ON "VideoTaskEvent"
FOR EACH ROW EXECUTE FUNCTION studio_announce_task_event();
