-- Undoes V3__text_length_limits.sql: the text columns lose their maximum length again. No data changes.


ALTER TABLE course_content
    DROP CONSTRAINT course_content_title_length,
    DROP CONSTRAINT course_content_content_length,
    DROP CONSTRAINT course_content_file_url_length;

ALTER TABLE announcements
    DROP CONSTRAINT announcements_title_length,
    DROP CONSTRAINT announcements_content_length;

ALTER TABLE discussion_posts
    DROP CONSTRAINT discussion_posts_content_length;

ALTER TABLE discussions
    DROP CONSTRAINT discussions_title_length,
    DROP CONSTRAINT discussions_content_length;

ALTER TABLE grades
    DROP CONSTRAINT grades_feedback_length;

ALTER TABLE submissions
    DROP CONSTRAINT submissions_content_length,
    DROP CONSTRAINT submissions_file_url_length;

ALTER TABLE assignments
    DROP CONSTRAINT assignments_title_length,
    DROP CONSTRAINT assignments_description_length;

ALTER TABLE courses
    DROP CONSTRAINT courses_code_length,
    DROP CONSTRAINT courses_title_length,
    DROP CONSTRAINT courses_description_length,
    DROP CONSTRAINT courses_semester_length,
    DROP CONSTRAINT courses_thumbnail_url_length;

ALTER TABLE users
    DROP CONSTRAINT users_email_length,
    DROP CONSTRAINT users_name_length,
    DROP CONSTRAINT users_password_hash_length;
