"""Users in a real workspace: scrypt hashes, sign-in, the first administrator, who may add users."""

from __future__ import annotations

import pytest

from gisdesk.core.incidents import ValidationError
from gisdesk.core.users import AuthError, PermissionDenied, User, hash_password, slug, verify_password
from gisdesk.store.connection import connect
from gisdesk.store.users_store import UserStore


def test_hashes_are_salted_scrypt_and_verify():
    a, b = hash_password("correct horse"), hash_password("correct horse")
    assert a != b and a.startswith("scrypt$16384$8$1$")
    salt_hex, hash_hex = a.split("$")[4:]
    assert len(bytes.fromhex(salt_hex)) == 16 and len(bytes.fromhex(hash_hex)) == 32
    assert verify_password("correct horse", a) and not verify_password("Correct horse", a)
    assert not verify_password("x", "md5$abc") and not verify_password("x", "")
    with pytest.raises(ValidationError, match="at least 4"):
        hash_password("abc")


def test_demo_users_sign_in_and_the_password_is_not_stored(workspace):
    with UserStore(workspace) as store:
        me = store.authenticate("phu_hoi", "demo")
        assert (me.role, me.commune) == ("commune_officer", "Phú Hội")
        assert store.authenticate("Dispatcher ", "demo").role == "city_dispatcher"
        assert not store.needs_first_admin()
    conn = connect(workspace, read_only=True)
    hashes = [r[0] for r in conn.execute("SELECT pw_hash FROM users")]
    conn.close()
    assert len(hashes) == len(set(hashes)) == 10 and not any("demo" in h for h in hashes)


def test_a_wrong_name_and_a_wrong_password_get_the_same_message(workspace):
    with UserStore(workspace) as store:
        with pytest.raises(AuthError) as wrong_password:
            store.authenticate("dispatcher", "nope")
        with pytest.raises(AuthError) as wrong_name:
            store.authenticate("nobody", "demo")
        assert str(wrong_password.value) == str(wrong_name.value) == "wrong username or password"
        admin = store.authenticate("admin", "demo")
        store.set_active(admin, "viewer", False)
        with pytest.raises(AuthError, match="wrong username or password"):
            store.authenticate("viewer", "demo")


def test_first_administrator_only_once(tmp_path, workspace):
    conn = connect(workspace)
    conn.execute("DELETE FROM users")
    conn.close()
    with UserStore(workspace) as store:
        assert store.needs_first_admin()
        admin = store.create_first_admin("root", "s3cret-pass", "Root")
        assert not store.needs_first_admin() and store.authenticate("root", "s3cret-pass") == admin
        with pytest.raises(PermissionDenied, match="already exists"):
            store.create_first_admin("mallory", "s3cret-pass")
        with pytest.raises(AuthError):
            store.authenticate("mallory", "s3cret-pass")


def test_only_an_administrator_adds_users_and_roles_come_from_the_table(workspace):
    with UserStore(workspace) as store:
        admin = store.authenticate("admin", "demo")
        dispatcher = store.authenticate("dispatcher", "demo")
        with pytest.raises(PermissionDenied, match="only an administrator"):
            store.create_user(dispatcher, "eve", "password", "city_dispatcher")
        forged = User("dispatcher", "x", "administrator")  # a User object claiming a role it does not have
        with pytest.raises(PermissionDenied):
            store.create_user(forged, "eve", "password", "administrator")
        added = store.create_user(admin, "kim_long", "password", "commune_officer", commune="Kim Long")
        assert store.authenticate("kim_long", "password") == added
        with pytest.raises(ValidationError, match="no commune named 'Atlantis'"):
            store.create_user(admin, "atl", "password", "commune_officer", commune="Atlantis")
        with pytest.raises(ValidationError, match="needs a commune"):
            store.create_user(admin, "nocom", "password", "commune_officer")
        with pytest.raises(ValidationError, match="taken"):
            store.create_user(admin, "kim_long", "password", "viewer")
        with pytest.raises(ValidationError, match="username"):
            store.create_user(admin, "Bad Name", "password", "viewer")
        with pytest.raises(ValidationError, match="last administrator"):
            store.set_active(admin, "admin", False)
        # the policy's table: an account reads itself; only an administrator reads every account
        assert [u.username for u in store.users(added)] == ["kim_long"]
        assert [u.username for u in store.users(dispatcher)] == ["dispatcher"]
        assert len(store.users(admin)) == 11
        assert [u.username for u in store.all_users()] == [u.username for u in store.users(admin)]  # the CLI's
        assert len(store.users(User("admin", "x", "viewer"))) == 11  # the role is the table's, not the object's
        assert store.users(User("nobody", "x", "administrator")) == []  # unknown: a viewer, and not in the table


def test_changing_passwords(workspace):
    with UserStore(workspace) as store:
        me = store.authenticate("vinh_ninh", "demo")
        with pytest.raises(AuthError):
            store.set_password(me, "vinh_ninh", "new-pass", old_password="wrong")
        store.set_password(me, "vinh_ninh", "new-pass", old_password="demo")
        assert store.authenticate("vinh_ninh", "new-pass").commune == "Vĩnh Ninh"
        with pytest.raises(PermissionDenied, match="only their own"):
            store.set_password(me, "dispatcher", "hijacked")
        store.set_password(store.authenticate("admin", "demo"), "vinh_ninh", "reset-by-admin")
        assert store.authenticate("vinh_ninh", "reset-by-admin")


def test_usernames_from_commune_names():
    assert slug("Phú Hội") == "phu_hoi" and slug("Đông Ba") == "dong_ba" and slug("Thuận Hòa") == "thuan_hoa"
