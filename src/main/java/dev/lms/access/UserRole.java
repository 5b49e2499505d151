package dev.lms.access;

/** Mirrors the PostgreSQL enum {@code user_role}. */
public enum UserRole {
    STUDENT,
    INSTRUCTOR,
    ADMIN
}
