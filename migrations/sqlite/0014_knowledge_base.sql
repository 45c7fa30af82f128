-- The kennisbank (issue 13): articles in Markdown, Dutch with English beside it, each save a new
-- version. The product's own articles are loaded per coalition (`shipped`); they can be hidden,
-- not removed, so a restart does not bring back what a coalition removed.
CREATE TABLE knowledge_articles (
  id INTEGER PRIMARY KEY,
  coalition_id INTEGER NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
  slug TEXT NOT NULL,
  position INTEGER NOT NULL,
  shipped INTEGER NOT NULL DEFAULT 0,
  shown INTEGER NOT NULL DEFAULT 1,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  title_en TEXT NOT NULL DEFAULT '',
  body_en TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (coalition_id, slug)
);

CREATE TABLE knowledge_article_versions (
  article_id INTEGER NOT NULL REFERENCES knowledge_articles(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  title_en TEXT NOT NULL,
  body_en TEXT NOT NULL,
  saved_at BIGINT NOT NULL,
  saved_by INTEGER REFERENCES people(id) ON DELETE SET NULL,
  PRIMARY KEY (article_id, version)
);

-- Full-text search holds each article's stems (domain/search_words), Dutch and English apart;
-- the rowid is the article's id.
CREATE VIRTUAL TABLE knowledge_search USING fts5(title_nl, body_nl, title_en, body_en,
  tokenize = 'unicode61 remove_diacritics 2');

ALTER TABLE coalitions ADD COLUMN public_knowledge INTEGER NOT NULL DEFAULT 0;
