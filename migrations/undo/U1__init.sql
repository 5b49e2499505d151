-- Undoes V1__init.sql: removes every table and type it creates, leaving the schema as it was before.
--
-- No CASCADE, on purpose: if something outside the migrations depends on these tables (a view, a foreign key
-- from another schema), this fails and names it instead of silently dropping it too.
-- One DROP TABLE for all ten lets PostgreSQL drop them regardless of the foreign keys between them.

DROP TABLE course_content, announcements, discussion_posts, discussions, grades,
           submissions, assignments, enrollments, courses, users;

DROP TYPE content_type, user_role;
