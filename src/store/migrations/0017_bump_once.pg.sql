-- One bump of data_version per transaction is enough: readers compare the
-- count between their own transactions. Bumping the one row on every
-- statement of a long transaction (a reindex runs hundreds of thousands of
-- them) makes PostgreSQL walk an ever longer chain of row versions.
CREATE OR REPLACE FUNCTION vt_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF current_setting('vt.bumped_in', true) IS DISTINCT FROM txid_current()::text THEN
		PERFORM set_config('vt.bumped_in', txid_current()::text, true);
		UPDATE data_version SET n = n + 1;
	END IF;
	RETURN NULL;
END $$;
