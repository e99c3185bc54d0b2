-- The team's functions and triggers (run by Create after schema.sql). Every
-- SECURITY DEFINER function pins its search_path and names the caller by
-- session_user; none is executable by PUBLIC.

-- Changes for the mirror: one row per record touched by a statement
-- (old_rows exists only for a DELETE, new_rows for the others).
CREATE FUNCTION {{S}}.changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = {{S}}, pg_temp AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		INSERT INTO changes (login, prospect, removed) SELECT DISTINCT login, prospect, true FROM old_rows;
	ELSE
		INSERT INTO changes (login, prospect, removed) SELECT DISTINCT login, prospect, false FROM new_rows;
	END IF;
	PERFORM pg_notify('{{C}}', 'records');
	RETURN NULL;
END $$;
CREATE TRIGGER records_inserted AFTER INSERT ON {{S}}.records REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION {{S}}.changed();
CREATE TRIGGER records_updated AFTER UPDATE ON {{S}}.records REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION {{S}}.changed();
CREATE TRIGGER records_deleted AFTER DELETE ON {{S}}.records REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION {{S}}.changed();
CREATE TRIGGER events_inserted AFTER INSERT ON {{S}}.events REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION {{S}}.changed();

-- A record that meets an erasure block never lands: the person asked to be
-- forgotten, whichever rep still had them when pushing.
CREATE FUNCTION {{S}}.refuse_erased() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = {{S}}, pg_temp AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM blocks WHERE kind = 'erasure' AND hashes && NEW.hashes) THEN
		RETURN NULL;
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER records_erased BEFORE INSERT OR UPDATE ON {{S}}.records
	FOR EACH ROW EXECUTE FUNCTION {{S}}.refuse_erased();

CREATE FUNCTION {{S}}.notify_blocks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('{{C}}', TG_ARGV[0]);
	RETURN NULL;
END $$;
CREATE TRIGGER blocks_notify AFTER INSERT ON {{S}}.blocks
	FOR EACH STATEMENT EXECUTE FUNCTION {{S}}.notify_blocks('blocks');
CREATE TRIGGER members_notify AFTER INSERT OR UPDATE OR DELETE ON {{S}}.members
	FOR EACH STATEMENT EXECUTE FUNCTION {{S}}.notify_blocks('members');

-- Erasure everywhere: the caller's erasure block of that key deletes every
-- member's records meeting its hashes (their events go by the cascade).
-- Only a block the caller recorded counts, so every erasure is on record.
CREATE FUNCTION {{S}}.erase(block_key text) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
SET search_path = {{S}}, pg_temp AS $$
DECLARE
	h bytea[];
	n bigint;
BEGIN
	IF NOT active() THEN
		RAISE insufficient_privilege USING MESSAGE = 'revoked';
	END IF;
	SELECT hashes INTO h FROM blocks WHERE login = session_user AND key = block_key AND kind = 'erasure';
	IF h IS NULL THEN
		RETURN 0;
	END IF;
	DELETE FROM records WHERE hashes && h;
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN n;
END $$;

-- Who else holds a person: member name and since, nothing else.
CREATE FUNCTION {{S}}.seen(h bytea[]) RETURNS TABLE (member text, since timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {{S}}, pg_temp AS $$
	SELECT m.name, min(r.since) FROM records r JOIN members m ON m.login = r.login
	WHERE active() AND r.hashes && h AND r.login <> session_user AND m.revoked IS NULL
	GROUP BY m.name ORDER BY 2, 1
$$;

-- The Team screen's counts, from the server's rows (no personal data).
CREATE FUNCTION {{S}}.member_stats() RETURNS TABLE (name text, manager boolean, revoked timestamptz,
	joined timestamptz, last_sync timestamptz, prospects bigint, consents bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {{S}}, pg_temp AS $$
	SELECT m.name, m.manager, m.revoked, m.joined, m.last_sync, count(r.prospect), coalesce(sum(r.consents), 0)
	FROM members m LEFT JOIN records r ON r.login = m.login
	WHERE active() GROUP BY m.name, m.manager, m.revoked, m.joined, m.last_sync ORDER BY m.joined, m.name
$$;

-- A new member's login. The password arrives as a SCRAM verifier made on
-- the manager's laptop, so the server (and its statement log) never sees it.
CREATE FUNCTION {{S}}.add_member(member text, login_name name, verifier text, is_manager boolean, pub bytea)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = {{S}}, pg_temp AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM members WHERE name = member) THEN
		RAISE unique_violation USING MESSAGE = 'member exists';
	END IF;
	EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', login_name, verifier, '{{M}}');
	IF is_manager THEN
		EXECUTE format('GRANT %I TO %I', '{{G}}', login_name);
	END IF;
	INSERT INTO members (name, login, manager, pubkey) VALUES (member, login_name, is_manager, pub);
END $$;

CREATE FUNCTION {{S}}.invite(member text, login_name name, verifier text, is_manager boolean, pub bytea)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = {{S}}, pg_temp AS $$
BEGIN
	IF NOT is_manager() THEN
		RAISE insufficient_privilege USING MESSAGE = 'not manager';
	END IF;
	PERFORM add_member(member, login_name, verifier, is_manager, pub);
END $$;

-- Revocation: the login can no longer log in (NOLOGIN), its open sessions
-- end where the server lets us, and every policy shuts it out at once
-- through active(). The password stays on purpose: the laptop then hears
-- "role … is not permitted to log in", which only a revocation causes, and
-- not a bare password failure it could not tell from a wrong server.
-- Returns false for an unknown member.
CREATE FUNCTION {{S}}.revoke(member text) RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER
SET search_path = {{S}}, pg_temp AS $$
DECLARE
	l name;
BEGIN
	IF NOT is_manager() THEN
		RAISE insufficient_privilege USING MESSAGE = 'not manager';
	END IF;
	SELECT login INTO l FROM members WHERE name = member AND revoked IS NULL;
	IF l IS NULL THEN
		RETURN false;
	END IF;
	IF l = session_user THEN
		RAISE invalid_parameter_value USING MESSAGE = 'a manager cannot revoke themselves';
	END IF;
	UPDATE members SET revoked = now() WHERE login = l;
	EXECUTE format('ALTER ROLE %I NOLOGIN', l);
	BEGIN
		PERFORM pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = l;
	EXCEPTION WHEN insufficient_privilege THEN
		NULL; -- a managed server may refuse; active() already shuts the sessions out
	END;
	RETURN true;
END $$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {{S}} FROM PUBLIC;
GRANT EXECUTE ON FUNCTION {{S}}.active(), {{S}}.is_manager(), {{S}}.erase(text), {{S}}.seen(bytea[]),
	{{S}}.member_stats() TO {{M}};
GRANT EXECUTE ON FUNCTION {{S}}.invite(text, name, text, boolean, bytea), {{S}}.revoke(text) TO {{G}};
