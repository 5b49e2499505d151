-- Undoes V4__validate_text_length_limits.sql: the length constraints go back to NOT VALID, as V3 left them.
-- PostgreSQL cannot mark a validated constraint unvalidated, so each is dropped and added again NOT VALID (a catalog
-- change, no scan). The numbers must stay those of V3.


ALTER TABLE users
    DROP CONSTRAINT users_email_length,
    ADD CONSTRAINT users_email_length CHECK (char_length(email) <= 254) NOT VALID,
    DROP CONSTRAINT users_name_length,
    ADD CONSTRAINT users_name_length CHECK (char_length(name) <= 200) NOT VALID,
    DROP CONSTRAINT users_password_hash_length,
    ADD CONSTRAINT users_password_hash_length CHECK (char_length(password_hash) <= 255) NOT VALID;

ALTER TABLE courses
    DROP CONSTRAINT courses_code_length,
    ADD CONSTRAINT courses_code_length CHECK (char_length(code) <= 64) NOT VALID,
    DROP CONSTRAINT courses_title_length,
    ADD CONSTRAINT courses_title_length CHECK (char_length(title) <= 200) NOT VALID,
    DROP CONSTRAINT courses_description_length,
    ADD CONSTRAINT courses_description_length CHECK (char_length(description) <= 10000) NOT VALID,
    DROP CONSTRAINT courses_semester_length,
    ADD CONSTRAINT courses_semester_length CHECK (char_length(semester) <= 64) NOT VALID,
    DROP CONSTRAINT courses_thumbnail_url_length,
    ADD CONSTRAINT courses_thumbnail_url_length CHECK (char_length(thumbnail_url) <= 2048) NOT VALID;

ALTER TABLE assignments
    DROP CONSTRAINT assignments_title_length,
    ADD CONSTRAINT assignments_title_length CHECK (char_length(title) <= 200) NOT VALID,
    DROP CONSTRAINT assignments_description_length,
    ADD CONSTRAINT assignments_description_length CHECK (char_length(description) <= 10000) NOT VALID;

ALTER TABLE submissions
    DROP CONSTRAINT submissions_content_length,
    ADD CONSTRAINT submissions_content_length CHECK (char_length(content) <= 100000) NOT VALID,
    DROP CONSTRAINT submissions_file_url_length,
    ADD CONSTRAINT submissions_file_url_length CHECK (char_length(file_url) <= 2048) NOT VALID;

ALTER TABLE grades
    DROP CONSTRAINT grades_feedback_length,
    ADD CONSTRAINT grades_feedback_length CHECK (char_length(feedback) <= 10000) NOT VALID;

ALTER TABLE discussions
    DROP CONSTRAINT discussions_title_length,
    ADD CONSTRAINT discussions_title_length CHECK (char_length(title) <= 200) NOT VALID,
    DROP CONSTRAINT discussions_content_length,
    ADD CONSTRAINT discussions_content_length CHECK (char_length(content) <= 20000) NOT VALID;

ALTER TABLE discussion_posts
    DROP CONSTRAINT discussion_posts_content_length,
    ADD CONSTRAINT discussion_posts_content_length CHECK (char_length(content) <= 20000) NOT VALID;

ALTER TABLE announcements
    DROP CONSTRAINT announcements_title_length,
    ADD CONSTRAINT announcements_title_length CHECK (char_length(title) <= 200) NOT VALID,
    DROP CONSTRAINT announcements_content_length,
    ADD CONSTRAINT announcements_content_length CHECK (char_length(content) <= 20000) NOT VALID;

ALTER TABLE course_content
    DROP CONSTRAINT course_content_title_length,
    ADD CONSTRAINT course_content_title_length CHECK (char_length(title) <= 200) NOT VALID,
    DROP CONSTRAINT course_content_content_length,
    ADD CONSTRAINT course_content_content_length CHECK (char_length(content) <= 100000) NOT VALID,
    DROP CONSTRAINT course_content_file_url_length,
    ADD CONSTRAINT course_content_file_url_length CHECK (char_length(file_url) <= 2048) NOT VALID;
