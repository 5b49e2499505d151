-- V4: validates V3's length constraints against the rows written before V3.
--
-- VALIDATE CONSTRAINT scans the table under a SHARE UPDATE EXCLUSIVE lock: reads and writes go on meanwhile.
-- If rows are longer than a limit, the DO block below stops the migration first and names them (table, column,
-- limit, up to ten ids), because VALIDATE's own error says only "violated by some row". Nothing is changed then;
-- V3's constraints keep protecting new writes, and the service does not start until the rows are fixed (shorten
-- them, for example UPDATE courses SET code = left(code, 64) WHERE char_length(code) > 64, or move the text
-- elsewhere) and the service is started again. See README, "Field limits".
-- Undone by undo/U4__validate_text_length_limits.sql.

SET lock_timeout = '5s';

DO $$
DECLARE
    limit_check record;
    offenders   text;
    report      text := '';
BEGIN
    FOR limit_check IN
        SELECT c.conrelid::regclass AS tbl, c.conname, pg_get_expr(c.conbin, c.conrelid) AS expr
          FROM pg_constraint c
         WHERE c.contype = 'c' AND NOT c.convalidated AND c.conname LIKE '%\_length'
           AND c.connamespace = current_schema()::regnamespace
         ORDER BY 1, 2
    LOOP
        EXECUTE format('SELECT string_agg(id::text, '', '') FROM (SELECT id FROM %s WHERE NOT (%s) ORDER BY id LIMIT 10) o',
                       limit_check.tbl, limit_check.expr)
           INTO offenders;
        IF offenders IS NOT NULL THEN
            report := report || format(E'\n  %s: %s is false for rows %s', limit_check.conname, limit_check.expr, offenders);
        END IF;
    END LOOP;
    IF report <> '' THEN
        RAISE EXCEPTION 'Rows longer than the limits V3 added (at most 10 ids each):%', report
            USING HINT = 'Shorten or move these values, then start the service again; see README, "Field limits".';
    END IF;
END
$$;

ALTER TABLE users VALIDATE CONSTRAINT users_email_length;
ALTER TABLE users VALIDATE CONSTRAINT users_name_length;
ALTER TABLE users VALIDATE CONSTRAINT users_password_hash_length;
ALTER TABLE courses VALIDATE CONSTRAINT courses_code_length;
ALTER TABLE courses VALIDATE CONSTRAINT courses_title_length;
ALTER TABLE courses VALIDATE CONSTRAINT courses_description_length;
ALTER TABLE courses VALIDATE CONSTRAINT courses_semester_length;
ALTER TABLE courses VALIDATE CONSTRAINT courses_thumbnail_url_length;
ALTER TABLE assignments VALIDATE CONSTRAINT assignments_title_length;
ALTER TABLE assignments VALIDATE CONSTRAINT assignments_description_length;
ALTER TABLE submissions VALIDATE CONSTRAINT submissions_content_length;
ALTER TABLE submissions VALIDATE CONSTRAINT submissions_file_url_length;
ALTER TABLE grades VALIDATE CONSTRAINT grades_feedback_length;
ALTER TABLE discussions VALIDATE CONSTRAINT discussions_title_length;
ALTER TABLE discussions VALIDATE CONSTRAINT discussions_content_length;
ALTER TABLE discussion_posts VALIDATE CONSTRAINT discussion_posts_content_length;
ALTER TABLE announcements VALIDATE CONSTRAINT announcements_title_length;
ALTER TABLE announcements VALIDATE CONSTRAINT announcements_content_length;
ALTER TABLE course_content VALIDATE CONSTRAINT course_content_title_length;
ALTER TABLE course_content VALIDATE CONSTRAINT course_content_content_length;
ALTER TABLE course_content VALIDATE CONSTRAINT course_content_file_url_length;
