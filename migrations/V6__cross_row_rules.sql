-- V6: the rules that span rows, kept by the database whichever side of them a write changes (issues 10 and 11).
--
-- A CHECK constraint sees one row, so these are triggers. Each one locks the rows its rule reads, so that two
-- transactions racing from both sides of a rule are serialized instead of both committing past it: in READ
-- COMMITTED a locking read waits for a concurrent writer of the row and then returns the committed version, and
-- each statement of a trigger function sees what committed before it started.
--   grades_score_within_points             a grade's score is at most its assignment's points (grade side)
--   assignments_points_cover_grades        points never drop below a score already given (assignment side)
--   submissions_grade_within_points        a graded submission moves only to an assignment worth its score
--   submissions_student_enrolled           a submission's student is enrolled in the assignment's course, when it
--                                          is created or moved; unenrolling later keeps it as history
--   assignments_course_keeps_submissions   an assignment with submissions stays in its course (they and their
--                                          grades are that course's history)
-- Each raises SQLSTATE 23514 (check_violation) with the rule's name as the constraint, which the service maps to
-- a problem naming the rule. The triggers check new writes only: rows already in the database are not re-checked,
-- so adding them takes no long lock and cannot fail on existing data.
-- Undone by undo/U6__cross_row_rules.sql.

-- Every table below is locked before the first change, each attempt waiting at most 100 ms for a table: far less than
-- deadlock_timeout (1 s), so when a request holds one of them and waits for another this migration holds (it read a
-- course, then writes a submission), the migration gives up first and the request goes on; it is never the one
-- PostgreSQL aborts. A failed attempt lets go of every table it got, and the next one starts a few milliseconds
-- later, until lock_timeout has passed. Requests wait behind an attempt for 100 ms at most.
DO $$
DECLARE
    configured text := current_setting('lock_timeout');
    deadline timestamptz := clock_timestamp() + configured::interval;
BEGIN
    PERFORM set_config('lock_timeout', '100ms', true);
    LOOP
        BEGIN
            LOCK TABLE grades, assignments, submissions
                IN ACCESS EXCLUSIVE MODE;
            EXIT;
        EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
            IF clock_timestamp() >= deadline AND configured <> '0' THEN
                RAISE;
            END IF;
            PERFORM pg_sleep(random() * 0.05);
        END;
    END LOOP;
    PERFORM set_config('lock_timeout', configured, true);
END
$$;

CREATE FUNCTION grades_score_within_points() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    max_points integer;
BEGIN
    -- FOR SHARE of the submission is the lock grading takes: a student's edit or withdrawal (which locks the
    -- submission FOR NO KEY UPDATE / FOR UPDATE first) waits for the grade, or the grade for it. FOR SHARE of the
    -- assignment makes a concurrent points change wait, or this check wait for it and read the new points.
    SELECT a.points INTO max_points
      FROM submissions s
      JOIN assignments a ON a.id = s.assignment_id
     WHERE s.id = NEW.submission_id
       FOR SHARE OF s, a;
    -- No submission: its foreign key refuses the row and says so.
    IF FOUND AND NEW.score > max_points THEN
        RAISE EXCEPTION 'grade score % exceeds its assignment''s % points', NEW.score, max_points
            USING ERRCODE = 'check_violation', CONSTRAINT = 'grades_score_within_points', TABLE = 'grades';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER grades_score_within_points
    AFTER INSERT OR UPDATE OF score, submission_id ON grades
    FOR EACH ROW EXECUTE FUNCTION grades_score_within_points();

CREATE FUNCTION assignments_points_cover_grades() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- The UPDATE holds the assignment's row lock, which every grade check above waits for.
    IF EXISTS (SELECT 1
                 FROM submissions s
                 JOIN grades g ON g.submission_id = s.id
                WHERE s.assignment_id = NEW.id AND g.score > NEW.points) THEN
        RAISE EXCEPTION 'assignment points % are below a score already given', NEW.points
            USING ERRCODE = 'check_violation', CONSTRAINT = 'assignments_points_cover_grades',
                  TABLE = 'assignments';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER assignments_points_cover_grades
    AFTER UPDATE OF points ON assignments
    FOR EACH ROW WHEN (NEW.points < OLD.points)
    EXECUTE FUNCTION assignments_points_cover_grades();

CREATE FUNCTION assignments_course_keeps_submissions() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- A submission being created holds FOR SHARE on the assignment, so this UPDATE waits for it and then sees it.
    IF EXISTS (SELECT 1 FROM submissions WHERE assignment_id = NEW.id) THEN
        RAISE EXCEPTION 'an assignment with submissions cannot move to another course'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'assignments_course_keeps_submissions',
                  TABLE = 'assignments';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER assignments_course_keeps_submissions
    AFTER UPDATE OF course_id ON assignments
    FOR EACH ROW WHEN (NEW.course_id IS DISTINCT FROM OLD.course_id)
    EXECUTE FUNCTION assignments_course_keeps_submissions();

CREATE FUNCTION submissions_keep_cross_row_rules() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    assignment_course uuid;
    max_points integer;
BEGIN
    -- FOR SHARE: the assignment cannot change course or points until this transaction ends, or this check waits
    -- for such a change and reads its result.
    SELECT course_id, points INTO assignment_course, max_points
      FROM assignments
     WHERE id = NEW.assignment_id
       FOR SHARE;
    IF NOT FOUND THEN
        RETURN NULL; -- the foreign key refuses the row and says so
    END IF;
    -- FOR KEY SHARE of the enrollment: an unenrollment (a DELETE) waits until this submission has committed, and
    -- then keeps it as history; or this check waits for the unenrollment and finds no enrollment.
    PERFORM 1
       FROM enrollments
      WHERE user_id = NEW.student_id AND course_id = assignment_course
        FOR KEY SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the student is not enrolled in the assignment''s course'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'submissions_student_enrolled', TABLE = 'submissions';
    END IF;
    IF TG_OP = 'UPDATE'
       AND EXISTS (SELECT 1 FROM grades WHERE submission_id = NEW.id AND score > max_points) THEN
        RAISE EXCEPTION 'the submission''s grade exceeds the points of assignment %', NEW.assignment_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'submissions_grade_within_points',
                  TABLE = 'submissions';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER submissions_keep_cross_row_rules_on_insert
    AFTER INSERT ON submissions
    FOR EACH ROW EXECUTE FUNCTION submissions_keep_cross_row_rules();

-- Only a move: editing the content of a past submission of a student no longer enrolled is allowed.
CREATE TRIGGER submissions_keep_cross_row_rules_on_move
    AFTER UPDATE OF assignment_id, student_id ON submissions
    FOR EACH ROW WHEN (NEW.assignment_id IS DISTINCT FROM OLD.assignment_id
                       OR NEW.student_id IS DISTINCT FROM OLD.student_id)
    EXECUTE FUNCTION submissions_keep_cross_row_rules();
