-- V3: a maximum length for every text column (issue 10). The numbers are declared once, in Java, as the
-- TextLimit constants of each feature's *Constraints class; TextLimitsMatchTheCatalogTest compares them with these.
--
-- NOT VALID: the constraints bind every write from now on, but adding them neither scans the tables nor waits
-- for a long lock (only a brief ACCESS EXCLUSIVE on each table to record the constraint). Rows written before stay as
-- they are until V4 validates them without blocking writers.
-- Undone by undo/U3__text_length_limits.sql.

SET lock_timeout = '5s';

-- Every table below is locked at once, before the first change, and never waited for while another is held: a
-- request that holds one of them and wants another (it read a course, then writes a submission) would otherwise
-- deadlock with this migration, and PostgreSQL would abort one of the two, possibly the request. A table that is busy
-- makes the attempt let go of all of them and try again a few milliseconds later, until lock_timeout has passed.
DO $$
DECLARE
    deadline timestamptz := clock_timestamp() + current_setting('lock_timeout')::interval;
BEGIN
    LOOP
        BEGIN
            LOCK TABLE users, courses, assignments, submissions, grades, discussions, discussion_posts, announcements,
                course_content
                IN ACCESS EXCLUSIVE MODE NOWAIT;
            RETURN;
        EXCEPTION WHEN lock_not_available THEN
            IF clock_timestamp() >= deadline AND current_setting('lock_timeout') <> '0' THEN
                RAISE;
            END IF;
            PERFORM pg_sleep(0.005 + random() * 0.02);
        END;
    END LOOP;
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
