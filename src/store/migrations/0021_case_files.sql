-- Attachments of cases: only ciphertext (secretstream under a key of the file's own,
-- which lives in the case's 'bijlage' record, boxed under the case key).
CREATE TABLE case_files (
	id INTEGER PRIMARY KEY,
	case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
	record_id INTEGER NOT NULL REFERENCES case_records (id) ON DELETE CASCADE,
	data BLOB NOT NULL
);
CREATE INDEX case_files_by_record ON case_files (record_id);
