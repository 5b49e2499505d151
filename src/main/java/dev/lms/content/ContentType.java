package dev.lms.content;

/** Mirrors the PostgreSQL enum {@code content_type}. */
public enum ContentType {
    TEXT,
    VIDEO,
    DOCUMENT,
    LINK,
    SCORM,
    YOUTUBE
}
