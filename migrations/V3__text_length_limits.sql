-- V3: a maximum length for every text column (issue 10). The numbers are declared once, in Java, as the
-- TextLimit constants of each feature's *Constraints class; TextLimitsMatchTheCatalogTest compares them with these.
--
-- NOT VALID: the constraints bind every write from now on, but adding them neither scans the tables nor waits
-- for a long lock (only a brief ACCESS EXCLUSIVE on each table to record the constraint). Rows written before stay as
-- they are until V4 validates them without blocking writers.
-- Undone by undo/U3__text_length_limits.sql.

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
            LOCK TABLE users, courses, assignments, submissions, grades, discussions, discussion_posts, announcements,
                course_content
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

ALTER TABLE users
    ADD CONSTRAINT users_email_length CHECK (char_length(email) <= 254) NOT VALID,
    ADD CONSTRAINT users_name_length CHECK (char_length(name) <= 200) NOT VALID,
    ADD CONSTRAINT users_password_hash_length CHECK (char_length(password_hash) <= 255) NOT VALID;

ALTER TABLE courses
    ADD CONSTRAINT courses_code_length CHECK (char_length(code) <= 64) NOT VALID,
    ADD CONSTRAINT courses_title_length CHECK (char_length(title) <= 200) NOT VALID,
    ADD CONSTRAINT courses_description_length CHECK (char_length(description) <= 10000) NOT VALID,
    ADD CONSTRAINT courses_semester_length CHECK (char_length(semester) <= 64) NOT VALID,
    ADD CONSTRAINT courses_thumbnail_url_length CHECK (char_length(thumbnail_url) <= 2048) NOT VALID;

ALTER TABLE assignments
    ADD CONSTRAINT assignments_title_length CHECK (char_length(title) <= 200) NOT VALID,
    ADD CONSTRAINT assignments_description_length CHECK (char_length(description) <= 10000) NOT VALID;

ALTER TABLE submissions
    ADD CONSTRAINT submissions_content_length CHECK (char_length(content) <= 100000) NOT VALID,
    ADD CONSTRAINT submissions_file_url_length CHECK (char_length(file_url) <= 2048) NOT VALID;

ALTER TABLE grades
    ADD CONSTRAINT grades_feedback_length CHECK (char_length(feedback) <= 10000) NOT VALID;

ALTER TABLE discussions
    ADD CONSTRAINT discussions_title_length CHECK (char_length(title) <= 200) NOT VALID,
    ADD CONSTRAINT discussions_content_length CHECK (char_length(content) <= 20000) NOT VALID;

ALTER TABLE discussion_posts
    ADD CONSTRAINT discussion_posts_content_length CHECK (char_length(content) <= 20000) NOT VALID;

ALTER TABLE announcements
    ADD CONSTRAINT announcements_title_length CHECK (char_length(title) <= 200) NOT VALID,
    ADD CONSTRAINT announcements_content_length CHECK (char_length(content) <= 20000) NOT VALID;

ALTER TABLE course_content
    ADD CONSTRAINT course_content_title_length CHECK (char_length(title) <= 200) NOT VALID,
    ADD CONSTRAINT course_content_content_length CHECK (char_length(content) <= 100000) NOT VALID,
    ADD CONSTRAINT course_content_file_url_length CHECK (char_length(file_url) <= 2048) NOT VALID;
