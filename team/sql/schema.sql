-- One team: its schema, its two group roles and every table, function,
-- trigger and row-level security policy. Run once by Create, as the admin
-- role (which owns everything here and so bypasses the policies).
-- {{S}} is the schema (wl_<slug>), {{M}} the members' group role, {{G}} the
-- managers' group role, {{C}} the notification channel. They are slugs
-- checked by the Go side ([a-z0-9_]), never user text.

CREATE ROLE {{M}} NOLOGIN;
CREATE ROLE {{G}} NOLOGIN IN ROLE {{M}};
CREATE SCHEMA {{S}};
REVOKE ALL ON SCHEMA {{S}} FROM PUBLIC;
GRANT USAGE ON SCHEMA {{S}} TO {{M}};
-- Members connect and push through temporary tables: PUBLIC has both by
-- default, a hardened database may not.
DO $$ BEGIN
	EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO {{M}}', current_database());
EXCEPTION WHEN insufficient_privilege THEN
	NULL; -- the admin does not own the database: PUBLIC's defaults then
END $$;

-- The team's members. name and login are the employees', never a prospect's.
CREATE TABLE {{S}}.members (
	name      text PRIMARY KEY,
	login     name NOT NULL UNIQUE,
	manager   boolean NOT NULL DEFAULT false,
	pubkey    bytea NOT NULL,
	joined    timestamptz NOT NULL DEFAULT now(),
	revoked   timestamptz,
	last_sync timestamptz
);

-- Each Seal epoch's key, sealed to each member's X25519 public key.
CREATE TABLE {{S}}.team_keys (
	epoch      integer NOT NULL,
	login      name NOT NULL,
	sealed_key bytea NOT NULL,
	PRIMARY KEY (epoch, login)
);

-- Company-wide blocks: blind hashes and a sealed note, idempotent by (login, key).
CREATE TABLE {{S}}.blocks (
	seq    bigserial PRIMARY KEY,
	login  name NOT NULL DEFAULT current_user,
	key    text NOT NULL,
	kind   text NOT NULL,
	hashes bytea[] NOT NULL,
	note   bytea,
	time   timestamptz NOT NULL,
	UNIQUE (login, key)
);
CREATE INDEX blocks_hashes ON {{S}}.blocks USING gin (hashes);

-- Every change to records and events, in order: the manager's mirror cursor.
CREATE TABLE {{S}}.changes (
	seq      bigserial PRIMARY KEY,
	login    name NOT NULL,
	prospect bigint NOT NULL,
	removed  boolean NOT NULL
);

-- Each member's prospects: blind hashes, the sealed snapshot, the ledger's head.
CREATE TABLE {{S}}.records (
	login    name NOT NULL DEFAULT current_user,
	prospect bigint NOT NULL,
	hashes   bytea[] NOT NULL,
	snapshot bytea,
	since    timestamptz,
	head     bytea,
	seq      bigint NOT NULL DEFAULT 0,
	consents integer NOT NULL DEFAULT 0,
	PRIMARY KEY (login, prospect)
);
CREATE INDEX records_hashes ON {{S}}.records USING gin (hashes);

-- Each member's sealed ledger events. ch is the change counter when the
-- event arrived, so the mirror takes only the events it has not seen.
CREATE TABLE {{S}}.events (
	login    name NOT NULL DEFAULT current_user,
	prospect bigint NOT NULL,
	seq      bigint NOT NULL,
	hash     bytea NOT NULL,
	sealed   bytea NOT NULL,
	ch       bigint NOT NULL DEFAULT nextval('{{S}}.changes_seq_seq'),
	PRIMARY KEY (login, prospect, seq),
	FOREIGN KEY (login, prospect) REFERENCES {{S}}.records ON DELETE CASCADE
);

-- The caller, inside SECURITY DEFINER functions (where current_user is the
-- owner): session_user, the member's own login.
CREATE FUNCTION {{S}}.active() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = {{S}}, pg_temp AS $$
	SELECT EXISTS (SELECT 1 FROM members WHERE login = session_user AND revoked IS NULL)
