-- search_version moves whenever what a search ranks or filters by may have
-- changed: the index (0016's triggers) and the items' type, date, status and
-- categories (below). Each SQLite connection keeps lengths, dates, types and
-- categories of the indexed items in memory (store/sqlite_rank.c) and reloads
-- them when it moves, so a search never joins items for every match.
CREATE TABLE search_version (n INTEGER NOT NULL);
INSERT INTO search_version VALUES (0);

CREATE TRIGGER search_version_item_update AFTER UPDATE OF type, published, status ON items
BEGIN
	UPDATE search_version SET n = n + 1;
END;
CREATE TRIGGER search_version_item_delete AFTER DELETE ON items
BEGIN
	UPDATE search_version SET n = n + 1;
END;
CREATE TRIGGER search_version_category_add AFTER INSERT ON item_categories
BEGIN
	UPDATE search_version SET n = n + 1;
END;
CREATE TRIGGER search_version_category_drop AFTER DELETE ON item_categories
BEGIN
	UPDATE search_version SET n = n + 1;
END;
CREATE TRIGGER search_version_category_move AFTER UPDATE ON item_categories
BEGIN
	UPDATE search_version SET n = n + 1;
END;
