"""The admin's sign-in limit counts failures only: per client IP, and per user name however it is spelt."""

import pytest

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"


def sign_in(client, username, password, ip="192.0.2.1"):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password}, REMOTE_ADDR=ip)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_admin_login_wrong_guesses_from_elsewhere_do_not_lock_the_organiser_out(client, organiser, settings):
    settings.RATELIMIT_PER_ADDRESS = 5
    for n in range(5):
        assert sign_in(client, "organiser", "wrong", ip=f"203.0.113.{n}").status_code == 200

    # A sixth guess from yet another address meets the limit of the user name...
    assert sign_in(client, "organiser", "wrong", ip="203.0.113.99").status_code == 429
    assert not signed_in(client)
    # ...but the organiser, with the right password from an address not itself limited, gets in.
    response = sign_in(client, "organiser", PASSWORD, ip="198.51.100.7")
    assert response.status_code == 302
    assert signed_in(client)


def test_admin_login_correct_sign_ins_never_count(client, organiser, settings):
    settings.RATELIMIT_PER_ADDRESS = 3
    settings.RATELIMIT_PER_IP = 3
    for _ in range(8):
        assert sign_in(client, "organiser", PASSWORD).status_code == 302
        assert signed_in(client)
        client.logout()


@pytest.mark.parametrize("spelling", ["ｏｒｇａｎｉｓｅｒ", "ORGANISER", "Organiser"])
def test_admin_login_another_spelling_of_the_name_shares_its_counter(client, organiser, settings, spelling):
    settings.RATELIMIT_PER_ADDRESS = 3
    for n in range(3):
        sign_in(client, spelling, "wrong", ip=f"203.0.113.{n}")

    assert sign_in(client, "organiser", "wrong", ip="203.0.113.50").status_code == 429
    assert sign_in(client, "ｏｒｇａｎｉｓｅｒ", "wrong", ip="203.0.113.51").status_code == 429


def test_admin_login_an_address_over_its_limit_may_not_even_try(client, organiser, settings):
    settings.RATELIMIT_PER_IP = 2
    sign_in(client, "a", "x")
    sign_in(client, "b", "x")

    response = sign_in(client, "organiser", PASSWORD)
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert not signed_in(client)
    # Another address is not held back by this one.
    assert sign_in(client, "organiser", PASSWORD, ip="198.51.100.7").status_code == 302


def test_admin_login_still_signs_in_under_the_limit(client, organiser):
    response = sign_in(client, "organiser", PASSWORD)

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
