-- V1: the learning-management schema.
--
-- Every foreign key states its ON DELETE rule: the database, not the service, removes
-- dependent rows. Every foreign-key column is covered by an index (its own, or as the
-- leading column of a composite or unique index), so cascades and joins never scan.
-- Names are explicit because the baseline check and /health/db look objects up by name
-- (see src/main/java/.../schema/ExpectedSchema.java, which must list exactly what is here).

CREATE TYPE user_role AS ENUM ('STUDENT', 'INSTRUCTOR', 'ADMIN');
CREATE TYPE content_type AS ENUM ('TEXT', 'VIDEO', 'DOCUMENT', 'LINK', 'SCORM', 'YOUTUBE');

CREATE TABLE users (
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    email         text        NOT NULL,
    name          text        NOT NULL,
    role          user_role   NOT NULL,
    password_hash text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       bigint      NOT NULL DEFAULT 0,
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_email_not_blank CHECK (btrim(email) <> ''),
    CONSTRAINT users_name_not_blank CHECK (btrim(name) <> '')
);
-- Case-insensitive uniqueness: Alice@x.org and alice@x.org are the same person.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE courses (
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    code          text        NOT NULL,
    title         text        NOT NULL,
    description   text,
    semester      text,
    active        boolean     NOT NULL DEFAULT true,
    thumbnail_url text,
    instructor_id uuid        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       bigint      NOT NULL DEFAULT 0,
    CONSTRAINT courses_pkey PRIMARY KEY (id),
    CONSTRAINT courses_code_key UNIQUE (code),
    CONSTRAINT courses_code_not_blank CHECK (btrim(code) <> ''),
    CONSTRAINT courses_title_not_blank CHECK (btrim(title) <> ''),
    CONSTRAINT courses_thumbnail_url_http CHECK (thumbnail_url ~* '^https?://'),
    -- RESTRICT: a course must never silently lose its instructor; reassign it first.
    CONSTRAINT courses_instructor_id_fkey FOREIGN KEY (instructor_id)
        REFERENCES users (id) ON DELETE RESTRICT
);
CREATE INDEX courses_instructor_id_idx ON courses (instructor_id);

CREATE TABLE enrollments (
    id          uuid        NOT NULL DEFAULT gen_random_uuid(),
    user_id     uuid        NOT NULL,
    course_id   uuid        NOT NULL,
    enrolled_at timestamptz NOT NULL DEFAULT now(),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint      NOT NULL DEFAULT 0,
    CONSTRAINT enrollments_pkey PRIMARY KEY (id),
    CONSTRAINT enrollments_user_id_course_id_key UNIQUE (user_id, course_id),
    CONSTRAINT enrollments_user_id_fkey FOREIGN KEY (user_id)
        REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT enrollments_course_id_fkey FOREIGN KEY (course_id)
        REFERENCES courses (id) ON DELETE CASCADE
);
CREATE INDEX enrollments_course_id_idx ON enrollments (course_id);

CREATE TABLE assignments (
    id          uuid        NOT NULL DEFAULT gen_random_uuid(),
    title       text        NOT NULL,
    description text,
    due_date    timestamptz,
    points      integer     NOT NULL,
    course_id   uuid        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint      NOT NULL DEFAULT 0,
    CONSTRAINT assignments_pkey PRIMARY KEY (id),
    CONSTRAINT assignments_title_not_blank CHECK (btrim(title) <> ''),
    CONSTRAINT assignments_points_positive CHECK (points > 0),
    CONSTRAINT assignments_course_id_fkey FOREIGN KEY (course_id)
        REFERENCES courses (id) ON DELETE CASCADE
);
CREATE INDEX assignments_course_id_due_date_idx ON assignments (course_id, due_date);

