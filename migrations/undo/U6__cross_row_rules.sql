-- Undoes V6__cross_row_rules.sql: the cross-row rules go back to being checked by the service alone.
-- No data changes; rows written under the rules keep satisfying them.

DROP TRIGGER submissions_keep_cross_row_rules_on_move ON submissions;
DROP TRIGGER submissions_keep_cross_row_rules_on_insert ON submissions;
DROP FUNCTION submissions_keep_cross_row_rules();
DROP TRIGGER assignments_course_keeps_submissions ON assignments;
DROP FUNCTION assignments_course_keeps_submissions();
DROP TRIGGER assignments_points_cover_grades ON assignments;
DROP FUNCTION assignments_points_cover_grades();
DROP TRIGGER grades_score_within_points ON grades;
DROP FUNCTION grades_score_within_points();
