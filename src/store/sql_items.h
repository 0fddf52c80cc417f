/* SQL fragments both dialects' statement tables share. Internal to store/. */
#ifndef VERTROUWD_STORE_SQL_ITEMS_H
#define VERTROUWD_STORE_SQL_ITEMS_H

/*
 * Item columns, in the order store_read_item() reads them; lists pass '' for
 * the body, which only item pages need, and NULL for the categories, which they
 * fetch for all rows at once (ST_ITEM_CATS).
 */
#define ITEM_COLUMNS_WITH(body, cats)                                                                                  \
	"i.id, i.type, i.slug, i.title, i.lead, " body ", i.author, i.published, i.status, i.updated_at, " cats ", "   \
	"i.image, i.image_alt, f.name, f.content_type, f.size, i.words"
#define ITEM_FROM "items i LEFT JOIN files f ON f.id = i.file_id"

#endif