CREATE TABLE submissions (
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    content       text,
    file_url      text,
    submitted_at  timestamptz NOT NULL DEFAULT now(),
    assignment_id uuid        NOT NULL,
    student_id    uuid        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       bigint      NOT NULL DEFAULT 0,
    CONSTRAINT submissions_pkey PRIMARY KEY (id),
    CONSTRAINT submissions_assignment_id_student_id_key UNIQUE (assignment_id, student_id),
    CONSTRAINT submissions_file_url_http CHECK (file_url ~* '^https?://'),
    CONSTRAINT submissions_assignment_id_fkey FOREIGN KEY (assignment_id)
        REFERENCES assignments (id) ON DELETE CASCADE,
    CONSTRAINT submissions_student_id_fkey FOREIGN KEY (student_id)
        REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX submissions_student_id_idx ON submissions (student_id);

CREATE TABLE grades (
    id            uuid         NOT NULL DEFAULT gen_random_uuid(),
    score         numeric(8,2) NOT NULL,
    feedback      text,
    submission_id uuid         NOT NULL,
    graded_by_id  uuid,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    version       bigint       NOT NULL DEFAULT 0,
    CONSTRAINT grades_pkey PRIMARY KEY (id),
    CONSTRAINT grades_submission_id_key UNIQUE (submission_id),
    CONSTRAINT grades_score_not_negative CHECK (score >= 0),
    CONSTRAINT grades_submission_id_fkey FOREIGN KEY (submission_id)
        REFERENCES submissions (id) ON DELETE CASCADE,
    -- SET NULL: a grade outlives the account of the person who gave it.
    CONSTRAINT grades_graded_by_id_fkey FOREIGN KEY (graded_by_id)
        REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX grades_graded_by_id_idx ON grades (graded_by_id);

CREATE TABLE discussions (
    id         uuid        NOT NULL DEFAULT gen_random_uuid(),
    title      text        NOT NULL,
    content    text,
    course_id  uuid        NOT NULL,
    author_id  uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    bigint      NOT NULL DEFAULT 0,
    CONSTRAINT discussions_pkey PRIMARY KEY (id),
    CONSTRAINT discussions_title_not_blank CHECK (btrim(title) <> ''),
    CONSTRAINT discussions_course_id_fkey FOREIGN KEY (course_id)
        REFERENCES courses (id) ON DELETE CASCADE,
    CONSTRAINT discussions_author_id_fkey FOREIGN KEY (author_id)
        REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX discussions_course_id_created_at_idx ON discussions (course_id, created_at);
CREATE INDEX discussions_author_id_idx ON discussions (author_id);

CREATE TABLE discussion_posts (
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    content       text        NOT NULL,
    discussion_id uuid        NOT NULL,
    author_id     uuid,
    parent_id     uuid,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       bigint      NOT NULL DEFAULT 0,
    CONSTRAINT discussion_posts_pkey PRIMARY KEY (id),
    CONSTRAINT discussion_posts_content_not_blank CHECK (btrim(content) <> ''),
    CONSTRAINT discussion_posts_discussion_id_fkey FOREIGN KEY (discussion_id)
        REFERENCES discussions (id) ON DELETE CASCADE,
    CONSTRAINT discussion_posts_author_id_fkey FOREIGN KEY (author_id)
        REFERENCES users (id) ON DELETE SET NULL,
    -- Deleting a post removes its replies, and theirs, down the thread.
    CONSTRAINT discussion_posts_parent_id_fkey FOREIGN KEY (parent_id)
        REFERENCES discussion_posts (id) ON DELETE CASCADE
);
CREATE INDEX discussion_posts_discussion_id_created_at_idx ON discussion_posts (discussion_id, created_at);
CREATE INDEX discussion_posts_author_id_idx ON discussion_posts (author_id);
CREATE INDEX discussion_posts_parent_id_idx ON discussion_posts (parent_id);

CREATE TABLE announcements (
    id         uuid        NOT NULL DEFAULT gen_random_uuid(),
    title      text        NOT NULL,
    content    text,
    course_id  uuid        NOT NULL,
    author_id  uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    bigint      NOT NULL DEFAULT 0,
    CONSTRAINT announcements_pkey PRIMARY KEY (id),
    CONSTRAINT announcements_title_not_blank CHECK (btrim(title) <> ''),
    CONSTRAINT announcements_course_id_fkey FOREIGN KEY (course_id)
        REFERENCES courses (id) ON DELETE CASCADE,
    CONSTRAINT announcements_author_id_fkey FOREIGN KEY (author_id)
        REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX announcements_course_id_created_at_idx ON announcements (course_id, created_at);
CREATE INDEX announcements_author_id_idx ON announcements (author_id);

CREATE TABLE course_content (
    id         uuid         NOT NULL DEFAULT gen_random_uuid(),
    title      text         NOT NULL,
    type       content_type NOT NULL,
    content    text,
    file_url   text,
    position   integer      NOT NULL DEFAULT 0,
    course_id  uuid         NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now(),
    updated_at timestamptz  NOT NULL DEFAULT now(),
    version    bigint       NOT NULL DEFAULT 0,
    CONSTRAINT course_content_pkey PRIMARY KEY (id),
    CONSTRAINT course_content_title_not_blank CHECK (btrim(title) <> ''),
    CONSTRAINT course_content_position_not_negative CHECK (position >= 0),
    CONSTRAINT course_content_file_url_http CHECK (file_url ~* '^https?://'),
    CONSTRAINT course_content_course_id_fkey FOREIGN KEY (course_id)
        REFERENCES courses (id) ON DELETE CASCADE
);
CREATE INDEX course_content_course_id_position_idx ON course_content (course_id, position);