$$;
CREATE FUNCTION {{S}}.is_manager() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = {{S}}, pg_temp AS $$
	SELECT EXISTS (SELECT 1 FROM members WHERE login = session_user AND revoked IS NULL AND manager)
$$;

-- Row-level security: a rep writes only rows under its own login and reads
-- its own records and events; everyone active reads blocks and members;
-- the manager reads everything. A revoked member passes no policy at all.
-- (SELECT f()) makes PostgreSQL call f once per statement, not per row:
-- the difference between 1 s and 10 s for the manager's first mirror.
ALTER TABLE {{S}}.members ENABLE ROW LEVEL SECURITY;
ALTER TABLE {{S}}.team_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE {{S}}.blocks ENABLE ROW LEVEL SECURITY;
ALTER TABLE {{S}}.records ENABLE ROW LEVEL SECURITY;
ALTER TABLE {{S}}.events ENABLE ROW LEVEL SECURITY;
ALTER TABLE {{S}}.changes ENABLE ROW LEVEL SECURITY;

-- members stays readable to a revoked login, so it can learn why it is shut out.
CREATE POLICY members_read ON {{S}}.members FOR SELECT TO {{M}} USING (true);
CREATE POLICY members_sync ON {{S}}.members FOR UPDATE TO {{M}}
	USING (login = current_user AND (SELECT {{S}}.active())) WITH CHECK (login = current_user);
CREATE POLICY keys_read ON {{S}}.team_keys FOR SELECT TO {{M}}
	USING (login = current_user OR (SELECT {{S}}.is_manager()));
CREATE POLICY keys_seal ON {{S}}.team_keys FOR INSERT TO {{G}} WITH CHECK ((SELECT {{S}}.is_manager()));
CREATE POLICY blocks_read ON {{S}}.blocks FOR SELECT TO {{M}} USING ((SELECT {{S}}.active()));
CREATE POLICY blocks_write ON {{S}}.blocks FOR INSERT TO {{M}}
	WITH CHECK (login = current_user AND (SELECT {{S}}.active()));
CREATE POLICY records_read ON {{S}}.records FOR SELECT TO {{M}}
	USING ((login = current_user OR (SELECT {{S}}.is_manager())) AND (SELECT {{S}}.active()));
CREATE POLICY records_write ON {{S}}.records FOR INSERT TO {{M}}
	WITH CHECK (login = current_user AND (SELECT {{S}}.active()));
CREATE POLICY records_update ON {{S}}.records FOR UPDATE TO {{M}}
	USING (login = current_user AND (SELECT {{S}}.active())) WITH CHECK (login = current_user);
CREATE POLICY records_delete ON {{S}}.records FOR DELETE TO {{M}}
	USING (login = current_user AND (SELECT {{S}}.active()));
CREATE POLICY events_read ON {{S}}.events FOR SELECT TO {{M}}
	USING ((login = current_user OR (SELECT {{S}}.is_manager())) AND (SELECT {{S}}.active()));
CREATE POLICY events_write ON {{S}}.events FOR INSERT TO {{M}}
	WITH CHECK (login = current_user AND (SELECT {{S}}.active()));
CREATE POLICY changes_read ON {{S}}.changes FOR SELECT TO {{G}} USING ((SELECT {{S}}.is_manager()));

GRANT SELECT ON {{S}}.members TO {{M}};
GRANT UPDATE (last_sync) ON {{S}}.members TO {{M}};
GRANT SELECT ON {{S}}.team_keys TO {{M}};
GRANT INSERT ON {{S}}.team_keys TO {{G}};
GRANT SELECT, INSERT ON {{S}}.blocks TO {{M}};
GRANT SELECT, INSERT, UPDATE, DELETE ON {{S}}.records, {{S}}.events TO {{M}};
GRANT SELECT ON {{S}}.changes TO {{G}};
GRANT USAGE ON SEQUENCE {{S}}.blocks_seq_seq, {{S}}.changes_seq_seq TO {{M}};
