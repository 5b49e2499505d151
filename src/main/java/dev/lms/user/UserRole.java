package dev.lms.user;

/** Mirrors the PostgreSQL enum {@code user_role}. */
public enum UserRole {
    STUDENT,
    INSTRUCTOR,
    ADMIN
}
